/**
 * Scorecard templates in SQLite: the default one (no job title) and at most one per job title, matched
 * without regard to case or surrounding spaces. Without a saved default the built-in one is used, so
 * `templateFor` always answers a template.
 */
import type { Database } from '../database/database';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import { DeskFailure } from '../shared/desk-failure';
import { scorecardTemplateSchema, type ScorecardTemplate } from '../../preload/shared/contract/scorecard-schema';
import { builtInTemplate, defaultTemplateId } from './default-template';
import { readStoredRecord } from '../database/stored-record';

/** The templates the recruiter rates against. */
export interface TemplateStore {
  /** The default template first (saved or built-in), then those for a job title, by job title. */
  list(): ScorecardTemplate[];
  /** The template for an interview's job title: its own if one is saved, otherwise the default. */
  templateFor(jobTitle: string): ScorecardTemplate;
  /** Saves (creates or replaces) one template; refuses a second template for the same job title. */
  save(template: ScorecardTemplate): ScorecardTemplate;
  /** Removes a job title's template (its interviews then use the default); removing the default restores the built-in one. */
  remove(id: string): void;
}

/** How job titles are compared: the same words whatever their case and outer spaces. */
export const jobTitleKey = (jobTitle: string): string => jobTitle.trim().toLowerCase();

/** Creates the store over the app database. */
export function createTemplateStore(deps: { database: Database; clock: Clock; log: Logger }): TemplateStore {
  const db = deps.database;
  const builtIn = () => structuredClone(builtInTemplate);

  // A row that no longer passes the schema (a hand edit, another version) is skipped, never a crash.
  const parse = (record: unknown): ScorecardTemplate | undefined =>
    readStoredRecord(scorecardTemplateSchema, record, () =>
      deps.log.warn('a saved scorecard template could not be read and is not used'),
    );

  const savedDefault = () => {
    const row = db
      .prepare('SELECT record FROM scorecard_templates WHERE job_title IS NULL AND id = ?')
      .get(defaultTemplateId);
    return row ? parse(row.record) : undefined;
  };

  return {
    list() {
      const rows = db
        .prepare('SELECT record FROM scorecard_templates WHERE job_title IS NOT NULL ORDER BY lower(job_title), id')
        .all();
      const forJobs = rows.map((r) => parse(r.record)).filter((t): t is ScorecardTemplate => t !== undefined);
      return [savedDefault() ?? builtIn(), ...forJobs];
    },
    templateFor(jobTitle) {
      const key = jobTitleKey(jobTitle);
      if (key) {
        const row = db.prepare('SELECT record FROM scorecard_templates WHERE lower(job_title) = ?').get(key);
        const own = row ? parse(row.record) : undefined;
        if (own) return own;
      }
      return savedDefault() ?? builtIn();
    },
    save(input) {
      const template = scorecardTemplateSchema.parse(input);
      const jobTitle = template.jobTitle?.trim() || undefined;
      const isDefault = template.id === defaultTemplateId;
      if (isDefault && jobTitle)
        throw new DeskFailure(
          'invalid_input',
          'The default template has no job title: it serves every other one',
          'jobTitle',
        );
      if (!isDefault && !jobTitle)
        throw new DeskFailure(
          'invalid_input',
          'Job title is missing: a template other than the default is for one job title',
          'jobTitle',
        );
      const { jobTitle: _asTyped, ...rest } = template;
      const stored: ScorecardTemplate = jobTitle ? { ...rest, jobTitle } : rest;
      return db.transaction(() => {
        if (jobTitle) {
          const clash = db
            .prepare('SELECT id FROM scorecard_templates WHERE lower(job_title) = ? AND id <> ?')
            .get(jobTitleKey(jobTitle), template.id);
          if (clash)
            throw new DeskFailure('conflict', `Job title "${jobTitle}" already has its own template`, 'jobTitle');
        }
        db.prepare(
          `INSERT INTO scorecard_templates (id, job_title, record, updated_ms) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET job_title = excluded.job_title, record = excluded.record, updated_ms = excluded.updated_ms`,
        ).run(template.id, jobTitle ?? null, JSON.stringify(stored), deps.clock.now());
        return stored;
      });
    },
    remove(id) {
      db.prepare('DELETE FROM scorecard_templates WHERE id = ?').run(id);
    },
  };
}
