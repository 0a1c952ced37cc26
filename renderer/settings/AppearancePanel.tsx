import { useState } from 'react';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';

const choices: Array<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings → Appearance: the colour theme, saved (and shown) as soon as it is picked. */
export function AppearancePanel({ initial }: { initial: Settings['theme'] }) {
  const [theme, setTheme] = useState(initial);
  const [error, setError] = useState<DeskError | undefined>();
  const pick = async (next: Settings['theme']) => {
    setTheme(next);
    const result = await desk.settings.update({ theme: next });
    setError(result.ok ? undefined : result.error);
  };
  return (
    <section className="panel" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="choice-group">
        <legend>Colours</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="check">
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={theme === choice.value}
              onChange={() => void pick(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
    </section>
  );
}
