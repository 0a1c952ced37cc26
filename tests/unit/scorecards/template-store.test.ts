import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createTemplateStore } from '../../../main/scorecards/template-store';
import { builtInTemplate } from '../../../main/scorecards/default-template';
import { DeskFailure } from '../../../main/shared/desk-failure';
import type { ScorecardTemplate } from '../../../preload/shared/contract/scorecard-schema';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

function store() {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  const db = wrapDatabase(sql, ':memory:');
  open.push(db);
  return {
    db,
    templates: createTemplateStore({ database: db, clock: { now: () => 1_000 }, log: createMemoryLogger() }),
  };
}

const engineer: ScorecardTemplate = {
  id: 'engineer',
  name: 'Engineering',
  jobTitle: 'Backend Engineer',
  criteria: [{ id: 'system-design', name: 'System design', guidance: 'Designs for scale and failure.' }],
};

describe('scorecard templates (SQLite)', () => {
  it('answers the built-in default for any job title until a template is saved', () => {
    const { templates } = store();
    expect(templates.templateFor('Backend Engineer')).toEqual(builtInTemplate);
    expect(templates.templateFor('')).toEqual(builtInTemplate);
    expect(templates.list()).toEqual([builtInTemplate]);
  });

  it('matches a job title without regard to case or outer spaces, and falls back to the default for others', () => {
    const { templates } = store();
    templates.save(engineer);
    expect(templates.templateFor('  backend engineer ').id).toBe('engineer');
    expect(templates.templateFor('Designer').id).toBe('default');
  });

  it('uses a saved default instead of the built-in one, and removing it restores the built-in one', () => {
    const { templates } = store();
    const mine = { ...builtInTemplate, name: 'Our way', criteria: [{ id: 'values', name: 'Values', guidance: '' }] };
    templates.save(mine);
    expect(templates.templateFor('Designer').name).toBe('Our way');
    expect(templates.list()[0]?.name).toBe('Our way');
    templates.remove('default');
    expect(templates.templateFor('Designer')).toEqual(builtInTemplate);
  });

  it('lists the default first, then job titles in alphabetical order', () => {
    const { templates } = store();
    templates.save(engineer);
    templates.save({ ...engineer, id: 'analyst', jobTitle: 'analyst' });
    expect(templates.list().map((t) => t.id)).toEqual(['default', 'analyst', 'engineer']);
  });

  it('refuses a second template for the same job title, naming the field', () => {
    const { templates } = store();
    templates.save(engineer);
    const attempt = () => templates.save({ ...engineer, id: 'other', jobTitle: 'BACKEND engineer' });
    expect(attempt).toThrow(DeskFailure);
    expect(attempt).toThrow(/already has its own template/);
    // Saving the same template again (an edit) is fine.
    expect(templates.save({ ...engineer, name: 'Engineering v2' }).name).toBe('Engineering v2');
  });

  it('refuses a job title on the default and a template without one that is not the default', () => {
    const { templates } = store();
    expect(() => templates.save({ ...builtInTemplate, jobTitle: 'Engineer' })).toThrow(
      /default template has no job title/,
    );
    const { jobTitle: _none, ...noTitle } = engineer;
    expect(() => templates.save(noTitle)).toThrow(/Job title is missing/);
  });

  it('skips a stored row it cannot read instead of failing', () => {
    const { db, templates } = store();
    db.prepare(
      "INSERT INTO scorecard_templates (id, job_title, record, updated_ms) VALUES ('x', 'Chef', '{\"id\":1}', 0)",
    ).run();
    expect(templates.templateFor('chef')).toEqual(builtInTemplate);
    expect(templates.list()).toEqual([builtInTemplate]);
  });
});
