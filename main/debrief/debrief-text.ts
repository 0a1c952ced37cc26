/**
 * The debrief as plain text ("Copy as text"): for a hiring channel or an ATS note. The same facts
 * as the screen in reading order; nothing is summed into a verdict.
 */
import type { Debrief, DebriefInterview, DebriefInterviewer } from '../../preload/shared/contract/debrief-schema';
import { criterionRatingWords, recommendationWords } from '../../preload/shared/contract/scorecard-schema';
import { formatInstant, formatInstantRange, type TimeStyle } from '../../preload/shared/rules/time-format';
import { missingScorecardWords } from '../../preload/shared/rules/missing-scorecard-words';
import { missingWords, statusWords } from '../../preload/shared/rules/artifact-words';

/** Where an interviewer's scorecard stands, in words; times as `time` writes them. */
export function scorecardStateWords(
  person: DebriefInterviewer,
  item: Pick<DebriefInterview, 'formsConnection'>,
  time: (iso: string) => string,
): string {
  switch (person.state) {
    case 'missing':
      return missingScorecardWords(person, item, time);
    case 'hidden':
      return 'submitted (hidden until you submit yours)';
    case 'draft':
      return `${person.overall ? recommendationWords[person.overall] : 'no recommendation yet'} (draft, not submitted)`;
    case 'submitted':
      return (
        (person.overall ? recommendationWords[person.overall] : 'No recommendation given') +
        (person.source === 'form' ? ' (from the panel form)' : '') +
        (person.editedAt ? ' (edited after submitting)' : '')
      );
  }
}

const who = (person: DebriefInterviewer) => (person.kind === 'recruiter' ? `${person.name} (you)` : person.name);

function interviewText(item: DebriefInterview, style: TimeStyle): string[] {
  // Every time in the interview's own zone, named, as on the screen.
  const time = (iso: string) => formatInstant(iso, item.timeZone, style, { date: 'short', zoneName: 'short' });
  const when = formatInstantRange(item.startUtc, item.endUtc, item.timeZone, style);
  const lines = [`${item.jobTitle}, ${when}${item.cancelled ? ' (cancelled)' : ''}`, ''];
  lines.push('Who said what');
  for (const person of item.interviewers) lines.push(`- ${who(person)}: ${scorecardStateWords(person, item, time)}`);
  if (item.hiddenNote) lines.push(item.hiddenNote);
  const shown = item.interviewers.map((p) => p.state === 'submitted' || p.state === 'draft');
  if (item.criteria.length) {
    lines.push('', 'Criteria');
    for (const row of item.criteria) {
      const cells = row.cells.map((cell, i) => ({ cell, person: item.interviewers[i]! })).filter((_, i) => shown[i]);
      lines.push(
        `- ${row.name}: ` +
          cells
            .map(({ cell, person }) => `${person.name} ${cell.rating ? criterionRatingWords[cell.rating] : '—'}`)
            .join('; '),
      );
      for (const { cell, person } of cells) if (cell.note) lines.push(`    ${person.name}: ${indent(cell.note)}`);
    }
  }
  const takeaways = item.interviewers.filter((p) => p.takeaways);
  if (takeaways.length) {
    lines.push('', 'Key takeaways');
    for (const person of takeaways) lines.push(`- ${person.name}: ${indent(person.takeaways!)}`);
  }
  lines.push('', 'Attendance', ...item.attendance.map((l) => `- ${l}`));
  lines.push('', 'Transcript and recording');
  if (item.links.length) for (const link of item.links) lines.push(`- ${link.label}: ${link.url}`);
  // No links: the room's words for why (not connected, still waiting, nothing turned on), never silence.
  else if (item.meet) lines.push(...[statusWords(item.meet, time), ...missingWords(item.meet)].map((l) => `- ${l}`));
  else lines.push('- Nothing from Google Meet is kept for this interview.');
  return lines;
}

// A note's own line breaks stay inside its list item.
const indent = (text: string) => text.replace(/\n/g, '\n      ');

/** The whole debrief as text: the candidate, then each interview (oldest first). */
export function debriefText(debrief: Omit<Debrief, 'text'>, style: TimeStyle): string {
  const { candidate, interviews } = debrief;
  const heading =
    debrief.scope === 'candidate'
      ? `Debrief: ${candidate.name} <${candidate.email}>, ${interviews.length} ${interviews.length === 1 ? 'interview' : 'interviews'}`
      : `Debrief: ${candidate.name} <${candidate.email}>`;
  const parts = interviews.map((item) => interviewText(item, style).join('\n'));
  return [heading, '', parts.join('\n\n———\n\n'), ''].join('\n');
}
