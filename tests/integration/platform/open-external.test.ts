import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommandOpener } from '../../../main/platform/open-external';
import { makeTempDir } from '../../support/temp-dir';

/** Web mode opens external URLs with `$BROWSER`: a real command, given the URL as one argument. */
describe('command opener', () => {
  const temp = makeTempDir();
  const script = path.join(temp.dir, 'fake-browser.sh');
  const out = path.join(temp.dir, 'opened.txt');
  fs.writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> "${out}"; done\n`, { mode: 0o755 });
  afterAll(() => temp.cleanup());

  const waitForFile = async () => {
    for (let i = 0; i < 50 && !fs.existsSync(out); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 30));
    return fs.readFileSync(out, 'utf8').trim().split('\n');
  };

  it('passes the URL as a single argument, with no shell to interpret it', async () => {
    const url = 'https://meet.google.com/abc-defg-hij?x=1&y=$(touch /tmp/pwned);`id`';
    await createCommandOpener({ BROWSER: script })(url);
    expect(await waitForFile()).toEqual([url]);
    fs.rmSync(out);
  });

  it('substitutes %s when the command asks for it', async () => {
    await createCommandOpener({ BROWSER: `${script} --new-window %s` })('https://calendar.google.com/');
    expect(await waitForFile()).toEqual(['--new-window', 'https://calendar.google.com/']);
    fs.rmSync(out);
  });

  it('reports a browser command that does not exist', async () => {
    await expect(createCommandOpener({ BROWSER: '/nonexistent/browser' })('https://x.test/')).rejects.toThrow(
      /browser command/,
    );
  });
});
