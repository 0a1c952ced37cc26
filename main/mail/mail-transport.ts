import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer';
import { google } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { describeGoogleError, isRetryable } from '../google/api/google-errors';
import { DeskFailure } from '../shared/desk-failure';

/** Sends one composed message; throws MailSendError with whether a retry may help. */
export interface MailTransport {
  readonly kind: 'smtp' | 'gmail';
  /**
   * `written` is called once the message has been handed to the connection in full, before the
   * server answers: the outbox composes the next one while the server works on this one.
   */
  send(message: Mail.Options, written?: () => void): Promise<{ response: string }>;
  /** Releases pooled connections once a drain is done. */
  close(): void;
}

/**
 * A failed send: `temporary` ones are retried with backoff, permanent ones are marked failed with the
 * reason. `mayHaveBeenSent`: the connection broke after the whole message had gone to the server,
 * so it may have been delivered; it is never retried on its own (the person checks and resends).
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly temporary: boolean,
    readonly needsReconnect = false,
    readonly mayHaveBeenSent = false,
    readonly unreachable = false,
  ) {
    super(message);
    this.name = 'MailSendError';
  }

  /** Not the message's fault (Google to reconnect, the server not reachable): the outbox pauses, the message keeps its place and attempts. */
  get pausesOutbox(): boolean {
    return this.needsReconnect || this.unreachable;
  }
}

const smtpNetworkCodes = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNREFUSED',
  'ECONNRESET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
]);

/** Classifies a nodemailer SMTP error: 4xx and network trouble are temporary, 5xx and auth are not. */
export function classifySmtpError(error: unknown): MailSendError {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const reason = (e.response ?? e.message ?? 'Unknown SMTP error').toString().slice(0, 300);
  if (typeof e.responseCode === 'number')
    return new MailSendError(reason, e.responseCode >= 400 && e.responseCode < 500);
  if (e.code === 'EAUTH') return new MailSendError(`The mail server refused the login: ${reason}`, false);
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return new MailSendError(reason, false);
  return new MailSendError(reason, smtpNetworkCodes.has(String(e.code)) || /timeout|closed|ECONN/i.test(reason));
}

/** No connection to the server at all (refused, no route, no such host): nothing of the message left. */
export function unreachableServer(error: unknown): MailSendError | undefined {
  const e = error as { syscall?: string; code?: string; message?: string };
  if (e.syscall !== 'connect' && e.code !== 'EDNS') return undefined;
  return new MailSendError(
    `The mail server cannot be reached (${String(e.message ?? e.code).slice(0, 200)}); messages wait and go once it answers.`,
    true,
    false,
    false,
    true,
  );
}

/**
 * A send whose connection failed after the message's last byte had left: the server may have taken
 * it and broken off before answering, so it is reported as possibly sent, never retried blindly. A
 * refusal with a code (the server answered) stays as `classifySmtpError` says.
 */
export function classifyAfterHandover(error: unknown): MailSendError {
  const failure = classifySmtpError(error);
  if (!failure.temporary || typeof (error as { responseCode?: unknown }).responseCode === 'number') return failure;
  return new MailSendError(
    `The connection to the mail server broke after the whole message had gone to it; it may have been sent. Check your Sent folder before resending. (${failure.message})`,
    false,
    false,
    true,
  );
}

/** Options that keep nodemailer from reading files or URLs named in a message (GHSA advisories). */
export const safeMessageOptions = { disableFileAccess: true, disableUrlAccess: true } as const;

/** SMTP through nodemailer: any server, from a URL (INTERVIEW_DESK_SMTP_URL) or Settings + keychain password. */
export function smtpTransport(
  config:
    string | { host: string; port: number; security: 'tls' | 'starttls' | 'none'; user: string; pass: string | null },
): MailTransport {
  // Pooled: one connection carries a whole drain (a fresh connection per message cost ~100 ms each,
  // and nodemailer's default of a new one every 100 messages waits 100 ms each time). One connection,
  // never more: the outbox hands over the next message before the last is answered, and a single
  // connection sends them in the order given. A server that closes it is reconnected to by nodemailer.
  const pooled = { pool: true, maxConnections: 1, maxMessages: Infinity } as const;
  const pooledUrl = (url: string) => {
    const parsed = new URL(url);
    for (const [key, value] of Object.entries(pooled)) parsed.searchParams.set(key, String(value));
    return parsed.toString();
  };
  const transporter =
    typeof config === 'string'
      ? nodemailer.createTransport(pooledUrl(config))
      : nodemailer.createTransport({
          ...pooled,
          host: config.host,
          port: config.port,
          secure: config.security === 'tls',
          requireTLS: config.security === 'starttls',
          ignoreTLS: config.security === 'none',
          ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        });
  // The moment a message's last byte leaves for the server, by its Message-ID (a nodemailer "stream"
  // plugin sees each message's output stream just before the connection reads it).
  const onWritten = new Map<string, () => void>();
  transporter.use('stream', (mail, done) => {
    const written = onWritten.get(String(mail.data.messageId));
    if (written) {
      mail.message.processFunc((output) => {
        output.once('end', written);
        return output;
      });
    }
    done();
  });
  return {
    kind: 'smtp',
    async send(message, written) {
      const id = String(message.messageId);
      let handedOver = false;
      onWritten.set(id, () => {
        handedOver = true;
        written?.();
      });
      try {
        const info = await transporter.sendMail({ ...message, ...safeMessageOptions });
        return { response: String(info.response ?? '') };
      } catch (error) {
        throw handedOver ? classifyAfterHandover(error) : (unreachableServer(error) ?? classifySmtpError(error));
      } finally {
        onWritten.delete(id);
      }
    },
    close: () => transporter.close(),
  };
}

/** Composes the RFC 5322 message with nodemailer (the same MIME as SMTP) and base64url-encodes it for Gmail. */
export async function composeRaw(message: Mail.Options): Promise<string> {
  const buffer = await new MailComposer({ ...message, ...safeMessageOptions }).compile().build();
  return buffer.toString('base64url');
}

/** Gmail API `users.messages.send` as the connected account (scope gmail.send). */
export function gmailTransport(options: {
  apiUrl: string;
  /** The account's client; throws DeskFailure needs_reconnect / keychain_unavailable when it cannot give one. */
  auth: () => Promise<OAuth2Client>;
  /** Told when Google answers invalid_grant, so the account shows "reconnect" everywhere. */
  onAccessLost: (reason: string) => void;
  timeoutMs?: number;
}): MailTransport {
  const reconnect = (reason: string) =>
    new MailSendError(
      `Google access has expired or was revoked; reconnect your Google account to send. (${reason})`,
      true,
      true,
    );
  return {
    kind: 'gmail',
    async send(message) {
      const raw = await composeRaw(message);
      let auth: OAuth2Client;
      try {
        auth = await options.auth();
      } catch (error) {
        // No token, no send: the outbox pauses on this instead of spending the message's attempts.
        // The account's own words say what to do (reconnect, or fix the keychain).
        if (error instanceof DeskFailure && (error.code === 'needs_reconnect' || error.code === 'keychain_unavailable'))
          throw new MailSendError(error.message, true, true);
        throw error;
      }
      const gmail = google.gmail({ version: 'v1', auth, rootUrl: options.apiUrl });
      try {
        const result = await gmail.users.messages.send(
          { userId: 'me', requestBody: { raw } },
          { retry: false, timeout: options.timeoutMs ?? 30_000 },
        );
        return { response: `Gmail id ${result.data.id ?? '?'}` };
      } catch (error) {
        const failure = describeGoogleError(error);
        if (failure.invalidGrant) {
          // The token refresh failed before Gmail saw the message: nothing was sent.
          options.onAccessLost(failure.message);
          throw reconnect(failure.message);
        }
        // A reply of 429/5xx means Gmail did not take the message: safe to retry. A cut connection is not
        // retried blindly (Gmail may already have sent it): it is marked failed for the person to check and resend.
        const temporary = isRetryable(failure) && !failure.network;
        throw new MailSendError(
          failure.network
            ? `The connection to Gmail broke while sending; it may have been sent. Check your Sent folder before resending. (${failure.message})`
            : failure.message,
          temporary,
          false,
          failure.network,
        );
      }
    },
    close: () => {},
  };
}
