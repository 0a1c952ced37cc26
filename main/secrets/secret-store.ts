/** The OS keychain behind one small interface, so moving off keytar touches one file. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Accounts that hold a secret under our service. */
  accounts(): Promise<string[]>;
}

/** The keychain service name every secret of the app is stored under. */
export const keychainService = 'interview-desk';

/** The keychain is missing or locked: the message names what to install or unlock. */
export class KeychainUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `The system keychain is not available (${detail}). ` +
        'On Linux install and unlock GNOME Keyring or KWallet (a Secret Service on D-Bus, e.g. `apt install gnome-keyring`); ' +
        'on macOS unlock the login keychain; on Windows sign in to use the Credential Manager. Nothing was saved.',
    );
    this.name = 'KeychainUnavailableError';
  }
}
