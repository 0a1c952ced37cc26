/**
 * Who sees others' scorecards: as the ATS tools do against anchoring, an interviewer sees the others'
 * only after submitting their own, unless the recruiter chose to see them before (Settings → Scorecards).
 * Main applies it before anything leaves for the renderer; the words for the hidden state live here too.
 */

/** Whether the recruiter may see the others' scorecards now. */
export function othersVisible(own: { state: 'draft' | 'submitted' } | undefined, showBeforeSubmit: boolean): boolean {
  return showBeforeSubmit || own?.state === 'submitted';
}

/** The line shown where hidden scorecards would be ("Submit yours to see the 2 others'"). */
export function hiddenOthersLine(count: number): string {
  return count === 1 ? "Submit yours to see the other interviewer's." : `Submit yours to see the ${count} others'.`;
}
