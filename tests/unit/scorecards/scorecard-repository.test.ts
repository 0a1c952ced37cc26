import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createScorecardRepository } from '../../../main/scorecards/scorecard-repository';
import { createPanelFormsRepository } from '../../../main/panel-forms/panel-forms-repository';
import { builtInTemplate } from '../../../main/scorecards/default-template';
import type { Scorecard } from '../../../preload/shared/contract/scorecard-schema';
import { makeInterview } from '../../support/interview-fixtures';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

const interview = makeInterview({ startUtc: '2030-05-06T09:00:00.000Z', durationMinutes: 60 });

function setup() {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  const database = wrapDatabase(sql, ':memory:');
  open.push(database);
  createInterviewRepository(database).putMany([interview]);
  const log = createMemoryLogger();
  return {
    database,
    log,
    scorecards: createScorecardRepository({ database, log }),
    forms: createPanelFormsRepository(database),
  };
}

/** A scorecard by `email`: the recruiter's in the app, or a form response. */
function card(source: 'app' | 'form', email: string, takeaways: string, at = '2030-05-06T11:00:00.000Z'): Scorecard {
  return {
    interviewId: interview.id,
    author: { kind: source === 'app' ? 'recruiter' : 'panelist', name: 'Rita Recruiter', email },
    source,
    templateName: builtInTemplate.name,
    criteria: builtInTemplate.criteria,
    answers: { ratings: {}, overall: 'yes', takeaways },
    state: 'submitted',
    submittedAt: at,
    updatedAt: at,
  };
}

describe('scorecards table: the recruiter’s app scorecard wins over a form response under the same address', () => {
  it('a form response by the recruiter’s address arriving after the app’s scorecard is ignored', () => {
    const { scorecards, forms } = setup();
    scorecards.putOwn(card('app', 'Rita@Example.com', 'From the app'));
    forms.putFormScorecard(card('form', 'rita@example.com', 'From the form', '2030-05-06T12:00:00.000Z'));
    expect(scorecards.own(interview.id)?.answers.takeaways).toBe('From the app');
    expect(scorecards.others(interview.id)).toEqual([]);
    expect(forms.formScorecard(interview.id, 'rita@example.com')).toBeUndefined();
    expect(scorecards.submittedAmong([interview.id])).toEqual(new Set([interview.id]));
  });

  it('saving in the app replaces a form response under the recruiter’s address; other panelists are untouched', () => {
    const { scorecards, forms } = setup();
    forms.putFormScorecard(card('form', 'rita@example.com', 'From the form'));
    forms.putFormScorecard(card('form', 'pat@example.com', 'Pat’s'));
    // Before the app's row exists, the form row is one of the others and is not the recruiter's submitted one.
    expect(scorecards.own(interview.id)).toBeUndefined();
    expect(scorecards.others(interview.id).map((s) => s.answers.takeaways)).toEqual(['Pat’s', 'From the form']);
    expect(scorecards.submittedAmong([interview.id])).toEqual(new Set());

    scorecards.putOwn({ ...card('app', 'rita@example.com', 'Draft in the app'), state: 'draft' });
    expect(scorecards.own(interview.id)?.answers.takeaways).toBe('Draft in the app');
    expect(scorecards.others(interview.id).map((s) => s.answers.takeaways)).toEqual(['Pat’s']);
    expect(forms.formScorecard(interview.id, 'rita@example.com')).toBeUndefined();
    // Google sends the same response again at the next read: still the app's.
    forms.putFormScorecard(card('form', 'rita@example.com', 'From the form', '2030-05-06T12:00:00.000Z'));
    expect(scorecards.own(interview.id)?.answers.takeaways).toBe('Draft in the app');
    expect(scorecards.others(interview.id)).toHaveLength(1);
  });

  it('a stored scorecard that no longer passes the schema is left out and reported without its content', () => {
    const { database, scorecards, log } = setup();
    database
      .prepare(
        "INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms) VALUES (?, 'x@example.com', 'form', 'submitted', ?, 1, 1)",
      )
      .run(interview.id, '{"secret":"Rambled on"}');
    expect(scorecards.others(interview.id)).toEqual([]);
    const logged = log.lines.join('\n');
    expect(logged).toContain('a stored scorecard could not be read');
    expect(logged).not.toContain('Rambled');
  });
});
