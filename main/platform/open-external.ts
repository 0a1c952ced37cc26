import { spawn } from 'node:child_process';

/**
 * Web mode's "open in the system browser": `$BROWSER` when set (a command, `%s` replaced by the URL
 * or the URL appended), else the platform opener. No shell is involved, so the URL is one argument.
 */
export function createCommandOpener(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
) {
  return async (url: string): Promise<void> => {
    const browser = env.BROWSER?.split(':').find((c) => c.trim() !== '');
    let command: string;
    let args: string[];
    if (browser) {
      const parts = browser.trim().split(/\s+/);
      command = parts[0] as string;
      const rest = parts.slice(1);
      args = rest.some((p) => p.includes('%s')) ? rest.map((p) => p.replaceAll('%s', url)) : [...rest, url];
    } else if (platform === 'darwin') {
      [command, args] = ['open', [url]];
    } else if (platform === 'win32') {
      [command, args] = ['rundll32', ['url.dll,FileProtocolHandler', url]];
    } else {
      [command, args] = ['xdg-open', [url]];
    }
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('error', (error) =>
        reject(new Error(`Could not start the browser command "${command}": ${error.message}`)),
      );
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
  };
}
