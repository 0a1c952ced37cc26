import type { SmtpOverride } from '../../preload/shared/contract/ipc-contract';

/** The variable that, when set, replaces the SMTP settings from the Settings screen. */
export const smtpUrlVariable = 'INTERVIEW_DESK_SMTP_URL';

/** A %-encoded URL part decoded, or as written when its escapes are not valid UTF-8 (Settings must still open). */
function decodedOrRaw(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** What an SMTP URL from the environment sets, for showing read-only in Settings (never the password). */
export function smtpOverrideFromUrl(raw: string): SmtpOverride {
  const url = new URL(raw);
  const tls = url.protocol === 'smtps:';
  const plain = /^(true|1)$/i.test(url.searchParams.get('ignoreTLS') ?? '');
  return {
    variable: smtpUrlVariable,
    host: url.hostname,
    port: url.port ? Number(url.port) : tls ? 465 : 587,
    security: tls ? 'tls' : plain ? 'none' : 'starttls',
    user: decodedOrRaw(url.username),
    passwordSet: url.password !== '',
  };
}

/** Where mail goes, in the Settings screen's words: "Gmail (ada@example.com)" or "the SMTP server host:port". */
export function describeTransport(input: {
  transport: 'smtp' | 'gmail';
  gmailAddress?: string;
  smtpUrl?: string;
  smtpHost: string;
  smtpPort: number;
}): string {
  if (input.transport === 'gmail') return `Gmail${input.gmailAddress ? ` (${input.gmailAddress})` : ''}`;
  if (input.smtpUrl) {
    const override = smtpOverrideFromUrl(input.smtpUrl);
    return `the SMTP server ${override.host}:${override.port} (set when Interview Desk was started)`;
  }
  return `the SMTP server ${input.smtpHost}:${input.smtpPort}`;
}
