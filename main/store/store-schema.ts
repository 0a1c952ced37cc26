import { z } from 'zod';
import { interviewSchema } from '../../preload/contract/interview-schema';
import { settingsSchema } from '../../preload/contract/settings-schema';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** The JSON Schema electron-store / conf validate every write against (generated from the contract's zod schemas). */
export function storeJsonSchema(): Record<string, Record<string, unknown>> {
  return {
    schemaVersion: { type: 'integer', minimum: 1 },
    settings: jsonSchema(settingsSchema.partial()),
    interviews: jsonSchema(z.array(interviewSchema)),
  };
}

/** The same rules as zod, for checking a file before it is opened. */
export const storedDataSchema = z.looseObject({
  schemaVersion: z.number().int().min(1),
  settings: z.record(z.string(), z.unknown()).optional(),
  interviews: z.array(interviewSchema).optional(),
});
