import { z } from 'zod';
import { settingsSchema } from '../../preload/contract/settings-schema';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/**
 * The JSON Schema electron-store / conf validate every write against (generated from the contract's
 * zod schemas). The file holds settings, account status (no secret), window bounds and small flags;
 * interviews and queues live in the database.
 */
export function storeJsonSchema(): Record<string, Record<string, unknown>> {
  return {
    schemaVersion: { type: 'integer', minimum: 1 },
    settings: jsonSchema(settingsSchema.partial()),
  };
}

/** The same rules as zod, for checking a file before it is opened. */
export const storedDataSchema = z.looseObject({
  schemaVersion: z.number().int().min(1),
  settings: z.record(z.string(), z.unknown()).optional(),
});
