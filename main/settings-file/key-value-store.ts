/** The slice of electron-store / conf the services use; both satisfy it, so tests use conf directly. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  has(key: string): boolean;
  delete(key: string): void;
  readonly path: string;
}
