import { useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';

/**
 * Whether to ask "which of the two times?" and in which words. Main asks (an `occurrence` refusal,
 * from the live preview or a save); once the person answers, the question stays for that time with
 * the answer checked — it does not vanish under the focus — until the time (`when`) changes.
 */
export function useOccurrenceQuestion(when: string, shown: DeskError | undefined) {
  const [answered, setAnswered] = useState<{ when: string; message: string } | undefined>();
  const message =
    shown?.field === 'occurrence' ? shown.message : answered?.when === when ? answered.message : undefined;
  /** The person chose one: keep asking in the same words while the time stays. */
  const answer = () => {
    if (message) setAnswered({ when, message });
  };
  return { message, answer };
}
