import { z } from 'zod';
import { interviewSchema, type Interview } from '../../preload/shared/contract/interview-schema';
import type { Logger } from '../logging/logger';
import { createInterviewRepository } from './interview-repository';
import type { Database } from './database';
import { createSyncState } from './sync-state';

/** The marker that says the old JSON data is in the database (written in the import's own transaction). */
export const legacyImportMarker = 'legacy_json_import';

const legacyMail = z.object({
  key: z.string().min(1),
  interviewId: z.string(),
  recipient: z.enum(['candidate', 'recruiter']),
  kind: z.enum(['invitation', 'update', 'cancellation', 'reminder']),
  state: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number().int().min(0).catch(0),
  notBefore: z.number().catch(0),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  reason: z.string().optional(),
  /** An update's "was" (the time, and the old link for a link change). */
  previous: z
    .object({ startUtc: z.string(), durationMinutes: z.number().int(), meetLink: z.string().optional() })
    .optional(),
});

const legacyGoogle = z.object({
  key: z.string().min(1),
  interviewId: z.string(),
  op: z.enum(['create', 'update', 'relink', 'cancel']),
  attempts: z.number().int().min(0).catch(0),
  notBefore: z.number().catch(0),
  lastError: z.string().optional(),
});

/** What was brought over (and what could not be: records that fail the schema, queue items of unknown interviews). */
export interface LegacyImportReport {
  imported: boolean;
  interviews: number;
  mail: number;
  google: number;
  skipped: number;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ms = (iso: string | undefined, fallback: number) =>
  iso && Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : fallback;

/**
 * Moves the data of the old single JSON file (interviews with their deliveries, joins and reminder
 * marks; the outbox; the Google queue and sync token) into the database, in one transaction that
 * also writes the marker: a crash leaves all or nothing, and a second run changes nothing. Queue
 * items keep their keys and order, so a message keeps its Message-ID and nothing is sent twice.
 */
export function importLegacyStore(
  db: Database,
  data: Record<string, unknown>,
  options: { now: number; log: Logger },
): LegacyImportReport {
  const { now, log } = options;
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(legacyImportMarker))
      return { imported: false, interviews: 0, mail: 0, google: 0, skipped: 0 };
    let skipped = 0;
    const interviews: Interview[] = [];
    for (const raw of list(data.interviews)) {
      const parsed = interviewSchema.safeParse(raw);
      if (parsed.success) interviews.push(parsed.data);
      else skipped++;
    }
    createInterviewRepository(db).putMany(interviews);
    const known = new Set(interviews.map((i) => i.id));
    const insert = db.prepare(
      'INSERT OR IGNORE INTO queue_items (queue, key, interview_id, state, attempts, not_before, payload, reason, created_ms, updated_ms, finished_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let mail = 0;
    for (const raw of list(data.outbox)) {
      const item = legacyMail.safeParse(raw);
      if (!item.success || !known.has(item.data.interviewId)) {
        skipped++;
        continue;
      }
      const m = item.data;
      // 'sending' was a crash left mid-send: SMTP cannot say whether it arrived, so it is queued again.
      const state = m.state === 'sending' ? 'queued' : m.state;
      const created = ms(m.createdAt, now);
      const finished = m.state === 'sent' ? ms(m.sentAt, created) : m.state === 'failed' ? created : null;
      insert.run(
        'mail',
        m.key,
        m.interviewId,
        state,
        m.attempts,
        m.notBefore,
        JSON.stringify({ recipient: m.recipient, kind: m.kind, ...(m.previous ? { previous: m.previous } : {}) }),
        m.reason ?? null,
        created,
        now,
        finished,
      );
      mail++;
    }
    let google = 0;
    for (const raw of list(data.googleQueue)) {
      const item = legacyGoogle.safeParse(raw);
      if (!item.success || !known.has(item.data.interviewId)) {
        skipped++;
        continue;
      }
      const g = item.data;
      insert.run(
        'google',
        g.key,
        g.interviewId,
        'queued',
        g.attempts,
        g.notBefore,
        JSON.stringify({ op: g.op }),
        g.lastError ?? null,
        now,
        now,
        null,
      );
      google++;
    }
    if (typeof data.googleSyncToken === 'string' && data.googleSyncToken)
      createSyncState(db).set('googleSyncToken', data.googleSyncToken);
    const report = { imported: true, interviews: interviews.length, mail, google, skipped };
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(
      legacyImportMarker,
      JSON.stringify({ at: new Date(now).toISOString(), ...report }),
    );
    log.info(
      `imported the old data file: ${interviews.length} interviews, ${mail} messages, ${google} Calendar changes${skipped ? `; ${skipped} unreadable records left in the backup` : ''}`,
    );
    return report;
  });
}
