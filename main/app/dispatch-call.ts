import type { z } from 'zod';
import { calls, type CallInput, type CallName, type CallOutput } from '../../preload/contract/ipc-contract';
import { fail, ok, type Result } from '../../preload/contract/result';
import { DeskFailure } from './desk-failure';
import { KeychainUnavailableError } from '../secrets/secret-store';
import type { Logger } from '../logging/logger';

/** One implementation per contract call; inputs arrive already validated. */
export type CallHandlers = {
  [N in CallName]: (input: z.infer<(typeof calls)[N]['input']>) => Promise<CallOutput<N>> | CallOutput<N>;
};

/** Names the first failing field of a zod error in words a person can act on. */
export function describeZodError(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The input is not valid.' };
  const field = issue.path.map(String).join('.');
  return field ? { message: `${field}: ${issue.message}`, field } : { message: issue.message };
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
  if (!parsed.success) {
    const { message, field } = describeZodError(parsed.error);
    return fail('invalid_input', message, field);
  }
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
