// The debrief of one interview with 8 interviewers (the recruiter and a panel of 7, every scorecard
// in, Meet's links, an hour of transcript) over a database of 10,000 interviews, through the same
// dispatch as both bridges; and the candidate's debrief of 5 such interviews. The ceiling is
// 100 ms: printed beside it as a ratio, never asserted.
import { dispatchCall } from '../../main/app/dispatch-call';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createMemoryLogger } from '../../main/logging/logger';
import { criterionRatings, recommendations } from '../../preload/shared/contract/scorecard-schema';
import {
  insertArtifact,
  insertScorecard,
  insertTranscriptLines,
  makeScorecard,
} from '../../tests/support/debrief-seed';
import { makeInterview, manyInterviews } from '../../tests/support/interview-fixtures';
import { servicesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { percentile, report, reportDurations, timeMany } from './lib/bench-utils';

const ceilingMs = 100;
const now = Date.now();
const temp = makeTempDir('idesk-bench-debrief-');
const services = servicesFor(temp.dir);
const db = services.stores.database;
const log = createMemoryLogger();
const panel = Array.from({ length: 7 }, (_, i) => ({ email: `panel${i}@example.com`, name: `Panelist ${i}` }));
const note = 'Walked through the trade-offs clearly, with a concrete example from the last project. '.repeat(4);

createInterviewRepository(db).putMany(manyInterviews(10_000, now));
const ids: string[] = [];
for (let n = 0; n < 5; n++) {
  const interview = makeInterview({
    startUtc: new Date(now - (n + 1) * 2 * 86_400_000).toISOString(),
    candidate: { name: 'Ada Lovelace', email: 'ada.bench@example.com' },
    recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
    coInterviewers: panel,
  });
  createInterviewRepository(db).putMany([interview]);
  ids.push(interview.id);
  const people = [
    { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' },
    ...panel.map((p) => ({ kind: 'panelist' as const, ...p })),
  ];
  db.transaction(() => {
    people.forEach((author, i) =>
      insertScorecard(
        db,
        makeScorecard(interview.id, author, {
          answers: {
            overall: recommendations[i % 4]!,
            takeaways: note,
            ratings: Object.fromEntries(
              ['role-skills', 'problem-solving', 'communication', 'collaboration'].map((c, j) => [
                c,
                { rating: criterionRatings[(i + j) % 4]!, note },
              ]),
            ),
          },
        }),
      ),
    );
    insertArtifact(db, {
      interviewId: interview.id,
      name: `conferenceRecords/c${n}/transcripts/t`,
      kind: 'transcript',
      exportUri: 'https://docs.google.com/document/d/1abcDEFghiJKLmno/view',
    });
    insertArtifact(db, {
      interviewId: interview.id,
      name: `conferenceRecords/c${n}/recordings/r`,
      kind: 'recording',
      exportUri: 'https://drive.google.com/file/d/1abcDEFghiJKLmno/view',
    });
    insertTranscriptLines(db, interview.id, 600);
  });
}

const get = async (scope: 'interview' | 'candidate') => {
  const result = await dispatchCall(services.handlers, 'debrief:get', { id: ids[0], scope }, log);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { text: string; interviews: unknown[] };
};
const first = await get('interview');
report('debrief text size (8 interviewers)', first.text.length, 'chars');
for (const scope of ['interview', 'candidate'] as const) {
  await timeMany(20, () => get(scope)); // warm-up: statements compiled, caches filled
  const label = scope === 'interview' ? 'one interview, 8 interviewers' : 'a candidate, 5 interviews × 8';
  const durations = await timeMany(200, () => get(scope));
  reportDurations(`debrief: ${label}`, durations);
  report(`debrief: ${label} p95 / ${ceilingMs} ms ceiling`, percentile(durations, 95) / ceilingMs, '×');
}

await services.dispose();
db.close();
temp.cleanup();
