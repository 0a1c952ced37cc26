/**
 * Reading a JSON record stored in a table column against its schema: a row that no longer passes it
 * (a hand edit, a newer or older build) is left out, never a crash; the caller says how it reports it.
 */
import type { z } from 'zod';

/** The record, or undefined after calling `onUnreadable` (which must never log the record's content). */
export function readStoredRecord<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  onUnreadable: () => void,
): z.infer<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(String(raw)));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: unreadable like a record that fails the schema.
  }
  onUnreadable();
  return undefined;
}
