import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']))
  .transform((value) => ['1', 'true', 'on', 'yes'].includes(value));

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as UTC or Europe/Warsaw' },
);

const databaseUrl = z
  .url({ error: 'must be a URL such as postgres://user:password@host:5432/database' })
  .refine((url) => /^postgres(ql)?:\/\//.test(url), {
    error: 'must start with postgres:// or postgresql://',
  });

/** Every setting the API reads, from environment variables (README "Configuration"). */
const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: databaseUrl.optional(),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./.data'),
  EMBEDDED_PG_PORT: port.optional(),
  DEMO_DATA: booleanFlag.default(true),
  SHOP_TIMEZONE: timeZone.default('UTC'),
  WEB_DIST: z.string().trim().min(1).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1, 'must be at least 1').default(10),
  INGEST_RATE_LIMIT: z.coerce.number().int().min(1, 'must be at least 1').default(120),
  COOKIE_SECURE: z.enum(['auto', 'on', 'off']).default('auto'),
  API_DOCS: z.enum(['auto', 'on', 'off'], { error: 'must be auto, on or off' }).default('auto'),
  // The pool has 10 connections: uploads may hold at most 8, so reads always find one.
  INGEST_MAX_UPLOADS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 8')
    .max(8, 'must be between 1 and 8 (the database pool has 10 connections)')
    .default(3),
  INGEST_STALL_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(60),
  INGEST_REJECTED_ROWS_KEPT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(10_000),
  INGEST_INLINE_ANALYSIS_MAX: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(20_000),
  TEXT_ADAPT: booleanFlag.default(true),
  ANSWER_WARM: booleanFlag.default(true),
  TEXT_ADAPT_MIN_EXAMPLES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(20, 'must be at least 20 (five folds of four texts)')
    .default(300),
  SMTP_URL: z
    .url({ error: 'must be a URL such as smtp://user:password@host:587 or smtps://host:465' })
    .refine((url) => /^smtps?:\/\//.test(url), { error: 'must start with smtp:// or smtps://' })
    .optional(),
  SMTP_FROM: z
    .string()
    .trim()
    .min(3, 'must be an address such as Returnlens <reports@shop.example>')
    .default('Returnlens <returnlens@localhost>'),
  PUBLIC_URL: z
    .url({ error: 'must be a URL such as https://returns.shop.example' })
    .refine((url) => /^https?:\/\//.test(url), { error: 'must start with http:// or https://' })
    .optional(),
  NOTIFY: booleanFlag.default(true),
  NOTIFY_INTERVAL_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .min(0.1, 'must be at least 0.1')
    .default(60),
  NOTIFY_ALERT_INTERVAL_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .min(0, 'must not be negative')
    .default(900),
  NOTIFY_RETRY_BASE_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .min(0, 'must not be negative')
    .default(30),
  NOTIFY_SENDING_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .min(1, 'must be at least 1')
    .default(300),
  NOTIFY_HOLD_BEFORE_SEND_MS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(0),
});

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Unset: the API runs its own embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPgPort: number | undefined;
  readonly demoData: boolean;
  readonly shopTimeZone: string;
  /** Folder holding the built dashboard (index.html). */
  readonly webDist: string;
  /** Sign-in attempts per minute from one address; password changes per minute per user and per address. */
  readonly loginRateLimit: number;
  /** Uploads per minute by one token or user. */
  readonly ingestRateLimit: number;
  /** `auto`: the session cookie is Secure when the request came over HTTPS. */
  readonly cookieSecure: 'auto' | 'on' | 'off';
  /** `/api/docs` and `/api/docs-json`: `auto` serves them only when listening on loopback. */
  readonly apiDocs: 'auto' | 'on' | 'off';
  /** Uploads loading at once (each holds a database connection); more wait briefly, then 503. */
  readonly ingestMaxUploads: number;
  /** An upload whose body sends no byte for this long fails (its Idempotency-Key released). */
  readonly ingestStallSeconds: number;
  /** Rejected rows of one batch kept in full; the rest are counted by field and message. */
  readonly ingestRejectedRowsKept: number;
  /**
   * A claims or feedback batch with at most this many texts is analysed inside its
   * transaction; a larger one commits first and is analysed in the background.
   */
  readonly ingestInlineAnalysisMax: number;
  /**
   * Fewest labelled texts (rated reviews of a language; claims with a stated reason and a
   * text) a shop's adapted text model is trained from (docs/text-analysis.md).
   */
  readonly textAdaptMinExamples: number;
  /** `TEXT_ADAPT=off`: the shop's texts are read by the shipped analysis only (no learnt models). */
  readonly textAdapt: boolean;
  /**
   * `ANSWER_WARM=off`: the answer cache computes only what is asked (no answers ahead after a
   * change of the data or the minute).
   */
  readonly answerWarm: boolean;
  /** Digests, alerts and webhooks (docs/notifications.md). */
  readonly notify: NotifyConfig;
}

export interface NotifyConfig {
  /** `NOTIFY=off`: no scheduler in the API (the command line still sends). */
  readonly enabled: boolean;
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…`; unset: e-mail fails visibly. */
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  /** Links in messages start here (no trailing slash): PUBLIC_URL, else http://localhost:<PORT>. */
  readonly publicUrl: string;
  readonly intervalSeconds: number;
  readonly alertIntervalSeconds: number;
  /** Webhook and e-mail retries wait this, then 4× this (3 attempts in all). */
  readonly retryBaseSeconds: number;
  /** A delivery left `sending` this long (the API died mid-send) is sent again. */
  readonly sendingTimeoutSeconds: number;
  /** Test hook: the sender waits this long after claiming a delivery, before sending it. */
  readonly holdBeforeSendMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError naming every bad setting. */
export function loadConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[] = [],
  cwd = process.cwd(),
): AppConfig {
  // Empty variables count as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const value = present[name];
        return `${name}=${JSON.stringify(value)}: ${issue.message}`;
      }),
    );
  }
  const settings = parsed.data;
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  return {
    port: settings.PORT,
    host: settings.HOST,
    databaseUrl: settings.DATABASE_URL,
    dataDir: absolute(settings.DATA_DIR),
    embeddedPgPort: settings.EMBEDDED_PG_PORT,
    demoData: argv.includes('--no-demo') ? false : settings.DEMO_DATA,
    shopTimeZone: settings.SHOP_TIMEZONE,
    webDist: absolute(settings.WEB_DIST ?? 'dist/apps/web/browser'),
    loginRateLimit: settings.LOGIN_RATE_LIMIT,
    ingestRateLimit: settings.INGEST_RATE_LIMIT,
    cookieSecure: settings.COOKIE_SECURE,
    apiDocs: settings.API_DOCS,
    ingestMaxUploads: settings.INGEST_MAX_UPLOADS,
    ingestStallSeconds: settings.INGEST_STALL_SECONDS,
    ingestRejectedRowsKept: settings.INGEST_REJECTED_ROWS_KEPT,
    ingestInlineAnalysisMax: settings.INGEST_INLINE_ANALYSIS_MAX,
    textAdaptMinExamples: settings.TEXT_ADAPT_MIN_EXAMPLES,
    textAdapt: settings.TEXT_ADAPT,
    answerWarm: settings.ANSWER_WARM,
    notify: {
      enabled: settings.NOTIFY,
      smtpUrl: settings.SMTP_URL,
      smtpFrom: settings.SMTP_FROM,
      publicUrl: (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ''),
      intervalSeconds: settings.NOTIFY_INTERVAL_SECONDS,
      alertIntervalSeconds: settings.NOTIFY_ALERT_INTERVAL_SECONDS,
      retryBaseSeconds: settings.NOTIFY_RETRY_BASE_SECONDS,
      sendingTimeoutSeconds: settings.NOTIFY_SENDING_TIMEOUT_SECONDS,
      holdBeforeSendMs: settings.NOTIFY_HOLD_BEFORE_SEND_MS,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
