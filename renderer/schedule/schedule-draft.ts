import type { OccurrenceChoice } from '../common/when-preview';

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
  occurrence: OccurrenceChoice;
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

/** A new form's draft: tomorrow at ten in the person's own zone, an hour long, nothing else filled in. */
export function freshScheduleDraft(nowMs: number, zone: string): ScheduleDraft {
  const d = new Date(nowMs + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return {
    candidateName: '',
    candidateEmail: '',
    jobTitle: '',
    date,
    time: '10:00',
    timeZone: zone,
    candidateTimeZone: '',
    durationMinutes: '60',
    notes: '',
    candidateMessage: '',
    meetLink: '',
    occurrence: '',
    coInterviewers: [],
  };
}
