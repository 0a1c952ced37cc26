import type { z } from 'zod';
import { calls, type CallInput, type CallName, type CallOutput } from '../../preload/shared/contract/ipc-contract';
import { fail, ok, type DeskError, type FieldIssue, type Result } from '../../preload/shared/contract/result';
import { DeskFailure } from '../shared/desk-failure';
import { KeychainUnavailableError } from '../secrets/secret-store';
import type { Logger } from '../logging/logger';

/** One implementation per contract call; inputs arrive already validated. */
export type CallHandlers = {
  [N in CallName]: (input: z.infer<(typeof calls)[N]['input']>) => Promise<CallOutput<N>> | CallOutput<N>;
};

/**
 * Every refused field of a zod error at once (the first message per field), in the schema's own words:
 * the contract words each rule for the person ("Duration must be at least 5 minutes"), so the field's
 * key is never put in front of it.
 */
export function describeZodError(error: z.ZodError): DeskError {
  const fields: FieldIssue[] = [];
  let general: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!field) general ??= issue.message;
    else if (!fields.some((f) => f.field === field)) fields.push({ field, message: issue.message });
  }
  const first = fields[0];
  if (!first) return { code: 'invalid_input', message: general ?? 'The input is not valid.' };
  return { code: 'invalid_input', message: first.message, field: first.field, fields };
}

/**
 * Runs one call for either bridge (Electron IPC or web mode): checks the name against the contract,
 * parses the input as `unknown` with the contract's schema and answers with a result, never a throw.
 */
export async function dispatchCall(
  handlers: CallHandlers,
  name: string,
  rawInput: unknown,
  log: Logger,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(calls, name)) return fail('invalid_input', `Unknown call "${name.slice(0, 60)}".`);
  const callName = name as CallName;
  const parsed = calls[callName].input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const handler = handlers[callName] as (input: unknown) => Promise<unknown> | unknown;
    return ok(await handler(parsed.data as CallInput<CallName>));
  } catch (error) {
    if (error instanceof DeskFailure) return { ok: false, error: error.toDeskError() };
    // Any keychain trouble, wherever it surfaces, reaches the person with the words that say what to fix.
    if (error instanceof KeychainUnavailableError) return fail('keychain_unavailable', error.message);
    log.error(`call ${callName} failed`, error);
    return fail('internal', 'Something went wrong inside Interview Desk. The details are in the log file.');
  }
}
