import { useState } from 'react';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { Criterion, ScorecardTemplate } from '../../preload/shared/contract/scorecard-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { ErrorMessage } from '../common/ErrorMessage';
import { Field } from '../common/Field';
import { FieldError, withoutField } from '../common/FieldError';

/** A new id in the contract's alphabet (a–z, 0–9, hyphen); scorecards keep their criteria, so ids only need to be unique within a template. */
const newId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** Settings → Scorecards: whether others' scorecards show before submitting, and the templates. */
export function ScorecardsPanel({ initial }: { initial: Settings }) {
  const templates = useCall(() => desk.scorecards.templates());
  const [showOthers, setShowOthers] = useState(initial.showOthersScorecardsBeforeSubmit);
  const [settingError, setSettingError] = useState<DeskError | undefined>();
  const [adding, setAdding] = useState<ScorecardTemplate | undefined>();
  const toggle = async (next: boolean) => {
    setShowOthers(next);
    const result = await desk.settings.update({ showOthersScorecardsBeforeSubmit: next });
    setSettingError(result.ok ? undefined : result.error);
  };
  return (
    <section className="panel" aria-labelledby="scorecards-title" data-testid="scorecards-settings">
      <h2 id="scorecards-title">Scorecards</h2>
      <label className="check">
        <input type="checkbox" checked={showOthers} onChange={(e) => void toggle(e.target.checked)} />
        Show the other interviewers&apos; scorecards before I submit mine
      </label>
      <p className="hint">
        Off by default, as in the ATS tools: you form your own view first. Scorecards stay on this computer.
      </p>
      <ErrorMessage error={settingError} />
      <ErrorMessage error={templates.error} />
      {templates.value?.map((template) => (
        <TemplateEditor key={template.id} saved={template} onSaved={(list) => templates.setValue(list)} />
      ))}
      {adding ? (
        <TemplateEditor
          saved={adding}
          isNew
          onSaved={(list) => {
            templates.setValue(list);
            setAdding(undefined);
          }}
          onCancel={() => setAdding(undefined)}
        />
      ) : (
        <button
          type="button"
          onClick={() =>
            setAdding({
              id: newId('t'),
              name: '',
              jobTitle: '',
              criteria: [{ id: newId('c'), name: '', guidance: '' }],
            })
          }
        >
          Add a template for a job title
        </button>
      )}
    </section>
  );
}

/** One template: its name, job title (none for the default), and its criteria in order. */
function TemplateEditor({
  saved,
  isNew = false,
  onSaved,
  onCancel,
}: {
  saved: ScorecardTemplate;
  isNew?: boolean;
  onSaved: (list: ScorecardTemplate[]) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<DeskError | undefined>();
  const [note, setNote] = useState('');
  const isDefault = draft.id === 'default';
  const heading = isDefault ? 'Default template' : isNew ? 'New template' : `Template for ${saved.jobTitle ?? ''}`;
  const headingId = `template-${draft.id}-title`;
  const edit = (field: string, next: ScorecardTemplate) => {
    setDraft(next);
    setError((e) => withoutField(e, field));
    setNote('');
  };
  const setCriterion = (index: number, patch: Partial<Criterion>, field: string) =>
    edit(field, { ...draft, criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const move = (index: number, by: -1 | 1) => {
    const criteria = [...draft.criteria];
    const [item] = criteria.splice(index, 1);
    if (!item) return;
    criteria.splice(index + by, 0, item);
    edit('criteria', { ...draft, criteria });
  };
  const save = async () => {
    const result = await desk.scorecards.saveTemplate(draft);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setNote('Saved.');
    onSaved(result.value);
  };
  const remove = async () => {
    const result = await desk.scorecards.removeTemplate(draft.id);
    if (!result.ok) return setError(result.error);
    if (isDefault) {
      const restored = result.value[0];
      if (restored) setDraft(restored);
      setNote('The built-in default is back.');
    }
    onSaved(result.value);
  };
  return (
    <section
      className="template-editor"
      aria-labelledby={headingId}
      data-testid={`template-${isNew ? 'new' : draft.id}`}
    >
      <h3 id={headingId}>{heading}</h3>
      {isDefault && <p className="hint">Used for every job title without a template of its own.</p>}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Template name" name="name" error={error}>
          {(control) => (
            <input {...control} value={draft.name} onChange={(e) => edit('name', { ...draft, name: e.target.value })} />
          )}
        </Field>
        {!isDefault && (
          <Field
            label="Job title"
            name="jobTitle"
            error={error}
            hint="Interviews with this job title use this template."
          >
            {(control) => (
              <input
                {...control}
                value={draft.jobTitle ?? ''}
                onChange={(e) => edit('jobTitle', { ...draft, jobTitle: e.target.value })}
              />
            )}
          </Field>
        )}
        <fieldset className="criteria">
          <legend>Criteria</legend>
          <FieldError error={error} field="criteria" id={`${draft.id}-criteria-e`} />
          <ol>
            {draft.criteria.map((c, index) => (
              <li key={c.id}>
                <Field label={`Criterion ${index + 1}`} name={`criteria.${index}.name`} error={error}>
                  {(control) => (
                    <input
                      {...control}
                      value={c.name}
                      onChange={(e) => setCriterion(index, { name: e.target.value }, `criteria.${index}.name`)}
                    />
                  )}
                </Field>
                <Field
                  label={`What good looks like (criterion ${index + 1})`}
                  name={`criteria.${index}.guidance`}
                  error={error}
                >
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      value={c.guidance}
                      onChange={(e) => setCriterion(index, { guidance: e.target.value }, `criteria.${index}.guidance`)}
                    />
                  )}
                </Field>
                <div className="actions">
                  <button type="button" className="small" disabled={index === 0} onClick={() => move(index, -1)}>
                    Move up<span className="sr-only"> {c.name || `criterion ${index + 1}`}</span>
                  </button>
                  <button
                    type="button"
                    className="small"
                    disabled={index === draft.criteria.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    Move down<span className="sr-only"> {c.name || `criterion ${index + 1}`}</span>
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      edit('criteria', { ...draft, criteria: draft.criteria.filter((_, i) => i !== index) })
                    }
                  >
                    Remove<span className="sr-only"> {c.name || `criterion ${index + 1}`}</span>
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              edit('criteria', { ...draft, criteria: [...draft.criteria, { id: newId('c'), name: '', guidance: '' }] })
            }
          >
            Add criterion
          </button>
        </fieldset>
        {error && !error.field && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit" className="primary">
            Save template
          </button>
          {isNew ? (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          ) : (
            <button type="button" onClick={() => void remove()}>
              {isDefault ? 'Restore the built-in default' : 'Remove template'}
            </button>
          )}
          <span role="status" className="muted">
            {note}
          </span>
        </div>
      </form>
    </section>
  );
}
