import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStoredRecord } from '../../../main/database/stored-record';

const schema = z.object({ id: z.string(), count: z.number().int() });

describe('reading a stored JSON record against its schema', () => {
  it('answers the record when it passes, without reporting anything', () => {
    const reports: string[] = [];
    expect(readStoredRecord(schema, '{"id":"a","count":2}', () => reports.push('x'))).toEqual({ id: 'a', count: 2 });
    expect(reports).toEqual([]);
  });

  it.each([
    ['not JSON', '{"id":'],
    ['a record the schema refuses', '{"id":"a","count":1.5}'],
    ['a missing column', null],
  ])('leaves out %s and reports it once', (_what, raw) => {
    const reports: string[] = [];
    expect(readStoredRecord(schema, raw, () => reports.push('unreadable'))).toBeUndefined();
    expect(reports).toEqual(['unreadable']);
  });
});
