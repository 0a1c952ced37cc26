import path from 'node:path';
import electronLog from 'electron-log/node';
import { redactSecrets } from './redact-secrets';
import { ensurePrivateDir, privateFileMode } from '../platform/private-files';

/** The logging surface every service receives; levels as in electron-log. */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
  /** A logger whose lines carry a scope label, e.g. `[google]`. */
  scope(name: string): Logger;
}

export interface FileLoggerOptions {
  dataDir: string;
  level?: 'error' | 'warn' | 'info' | 'debug';
  /** Also print to the console (web mode prints warnings so the terminal shows trouble). */
  consoleLevel?: 'error' | 'warn' | 'info' | 'debug' | false;
  /** Rotate when the file passes this many bytes; electron-log keeps one `.old.log`. */
  maxBytes?: number;
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

let instanceCounter = 0;

/** Where the main-process log lives inside the data dir. */
export function logFilePath(dataDir: string): string {
  return path.join(dataDir, 'logs', 'main.log');
}

/**
 * A rotating file logger (electron-log's node flavour, which needs no Electron binary). Every line,
 * to the file and the console, passes through `redactSecrets` (credentials, codes, query strings,
 * email addresses), and details are flattened to text first so no object sneaks past the redaction.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const log = electronLog.create({ logId: `interview-desk-${++instanceCounter}` });
  // Lines name interviews and servers: logs/ is 0700 and every log file (rotated ones keep the mode) 0600.
  ensurePrivateDir(path.dirname(logFilePath(options.dataDir)));
  log.transports.file.writeOptions = { flag: 'a', mode: privateFileMode, encoding: 'utf8' };
  log.transports.file.resolvePathFn = () => logFilePath(options.dataDir);
  log.transports.file.level = options.level ?? 'info';
  log.transports.file.maxSize = options.maxBytes ?? 1024 * 1024;
  log.transports.console.level = options.consoleLevel ?? false;
  log.hooks.push((message) => {
    message.data = message.data.map((item) => redactSecrets(describe(item)));
    return message;
  });
  const wrap = (scoped: typeof log.functions | ReturnType<typeof log.scope>): Logger => ({
    error: (m, ...d) => scoped.error(m, ...d),
    warn: (m, ...d) => scoped.warn(m, ...d),
    info: (m, ...d) => scoped.info(m, ...d),
    debug: (m, ...d) => scoped.debug(m, ...d),
    scope: (name) => wrap(log.scope(name)),
  });
  return wrap(log.functions);
}

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function createMemoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  const make = (prefix: string): Logger => {
    const write =
      (level: string) =>
      (m: string, ...d: unknown[]) =>
        lines.push(redactSecrets(`${level} ${prefix}${[m, ...d.map(describe)].join(' ')}`));
    return {
      error: write('error'),
      warn: write('warn'),
      info: write('info'),
      debug: write('debug'),
      scope: (n) => make(`[${n}] `),
    };
  };
  return Object.assign(make(''), { lines });
}
