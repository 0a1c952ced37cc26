/**
 * Our own schema-version ladder (electron-store's built-in migrations have known bugs). Each step
 * takes the whole stored object of version N and returns version N+1; every step has a test that
 * starts from a fixture of the older version.
 */
export type StoredData = Record<string, unknown>;

interface Migration {
  to: number;
  describe: string;
  up(data: StoredData): StoredData;
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
    super(`The data file was written by a newer Interview Desk (format ${version}; this version reads up to ${currentSchemaVersion}). Update the app to open it.`);
    this.name = 'NewerStoreError';
  }
}

/** Runs every step from the stored version to the current one. */
export function migrate(data: StoredData): { data: StoredData; from: number; steps: string[] } {
  const from = versionOf(data);
  if (from > currentSchemaVersion) throw new NewerStoreError(from);
  let current = data;
  const steps: string[] = [];
  for (const step of migrations) {
    if (step.to <= from) continue;
    current = { ...step.up(current), schemaVersion: step.to };
    steps.push(`${step.to - 1}→${step.to}: ${step.describe}`);
  }
  return { data: { ...current, schemaVersion: currentSchemaVersion }, from, steps };
}
