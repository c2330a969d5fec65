/**
 * SQLSTATE class 22 (data exception): PostgreSQL quotes the offending value in these messages
 * (`invalid input syntax for type uuid: "…"`, `value "…" is out of range for type integer`).
 * Other classes name only objects (columns, constraints); the row data PostgreSQL adds to an
 * error (`detail`: `Key (sku)=(…) already exists`, `Failing row contains (…)`) is never logged.
 */
const QUOTES_VALUES = /^22/;
const QUOTED = /"(?:[^"]|"")*"/g;

interface ErrorLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly driverError?: { readonly code?: unknown };
}

function sqlState(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : e.driverError?.code;
  return typeof code === 'string' ? code : '';
}

/** A database error's message, first line, with the values a data exception quotes masked. */
export function safeDatabaseMessage(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const raw =
    typeof error === 'string' ? error : typeof e.message === 'string' ? e.message : 'unknown error';
  const message = raw.split('\n')[0];
  return QUOTES_VALUES.test(sqlState(error)) ? message.replace(QUOTED, '"…"') : message;
}

/**
 * An error as the process log shows it: its stack (or message), with the values a data
 * exception's message quotes masked (docs/security.md: shop data stays out of the logs).
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const text = error.stack ?? error.message;
  if (!QUOTES_VALUES.test(sqlState(error))) return text;
  const masked = error.message.replace(QUOTED, '"…"');
  return text.split(error.message).join(masked);
}
