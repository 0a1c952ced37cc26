import fc from 'fast-check';

/** Pieces attackers splice into URLs: broken and encoded escapes, separators, look-alike hosts, controls. */
const fragments = [
  '%',
  '%E0%A4%A',
  '%E0',
  '%A4',
  '%FF',
  '%00',
  '%0D%0A',
  '%0a',
  '%40',
  '%2F',
  '%3F',
  '%23',
  '%25',
  '%2540',
  '@',
  '?',
  '#',
  '\\',
  ':',
  '//',
  '/../',
  '.',
  ',',
  ';',
  '<',
  '>',
  '"',
  "'",
  ' ',
  '\t',
  '\r\n',
  '\u0000',
  '\u202e',
  '\ufeff',
  'mailto:',
  'https://',
  'http://',
  'javascript:',
  'data:',
  'file://',
  'app://interview-desk',
  'evil.com',
  'meet.google.com',
  'www.google.com/calendar/',
  'user:pass@',
  'a@b.test',
  '?cc=x@evil.test',
  ':8443',
  '[::1]',
  'xn--',
  'ﬀ',
  'Ａ',
];

/** Strings built from hostile fragments and arbitrary binary text, starting from a few schemes. */
export const hostileUrl = fc
  .tuple(
    fc.constantFrom(
      'mailto:',
      'https://meet.google.com/',
      'https://www.google.com/calendar/',
      'https://',
      'app://interview-desk/',
      'javascript:',
      '',
    ),
    fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 }),
  )
  .map(([scheme, parts]) => scheme + parts.join(''));

/** Every kind of generated URL the property tests throw at the policy and the guard. */
export const anyUrl = fc.oneof(
  fc.webUrl({
    withQueryParameters: true,
    withFragments: true,
    validSchemes: ['http', 'https', 'mailto', 'ftp', 'file', 'javascript'],
  }),
  fc.string({ unit: 'binary' }),
  hostileUrl,
  fc.emailAddress().map((a) => `mailto:${a}`),
);

/** Allowlisted hosts, so the generated URLs also reach the "allow" side of the policy. */
export const allowlistedUrl = fc
  .tuple(
    fc.constantFrom(
      'meet.google.com',
      'calendar.google.com',
      'accounts.google.com',
      'myaccount.google.com',
      'support.google.com',
    ),
    fc.webPath(),
    fc.webQueryParameters(),
  )
  .map(([host, path, query]) => `https://${host}${path}${query ? `?${query}` : ''}`);

/** Hosts an externally opened https URL may have (an oracle written apart from the policy). */
const oracleHosts = new Set([
  'meet.google.com',
  'calendar.google.com',
  'accounts.google.com',
  'myaccount.google.com',
  'support.google.com',
]);

/**
 * Independent statement of what may ever leave the app: https on an allowlisted Google host with no
 * port and no credentials (www.google.com only under /calendar/), or a mailto naming one plain
 * address with no headers. Anything the policy allows must satisfy this.
 */
export function oracleMayOpen(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') {
    if (url.port !== '') return false;
    return (
      oracleHosts.has(url.hostname) || (url.hostname === 'www.google.com' && url.pathname.startsWith('/calendar/'))
    );
  }
  if (url.protocol !== 'mailto:' || url.search || url.hash) return false;
  let address: string;
  try {
    address = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  const plain = [...address].every(
    (c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f && !',;<>"()[]\\'.includes(c),
  );
  return plain && address.split('@').length === 2 && /\.[A-Za-z]{2,}$/.test(address);
}

/** Runs a property and prints how many inputs it saw (house rule: property tests print their counts). */
export function assertProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => void,
  numRuns: number,
): void {
  let runs = 0;
  fc.assert(
    fc.property(arbitrary, (value) => {
      runs++;
      check(value);
    }),
    { numRuns },
  );
  console.log(`[fast-check] ${name}: ${runs} runs`);
}
