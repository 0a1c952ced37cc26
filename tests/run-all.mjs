// `npm test`: every check in one run, then one summary line.
// Stages: type-check, lint, build, vitest (unit + integration, real keychain), Electronegativity,
// Playwright (web mode in Debian's Chromium; the Electron suite, which skips itself with the
// reason where no Electron binary exists). The run happens inside a private D-Bus session with an
// unlocked gnome-keyring, so keytar talks to a real Secret Service.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (!process.env.INTERVIEW_DESK_TEST_SESSION) {
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'npm test needs dbus and gnome-keyring for the real keychain tests: apt-get install dbus gnome-keyring (see .ci/run).',
    );
    process.exit(1);
  }
  // A private keyring dir: the test keychain never touches the person's own.
  const keyringHome = fs.mkdtempSync(path.join(os.tmpdir(), 'idesk-keyring-'));
  const inner = `echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${process.execPath}" "${path.join(root, 'tests/run-all.mjs')}" ${process.argv.slice(2).join(' ')}`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, INTERVIEW_DESK_TEST_SESSION: '1', XDG_DATA_HOME: keyringHome, DISPLAY: '' },
  });
  fs.rmSync(keyringHome, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
fs.mkdirSync('test-results', { recursive: true });

function run(label, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const ok = result.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function countStage(ok) {
  if (ok) totals.passed++;
  else totals.failed++;
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

countStage(run('type-check', 'npm', ['run', '--silent', 'typecheck']));
countStage(run('lint', 'npm', ['run', '--silent', 'lint']));
const built = run('build', 'npm', ['run', '--silent', 'build']);
countStage(built);

// vitest: unit and integration tests.
const vitestJson = 'test-results/vitest.json';
fs.rmSync(vitestJson, { force: true });
run('vitest (unit + integration)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (!report.success && report.numFailedTests === 0) totals.failed++;
} else totals.failed++;

countStage(run('Electronegativity', process.execPath, ['tests/security/electronegativity.mjs']));

// Playwright: web mode end to end, and the Electron suite (under Xvfb when a binary exists).
const pwJson = 'test-results/playwright.json';
fs.rmSync(pwJson, { force: true });
if (built) {
  const pwArgs = [bin('playwright'), 'test', '--config', 'tests/playwright.config.ts'];
  const useXvfb = has('xvfb-run');
  run(
    'Playwright (web mode in Chromium, Electron suite)',
    useXvfb ? 'xvfb-run' : pwArgs[0],
    useXvfb ? ['-a', ...pwArgs] : pwArgs.slice(1),
  );
}
if (fs.existsSync(pwJson)) {
  const report = JSON.parse(fs.readFileSync(pwJson, 'utf8'));
  const walk = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(walk)];
  for (const spec of report.suites.flatMap(walk)) {
    for (const t of spec.tests) {
      if (t.status === 'skipped') {
        totals.skipped++;
        const why = t.annotations?.find((a) => a.type === 'skip')?.description;
        if (why && !notes.includes(why)) notes.push(why);
      } else if (t.status === 'expected' || t.status === 'flaky') totals.passed++;
      else totals.failed++;
    }
  }
  if ((report.errors ?? []).length > 0) totals.failed += report.errors.length;
} else totals.failed++;

console.log('\n=== summary ===');
for (const note of notes) console.log(`skipped: ${note}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
