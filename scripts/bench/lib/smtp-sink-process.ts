// The loopback SMTP server of the outbox bench, in a process of its own: a real mail server never
// shares the app's thread, so the time it spends on each message (smtp-server, mailparser) is not
// charged to the client measured against it. Answers "count" and "reset" over the IPC channel.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSmtpSink } from '../../../tests/support/smtp-sink';

export interface SinkProcess {
  url: string;
  count(): Promise<number>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Reply = { port: number } | { count: number } | { reset: true };

/** Starts the sink in a child process and talks to it. */
export async function startSinkProcess(): Promise<SinkProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let failed: ((error: Error) => void) | undefined;
  child.on('exit', (code) => failed?.(new Error(`the SMTP sink exited (${code})`)));
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      failed = reject;
      child.once('message', (m) => resolve(m as Reply));
    });
  const started = (await next()) as { port: number };
  const ask = async (command: 'count' | 'reset') => {
    const reply = next();
    child.send(command);
    return reply;
  };
  return {
    url: `smtp://127.0.0.1:${started.port}`,
    count: async () => ((await ask('count')) as { count: number }).count,
    reset: async () => void (await ask('reset')),
    close: () =>
      new Promise<void>((resolve) => {
        failed = undefined;
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

if (process.argv.includes('--serve') && process.send) {
  const sink = await startSmtpSink();
  process.on('message', (command) => {
    if (command === 'count') process.send!({ count: sink.received.length });
    if (command === 'reset') {
      sink.received.length = 0;
      process.send!({ reset: true });
    }
  });
  process.send({ port: sink.port });
}
