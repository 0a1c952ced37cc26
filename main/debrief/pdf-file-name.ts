/**
 * The file name "Save as PDF" suggests: "Debrief - Ada Lovelace - Compiler Engineer.pdf". Names come
 * from people, so anything a file system refuses or reads as a path is replaced.
 */
// Path separators, characters Windows refuses, and controls (C0, DEL, C1).
// eslint-disable-next-line no-control-regex
const unsafe = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;

/** A safe suggested file name for a candidate's debrief (and the job, for one interview's). */
export function pdfFileName(candidateName: string, jobTitle?: string): string {
  const clean = (s: string) =>
    s
      .replace(unsafe, ' ')
      .replace(/\.{2,}/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '');
  const parts = ['Debrief', clean(candidateName), jobTitle === undefined ? '' : clean(jobTitle)].filter(Boolean);
  return `${parts.join(' - ').slice(0, 120).trim()}.pdf`;
}
