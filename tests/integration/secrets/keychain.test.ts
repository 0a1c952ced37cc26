import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { KeychainUnavailableError } from '../../../main/secrets/secret-store';

/**
 * Runs against the real OS keychain: `npm test` starts a D-Bus session with an unlocked
 * gnome-keyring (tests/run-all.mjs). Without one these tests fail, by design.
 */
describe('keytar secret store (real keychain)', () => {
  const service = `interview-desk-test-${process.pid}`;
  const store = createKeytarSecretStore(service);

  it('stores, lists, reads and deletes a secret', async () => {
    await store.set('recruiter@example.com', 'refresh-token-value');
    expect(await store.get('recruiter@example.com')).toBe('refresh-token-value');
    expect(await store.accounts()).toContain('recruiter@example.com');
    expect(await store.delete('recruiter@example.com')).toBe(true);
    expect(await store.get('recruiter@example.com')).toBeNull();
    expect(await store.accounts()).not.toContain('recruiter@example.com');
  });

  it('fails with a clear, actionable error when no Secret Service answers', async () => {
    // libsecret binds to the session bus once per process, so the failure is shown in a child process
    // whose bus address points at nothing, running the real secret-store module bundled by esbuild.
    const { spawnSync } = await import('node:child_process');
    const { build } = await import('esbuild');
    const { makeTempDir } = await import('../../support/temp-dir');
    const temp = makeTempDir();
    const entry = `${temp.dir}/probe.ts`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      entry,
      `import { createKeytarSecretStore } from '${process.cwd()}/main/secrets/keytar-secret-store';
       try { await createKeytarSecretStore('x').set('a', 'b'); console.log('STORED'); }
       catch (e) { console.log(e.name + ': ' + e.message); }`,
    );
    await build({
      entryPoints: [entry],
      outfile: `${temp.dir}/probe.mjs`,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      absWorkingDir: process.cwd(),
      nodePaths: [`${process.cwd()}/node_modules`],
    });
    const result = spawnSync(process.execPath, [`${temp.dir}/probe.mjs`], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
        DISPLAY: '',
        NODE_PATH: `${process.cwd()}/node_modules`,
      },
      encoding: 'utf8',
      timeout: 15_000,
    });
    temp.cleanup();
    expect(result.stdout).toContain('KeychainUnavailableError');
    // The failure must come from the missing bus, not from keytar failing to load.
    expect(result.stdout).not.toContain('could not load');
    expect(result.stdout).toMatch(/gnome-keyring|Secret Service/);
    expect(result.stdout).not.toContain('STORED');
    expect(KeychainUnavailableError.name).toBe('KeychainUnavailableError');
  });
});
