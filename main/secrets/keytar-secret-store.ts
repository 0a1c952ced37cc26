import { createRequire } from 'node:module';
import { KeychainUnavailableError, keychainService, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/**
 * The only file that touches keytar. keytar is N-API, so the one build serves Node (web mode, tests)
 * and Electron. It is an optional dependency: if it failed to build, or no Secret Service answers,
 * every call fails with KeychainUnavailableError and nothing falls back to a plaintext file.
 */
export function createKeytarSecretStore(service: string = keychainService): SecretStore {
  let loaded: Keytar | undefined;
  const keytar = (): Keytar => {
    if (loaded) return loaded;
    try {
      loaded = createRequire(import.meta.url)('keytar') as Keytar;
      return loaded;
    } catch (error) {
      throw new KeychainUnavailableError(`keytar could not load: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw new KeychainUnavailableError((error as Error).message.split('\n')[0] ?? 'unknown error');
    }
  };
  return {
    get: (account) => guard(() => keytar().getPassword(service, account)),
    set: (account, secret) => guard(() => keytar().setPassword(service, account, secret)),
    delete: (account) => guard(() => keytar().deletePassword(service, account)),
    accounts: () => guard(async () => (await keytar().findCredentials(service)).map((c) => c.account)),
  };
}
