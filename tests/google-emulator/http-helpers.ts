import type { IncomingMessage, ServerResponse } from 'node:http';

/** Google's JSON error body: `{ error: { code, message, status, errors: [{ domain, reason, message }] } }`. */
export function googleError(code: number, reason: string, message: string, domain = 'global') {
  const status: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'ALREADY_EXISTS',
    410: 'FAILED_PRECONDITION',
    412: 'FAILED_PRECONDITION',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return { error: { code, message, status: status[code] ?? 'UNKNOWN', errors: [{ domain, reason, message }] } };
}

/** Writes JSON. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(status === 204 ? undefined : JSON.stringify(body));
}

/** Reads the request body as text. */
export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body, or null when it is not JSON. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const text = await readText(req);
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Parses a form-urlencoded body. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readText(req));
}

const rpcStatus: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * The newer error body of Google's gRPC-transcoded APIs (Meet v2): `{ error: { code, message, status } }`,
 * with no `errors[]`; a machine-readable reason, when there is one, rides in a `google.rpc.ErrorInfo` detail.
 */
export function rpcError(code: number, message: string, reason?: string, service = 'meet.googleapis.com') {
  return {
    error: {
      code,
      message,
      status: rpcStatus[code] ?? 'UNKNOWN',
      ...(reason
        ? {
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason,
                domain: 'googleapis.com',
                metadata: { service },
              },
            ],
          }
        : {}),
    },
  };
}
