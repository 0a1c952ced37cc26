// Checks a commit message file: a subject `Area: what changed` of at most 72 characters, then a
// blank line before the body. Prints what is wrong and exits 1; exits 0 when the message fits.
import fs from 'node:fs';

const maxSubject = 72;

/** Returns what is wrong with a commit message, or an empty list. */
export function commitMessageProblems(message) {
  const lines = message.split('\n').filter((line) => !line.startsWith('#'));
  const subject = lines[0] ?? '';
  const problems = [];
  // Merges and fixups written by git itself keep their own subjects.
  if (/^(Merge|Revert|fixup!|squash!) /.test(subject)) return problems;
  if (subject.trim() === '') problems.push('The subject is empty.');
  if (subject.length > maxSubject)
    problems.push(`The subject has ${subject.length} characters; at most ${maxSubject}. Put the why in the body.`);
  if (subject && !/^[A-Za-z0-9][\w ./-]*: \S/.test(subject))
    problems.push('The subject reads `Area: what changed` (e.g. `Outbox: plan the next send with one query`).');
  if (lines.length > 1 && lines[1].trim() !== '') problems.push('A blank line separates the subject from the body.');
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const problems = commitMessageProblems(fs.readFileSync(process.argv[2], 'utf8'));
  for (const problem of problems) console.error(`commit-msg: ${problem}`);
  process.exit(problems.length === 0 ? 0 : 1);
}
