import fc from 'fast-check';

/** Query strings a forger might send to the sign-in callback: noise, and the real parameter names with made-up values. */
export const forgedQuery = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.webQueryParameters(),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('state', 'code', 'error', 'scope', 'STATE', 'state[]', 'state%00', ''),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.constantFrom('', 'access_denied', '4/0AbCd', '%E0%A4%A', 'wrong', '%'),
        ),
      ),
      { maxLength: 5 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

/** A request target the HTTP client accepts: characters outside printable ASCII become %XX of their UTF-8 bytes. */
export function requestTarget(path: string, query: string): string {
  const safe = [...query]
    .map((c) =>
      /^[\x21-\x7e]$/.test(c)
        ? c
        : [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join(''),
    )
    .join('');
  return `${path}?${safe}`;
}
