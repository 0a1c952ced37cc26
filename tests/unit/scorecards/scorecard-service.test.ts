import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createInterviewQueries } from '../../../main/interviews/interview-queries';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createEventHub } from '../../../main/shared/event-hub';
import { createTemplateStore } from '../../../main/scorecards/template-store';
import { createScorecardRepository } from '../../../main/scorecards/scorecard-repository';
import { createScorecardService } from '../../../main/scorecards/scorecard-service';
import { builtInTemplate } from '../../../main/scorecards/default-template';
import type { Scorecard, ScorecardAnswers } from '../../../preload/shared/contract/scorecard-schema';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

const start = Date.parse('2030-05-06T09:00:00.000Z');

function setup(interview: Interview, options: { showOthers?: boolean } = {}) {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  const database = wrapDatabase(sql, ':memory:');
  open.push(database);
  const interviewRows = createInterviewRepository(database);
  interviewRows.putMany([interview]);
  let now = start + 30 * 60_000;
  const clock = { now: () => now };
  const log = createMemoryLogger();
  const events = createEventHub();
  const emitted: string[] = [];
  events.listen((name) => emitted.push(name));
  const templates = createTemplateStore({ database, clock, log });
  const repository = createScorecardRepository({ database, log });
  const service = () =>
    createScorecardService({
      unitOfWork: database,
      repository,
      templates,
      interviews: createInterviewQueries({ repository: interviewRows, clock }),
      showOthersBeforeSubmit: () => options.showOthers ?? false,
      recruiter: () => ({ name: 'Rita Recruiter', email: 'Rita@Example.com' }),
      clock,
      events,
    });
  return { database, templates, service, emitted, setNow: (ms: number) => (now = ms), interviewRows };
}

const interview = () => makeInterview({ startUtc: new Date(start).toISOString(), durationMinutes: 60 });
const answers = (over: Partial<ScorecardAnswers> = {}): ScorecardAnswers => ({
  ratings: { communication: { rating: 'strong_yes', note: 'Clear and calm' } },
  takeaways: 'Explains trade-offs well',
  ...over,
});

/** A co-interviewer's scorecard as the panel-forms helper stores it. */
function insertFormScorecard(database: Database, interviewId: string, email: string) {
  const record: Scorecard = {
    interviewId,
    author: { kind: 'panelist', name: 'Pat Panel', email },
    source: 'form',
    templateName: builtInTemplate.name,
    criteria: builtInTemplate.criteria,
    answers: { ratings: {}, overall: 'no', takeaways: 'Not convinced' },
    state: 'submitted',
    submittedAt: new Date(start + 2 * 3_600_000).toISOString(),
    updatedAt: new Date(start + 2 * 3_600_000).toISOString(),
  };
  database
    .prepare(
      "INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms) VALUES (?, ?, 'form', 'submitted', ?, ?, ?)",
    )
    .run(interviewId, email, JSON.stringify(record), start + 2 * 3_600_000, start + 2 * 3_600_000);
}

describe("the recruiter's scorecard (SQLite)", () => {
  it('opens once the interview has started, with the template for its job title', () => {
    const i = interview();
    const { service, setNow } = setup(i);
    setNow(start - 60_000);
    expect(service().view(i.id).open).toBe(false);
    expect(() => service().saveDraft({ interviewId: i.id, answers: answers() })).toThrow(
      'The scorecard opens once the interview has started',
    );
    setNow(start);
    const view = service().view(i.id);
    expect(view.open).toBe(true);
    expect(view.template.criteria.map((c) => c.id)).toContain('communication');
    expect(view.own).toBeUndefined();
  });

  it('keeps a draft as typed, read back by a new service (a reload), and says so to the renderer', () => {
    const i = interview();
    const { service, emitted } = setup(i);
    service().saveDraft({ interviewId: i.id, answers: answers() });
    const own = service().view(i.id).own;
    expect(own?.state).toBe('draft');
    expect(own?.answers).toEqual(answers());
    expect(own?.author).toEqual({ kind: 'recruiter', name: 'Rita Recruiter', email: 'Rita@Example.com' });
    expect(own?.submittedAt).toBeUndefined();
    expect(emitted).toContain('scorecards:changed');
  });

  it('submits only with an overall recommendation, then marks a later change as an edit', () => {
    const i = interview();
    const { service, setNow } = setup(i);
    expect(() => service().submit({ interviewId: i.id, answers: answers() })).toThrow(
      'Choose an overall recommendation, or No decision',
    );
    const submittedAt = start + 40 * 60_000;
    setNow(submittedAt);
    const first = service().submit({ interviewId: i.id, answers: answers({ overall: 'yes' }) }).own;
    expect(first?.state).toBe('submitted');
    expect(first?.submittedAt).toBe(new Date(submittedAt).toISOString());
    expect(first?.editedAt).toBeUndefined();
    // The same answers again change nothing.
    setNow(submittedAt + 60_000);
    expect(service().submit({ interviewId: i.id, answers: answers({ overall: 'yes' }) }).own?.editedAt).toBeUndefined();
    setNow(submittedAt + 3_600_000);
    const edited = service().saveDraft({ interviewId: i.id, answers: answers({ overall: 'strong_yes' }) }).own;
    expect(edited?.state).toBe('submitted');
    expect(edited?.submittedAt).toBe(new Date(submittedAt).toISOString());
    expect(edited?.editedAt).toBe(new Date(submittedAt + 3_600_000).toISOString());
    expect(edited?.answers.overall).toBe('strong_yes');
  });

  it('keeps the criteria it was first written against when the template changes', () => {
    const i = interview();
    const { service, templates } = setup(i);
    service().saveDraft({ interviewId: i.id, answers: answers() });
    templates.save({ ...builtInTemplate, criteria: [{ id: 'values', name: 'Values', guidance: '' }] });
    const view = service().saveDraft({ interviewId: i.id, answers: answers({ takeaways: 'More' }) });
    expect(view.own?.criteria.map((c) => c.id)).toEqual(builtInTemplate.criteria.map((c) => c.id));
    expect(view.template.criteria.map((c) => c.id)).toEqual(['values']);
  });

  it('refuses a rating for a criterion the scorecard does not have, naming the field', () => {
    const i = interview();
    const { service } = setup(i);
    const attempt = () =>
      service().saveDraft({ interviewId: i.id, answers: answers({ ratings: { nope: { rating: 'yes', note: '' } } }) });
    expect(attempt).toThrow(/reload it, your text is kept on screen/);
    expect(service().view(i.id).own).toBeUndefined();
  });

  it("refuses a cancelled interview and a candidate's saved copy", () => {
    const cancelled = { ...interview(), status: 'cancelled' as const };
    expect(() => setup(cancelled).service().saveDraft({ interviewId: cancelled.id, answers: answers() })).toThrow(
      'This interview was cancelled',
    );
    const copy = { ...interview(), origin: 'candidate' as const };
    expect(() => setup(copy).service().view(copy.id)).toThrow('Scorecards are kept only for interviews you scheduled');
  });

  it("holds the others' scorecards back until the recruiter's own is submitted", () => {
    const i = interview();
    const { service, database } = setup(i);
    insertFormScorecard(database, i.id, 'pat@example.com');
    insertFormScorecard(database, i.id, 'sam@example.com');
    let view = service().view(i.id);
    expect(view.others).toEqual([]);
    expect(view.hiddenOthers).toBe(2);
    view = service().saveDraft({ interviewId: i.id, answers: answers() });
    expect(view.others).toEqual([]);
    view = service().submit({ interviewId: i.id, answers: answers({ overall: 'no_decision' }) });
    expect(view.hiddenOthers).toBe(0);
    expect(view.others.map((s) => s.author.email)).toEqual(['pat@example.com', 'sam@example.com']);
  });

  it("shows the others' at once when Settings says so", () => {
    const i = interview();
    const { service, database } = setup(i, { showOthers: true });
    insertFormScorecard(database, i.id, 'pat@example.com');
    const view = service().view(i.id);
    expect(view.others).toHaveLength(1);
    expect(view.hiddenOthers).toBe(0);
  });

  it('goes with its interview', () => {
    const i = interview();
    const { service, database, interviewRows } = setup(i);
    service().saveDraft({ interviewId: i.id, answers: answers() });
    interviewRows.remove(i.id);
    expect(database.prepare('SELECT count(*) AS n FROM scorecards').get()?.n).toBe(0);
  });
});
