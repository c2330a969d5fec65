import { HttpException } from '@nestjs/common';

/** What an error means for the client, decided once for every route (see docs/reliability.md). */
export type ErrorClass =
  | { readonly kind: 'http'; readonly exception: HttpException }
  | { readonly kind: 'database-unavailable' }
  | { readonly kind: 'database-busy' }
  | { readonly kind: 'payload-too-large'; readonly limitBytes: number | null }
  | {
      readonly kind: 'bad-body';
      readonly status: number;
      readonly code: 'body_not_json' | 'body_unreadable';
      readonly message: string;
    }
  | { readonly kind: 'internal' };

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is not reachable right now; try again in a moment.';
export const DATABASE_BUSY_MESSAGE = 'The database took too long to answer; try again in a moment.';
export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on the server. The error was logged; quote its id when reporting it.';
/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level codes: the connection could not be made or died under a query. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away, starting, or cannot take the connection:
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now, 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;

/** 57014 query_canceled: statement_timeout fired (the only way our queries get cancelled). */
const BUSY_SQLSTATES = new Set(['57014']);

/** What pg and pg-pool say when a connection is lost or never made (they set no code). */
const CONNECTION_MESSAGES = [
  /Connection terminated/i, // "Connection terminated unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool: connectionTimeoutMillis
  /Client has encountered a connection error and is not queryable/i,
  /Connection is not established/i, // TypeORM
  /Cannot use a pool after calling end on the pool/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

interface ErrorLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly driverError?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
}

/** The error and everything it wraps: TypeORM's driverError, `cause`, AggregateError members. */
function* chain(error: unknown, depth = 0): Generator<ErrorLike> {
  if (depth > 5 || typeof error !== 'object' || error === null) return;
  const e = error as ErrorLike;
  yield e;
  yield* chain(e.driverError, depth + 1);
  yield* chain(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code)) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

function isStatementTimeout(error: unknown): boolean {
  for (const e of chain(error))
    if (typeof e.code === 'string' && BUSY_SQLSTATES.has(e.code)) return true;
  return false;
}

/** body-parser (raw-body) marks a body over its limit with type `entity.too.large`. */
function tooLarge(error: unknown): { limitBytes: number | null } | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { type?: unknown; status?: unknown; limit?: unknown };
  if (e.type !== 'entity.too.large' && e.status !== 413) return null;
  return { limitBytes: typeof e.limit === 'number' ? e.limit : null };
}

/** Any other body-parser refusal (bad JSON, unsupported charset…): a 4xx it meant to show. */
function badBody(
  error: unknown,
): { status: number; code: 'body_not_json' | 'body_unreadable'; message: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof e.type !== 'string' || !/^(entity|encoding|charset|request)\./.test(e.type))
    return null;
  if (e.expose !== true || typeof e.status !== 'number' || e.status < 400 || e.status > 499) {
    return null;
  }
  return e.type === 'entity.parse.failed'
    ? { status: e.status, code: 'body_not_json', message: 'The request body is not valid JSON.' }
    : { status: e.status, code: 'body_unreadable', message: 'The request body could not be read.' };
}

export function classifyError(error: unknown): ErrorClass {
  if (error instanceof HttpException) return { kind: 'http', exception: error };
  const large = tooLarge(error);
  if (large) return { kind: 'payload-too-large', ...large };
  const bad = badBody(error);
  if (bad) return { kind: 'bad-body', ...bad };
  if (isDatabaseUnavailable(error)) return { kind: 'database-unavailable' };
  if (isStatementTimeout(error)) return { kind: 'database-busy' };
  return { kind: 'internal' };
}

/** "1 MB", "512 kB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} kB`;
  return `${bytes} bytes`;
}
