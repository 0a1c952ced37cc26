import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { makeTempDir } from './temp-dir';

export interface WebModeApp {
  /** The URL printed on the first stdout line (carries the secret). */
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  stdout: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the built web mode (`dist/web/web.mjs`) exactly as `npm run web` does, in a fresh data dir.
 * `umask` (e.g. '022') starts it through a shell that sets that umask first, as a login shell would.
 */
export async function startWebMode(
  env: Record<string, string> = {},
  dataDir?: string,
  options: { umask?: string } = {},
): Promise<WebModeApp> {
  const temp = dataDir ? { dir: dataDir, cleanup: () => {} } : makeTempDir('idesk-web-');
  const entry = path.resolve('dist/web/web.mjs');
  const [command, args] = options.umask
    ? ['/bin/sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, entry]]
    : [process.execPath, [entry]];
  const child = spawn(command, args, {
    // A British system by default, like the browser's locale in the Playwright config: main writes
    // emails and its own messages in the system's regional format, so the two must agree.
    env: {
      ...process.env,
      LANG: 'en_GB.UTF-8',
      LC_ALL: 'en_GB.UTF-8',
      INTERVIEW_DESK_DATA_DIR: temp.dir,
      BROWSER: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start: ${err}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/^(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${err}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir: temp.dir,
    process: child,
    stdout: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      temp.cleanup();
    },
  };
}
