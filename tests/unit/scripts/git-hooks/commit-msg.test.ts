import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const hook = path.resolve('scripts/git-hooks/commit-msg');

/** Runs the hook the way git does: with the path of the message file. */
function check(message: string): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idesk-commit-msg-'));
  const file = path.join(dir, 'COMMIT_EDITMSG');
  fs.writeFileSync(file, message);
  const result = spawnSync('sh', [hook, file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr };
}

describe('commit-msg hook', () => {
  it('accepts `Area: what changed` within 72 characters, with a body after a blank line', () => {
    expect(
      check('Outbox: plan the next send with one indexed query\n\nThe planner read every waiting message.\n'),
    ).toEqual({ status: 0, stderr: '' });
  });

  it('refuses a subject over 72 characters and says how long it is', () => {
    const subject = `Outbox: ${'plan the next send with one indexed query '.repeat(3)}`.trim();
    const result = check(`${subject}\n`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The subject has ${subject.length} characters; at most 72`);
  });

  it('refuses a subject without an area and a body glued to the subject', () => {
    const result = check('fixed stuff\nmore words\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('`Area: what changed`');
    expect(result.stderr).toContain('A blank line separates the subject from the body');
  });

  it('leaves git comment lines and merge subjects alone', () => {
    expect(check('# Please enter the commit message\nSettings: keep a bad value out of use\n').status).toBe(0);
    expect(check("Merge branch 'main' of somewhere with a rather long name that goes past the limit\n").status).toBe(0);
  });

  it('is installed by npm install through core.hooksPath', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toContain('core.hooksPath scripts/git-hooks');
  });
});
