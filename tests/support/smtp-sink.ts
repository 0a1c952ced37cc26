import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** One message as the server received it. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** What the next DATA command meets: accept, a temporary or permanent refusal, or a dropped connection. */
export type SmtpFault =
  | {
      kind: 'temporary' | 'permanent';
      message?: string;
      /** Refuse only after this long (the message is in flight meanwhile). */ afterMs?: number;
    }
  | { kind: 'drop'; afterMs?: number }
  | { kind: 'accept-then-drop' }
  | { kind: 'slow'; ms: number };

export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Faults for the next messages, in order. */
  faults: SmtpFault[];
  /** Addresses refused at RCPT TO, as Postfix does for an unknown mailbox (550 5.1.1 <addr>: Recipient address rejected). */
  rejectRecipients: Set<string>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (nodemailer's smtp-server) on loopback for tests: accepts AUTH PLAIN/LOGIN with
 * any credentials given (or the expected ones), stores every message and parses it with mailparser.
 */
export async function startSmtpSink(options: { port?: number; user?: string; pass?: string } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const faults: SmtpFault[] = [];
  const rejectRecipients = new Set<string>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1: this machine has no resolver for it and every connection would wait.
    disableReverseLookup: true,
    authOptional: !options.user,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.user && (auth.username !== options.user || auth.password !== options.pass)) {
        return callback(new Error('Invalid username or password'));
      }
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (!rejectRecipients.has(address.address.toLowerCase())) return callback();
      const error = new Error(
        `5.1.1 <${address.address}>: Recipient address rejected: User unknown in virtual mailbox table`,
      ) as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const fault = faults.shift();
        if (fault?.kind === 'drop') {
          // Close without answering DATA (at once, or after holding the message a while): the client
          // cannot know whether the message went through.
          if (fault.afterMs) setTimeout(dropAll, fault.afterMs);
          else dropAll();
          return;
        }
        if (fault?.kind === 'temporary' || fault?.kind === 'permanent') {
          const error = new Error(
            fault.message ?? (fault.kind === 'temporary' ? 'Mailbox busy, try later' : 'Mailbox unavailable'),
          ) as Error & { responseCode: number };
          error.responseCode = fault.kind === 'temporary' ? 451 : 550;
          if (fault.afterMs) return void setTimeout(() => callback(error), fault.afterMs);
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const wait = fault?.kind === 'slow' ? new Promise((r) => setTimeout(r, fault.ms)) : Promise.resolve();
        void wait
          .then(() => simpleParser(raw))
          .then((parsed) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              parsed,
            });
            callback();
            if (fault?.kind === 'accept-then-drop') setImmediate(dropAll);
          });
      });
    },
  });
  // smtp-server keeps its live connections here; destroying their sockets simulates a dropped line.
  function dropAll() {
    for (const c of (server as unknown as { connections: Set<{ _socket?: { destroy(): void } }> }).connections)
      c._socket?.destroy();
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: options.user ? `smtp://${options.user}:${options.pass}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    received,
    faults,
    rejectRecipients,
    close: () => {
      dropAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
