import { z } from 'zod';

/**
 * The JSON Schema electron-store / conf check the file against when they open it and on every write:
 * the envelope only (a version and a settings object). conf refuses to open a file that breaks its
 * schema, so a field's own rule lives in SettingsService, which keeps a saved value that breaks it in
 * the file, lists it in Settings and does not use it; a rule here would stop every start instead.
 * The file holds settings, account status (no secret), window bounds and small flags.
 */
export function storeJsonSchema(): Record<string, Record<string, unknown>> {
  return {
    schemaVersion: { type: 'integer', minimum: 1 },
    settings: { type: 'object' },
  };
}

/** The same envelope as zod, for checking a file before it is opened (a file that breaks it is damaged). */
export const storedDataSchema = z.looseObject({
  schemaVersion: z.number().int().min(1),
  settings: z.record(z.string(), z.unknown()).optional(),
});
