import { z } from 'zod';
import { interviewSchema } from '../../preload/shared/contract/interview-schema';

/**
 * Our own schema-version ladder for the settings file (electron-store's built-in migrations have
 * known bugs). Each step takes the whole stored object of version N and returns version N+1; every
 * step has a test that starts from a fixture of the older version.
 */
export type StoredData = Record<string, unknown>;

/** What a step may need beyond the data: where the data that leaves this file goes. */
export interface MigrationContext {
  /** Moves interviews, queues and sync state into the database (one transaction, never twice). */
  moveToDatabase(data: StoredData): void;
}

interface Migration {
  to: number;
  describe: string;
  up(data: StoredData, context: MigrationContext): StoredData;
}

/** The keys that left this file for the database in version 3. */
export const movedToDatabase = ['interviews', 'outbox', 'googleQueue', 'googleSyncToken'] as const;

/** A version-2 file as it must look before its data moves (a record that breaks this is damage). */
const version2Schema = z.looseObject({ interviews: z.array(interviewSchema).optional() });

/** A failure of the move into the database: not damage to this file, so it is never moved aside. */
export class DataMoveError extends Error {
  constructor(cause: unknown) {
    super(
      `Your interviews could not be moved into the new database (${(cause as Error).message}). Nothing was changed; the data file is untouched.`,
      { cause },
    );
    this.name = 'DataMoveError';
  }
}

/** Version 1 is the foundation's file: `settings` only, no version key. */
export const migrations: Migration[] = [
  {
    to: 2,
    describe: 'add interviews; recruiter identity in settings',
    up: (data) => {
      const settings = (data.settings as Record<string, unknown> | undefined) ?? {};
      return { ...data, settings: { recruiterName: '', recruiterEmail: '', ...settings }, interviews: [] };
    },
  },
  {
    to: 3,
    describe: 'interviews, outbox, Google queue and sync token move to the database; this file keeps settings',
    up: (data, context) => {
      const checked = version2Schema.safeParse(data);
      if (!checked.success)
        throw new Error(
          `does not match the schema: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`,
        );
      try {
        context.moveToDatabase(data);
      } catch (error) {
        throw new DataMoveError(error);
      }
      const kept = { ...data };
      for (const key of movedToDatabase) delete kept[key];
      return kept;
    },
  },
];

/** The version this build writes. */
export const currentSchemaVersion = migrations.at(-1)?.to ?? 1;

/** The stored version; files from before versioning are version 1. */
export function versionOf(data: StoredData): number {
  return typeof data.schemaVersion === 'number' ? data.schemaVersion : 1;
}

/** A file written by a newer Interview Desk: never downgrade it silently. */
export class NewerStoreError extends Error {
  constructor(version: number) {
    super(
      `The data file was written by a newer Interview Desk (format ${version}; this version reads up to ${currentSchemaVersion}). Update the app to open it.`,
    );
    this.name = 'NewerStoreError';
  }
}

/** Runs every step from the stored version to the current one. */
export function migrate(
  data: StoredData,
  context: MigrationContext,
): { data: StoredData; from: number; steps: string[] } {
  const from = versionOf(data);
  if (from > currentSchemaVersion) throw new NewerStoreError(from);
  let current = data;
  const steps: string[] = [];
  for (const step of migrations) {
    if (step.to <= from) continue;
    current = { ...step.up(current, context), schemaVersion: step.to };
    steps.push(`${step.to - 1}→${step.to}: ${step.describe}`);
  }
  return { data: { ...current, schemaVersion: currentSchemaVersion }, from, steps };
}
