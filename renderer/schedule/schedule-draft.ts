/** What the schedule form holds while it is being filled in (all text, as typed). */
export interface ScheduleDraft {
  candidateName: string;
  candidateEmail: string;
  jobTitle: string;
  date: string;
  time: string;
  timeZone: string;
  candidateTimeZone: string;
  durationMinutes: string;
  notes: string;
  candidateMessage: string;
  meetLink: string;
  occurrence: '' | 'earlier' | 'later';
  /** The panel as typed (drafts from before panels have none). */
  coInterviewers?: Array<{ email: string; name: string }>;
}

const key = 'interview-desk.schedule-draft';
// Session storage keeps the draft across screens and reloads of this window, never beyond it (private
// notes are in it); the module copy covers a browser that refuses storage.
let kept: ScheduleDraft | undefined;

/** The draft left behind when the person went elsewhere, if any. */
export function loadScheduleDraft(): ScheduleDraft | undefined {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (raw) return { ...JSON.parse(raw) } as ScheduleDraft;
  } catch {
    // Storage refused or a damaged entry: the module copy is all there is.
  }
  return kept;
}

/** Keeps the draft while the form is filled in. */
export function saveScheduleDraft(draft: ScheduleDraft): void {
  kept = draft;
  try {
    window.sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or refused storage: the module copy still survives moving between screens.
  }
}

/** Forgets the draft (scheduled, or discarded on purpose). */
export function clearScheduleDraft(): void {
  kept = undefined;
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}
