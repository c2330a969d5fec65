import 'reflect-metadata';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import {
  DIGEST_ROLES,
  INGEST_KINDS,
  isUiLanguage,
  UI_LANGUAGES,
  type DigestRole,
  type IngestFormat,
  type IngestKind,
  type IngestMapping,
} from '@returnlens/shared/contracts';
import {
  AccountError,
  AccountsService,
  TOKEN_SCOPES,
  validRoles,
  type TokenScope,
} from '@returnlens/api/auth/data-access';
import { openDatabase } from '@returnlens/api/database/data-access';
import {
  BackgroundAnalysis,
  EnrichService,
  TextAnalyzer,
  type EnrichKind,
} from '@returnlens/api/enrich/data-access';
import { BatchStore, IngestService, MappingPresets } from '@returnlens/api/ingest/data-access';
import {
  DeliveryService,
  SubscriptionsStore,
  type NewDelivery,
} from '@returnlens/api/notify/data-access';
import { RollupsService } from '@returnlens/api/rollups/data-access';
import { ConfigError, loadConfig, type AppConfig } from '@returnlens/api/shared/util';
import type { DataSource } from 'typeorm';
import { NotifyCliModule } from './app/notify-cli.module';

const USAGE = `Returnlens command line

  npm run users -- create --email <e-mail> --roles admin[,owner,buyer,manager] [--name <name>]
      prints a one-time password, to be replaced at first sign-in
  npm run users -- list
  npm run users -- reset-password <id>      a new one-time password; ends the user's sessions
  npm run users -- disable <id> | enable <id>
  npm run users -- remove-demo              deletes the demo logins (needed before HOST=0.0.0.0)

  npm run token -- create --name <name> --scopes ingest[,read,admin]
  npm run token -- list
  npm run token -- revoke <id>

  npm run ingest -- <kind> <file> [--mapping <preset name | mapping.json>] [--dry-run]
                    [--encoding windows-1251] [--delimiter ';']
      kind: ${INGEST_KINDS.join(', ')}; format from the file name (.csv .tsv .json .ndjson .jsonl .arrow)

  npm run rollups -- rebuild
      recompute every weekly rollup from the raw tables (after a bulk load outside the API)

  npm run reanalyze [-- --only claims|feedback] [--missing]
      finish the batches whose texts are still analysed in the background, then re-run
      language, sentiment, aspect and reason analysis over stored texts and rebuild the
      rollups; --missing analyses only texts never analysed

  npm run digests -- send --now [--role owner|buyer|manager] [--to <e-mail or webhook URL>] [--lang <language>] [--pdf] [--csv]
      sends the digests now and prints each delivery: without --to every active subscription
      (of the role, each in its subscriber's language), with --to the role's digest (every
      role's without --role) to that address — an http(s) URL is posted as a webhook — in
      --lang (${UI_LANGUAGES.join(', ')}; default: the shop's language); --pdf/--csv attach the
      PDF (needs the API running on PORT) and the CSV tables. Exits 1 when a delivery failed.
      E-mail needs SMTP_URL.

The database is DATABASE_URL, else the embedded one in DATA_DIR (default ./.data).`;

class UsageError extends Error {}

const FORMATS: Record<string, Exclude<IngestFormat, 'generated'>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
};

/** A progress bar on stderr; without a terminal it prints a line every 2 s instead. */
function progressBar(format: string): SingleBar {
  return new SingleBar({
    format,
    barsize: 30,
    hideCursor: true,
    stream: process.stderr,
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 2000,
  });
}

async function tokenCommand(config: AppConfig, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string' } },
  });
  const [action, id] = positionals;
  const db = await openDatabase(config);
  const accounts = new AccountsService(db.dataSource);
  try {
    if (action === 'create') {
      if (!values.name) throw new UsageError('token create needs --name');
      const scopes = (values.scopes ?? 'ingest').split(',').map((s) => s.trim());
      const unknown = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
      if (unknown.length)
        throw new UsageError(`unknown scope ${unknown.join(', ')}; use ${TOKEN_SCOPES.join(', ')}`);
      const { id: tokenId, token } = await accounts.createToken(
        values.name,
        scopes as TokenScope[],
      );
      console.log(
        `Token ${tokenId} "${values.name}" (${scopes.join(', ')}) — shown once, store it now:\n\n  ${token}\n`,
      );
    } else if (action === 'list') {
      console.table(await accounts.listTokens());
    } else if (action === 'revoke') {
      if (!id) throw new UsageError('token revoke needs the token id (see token list)');
      const revoked = await accounts.revokeToken(id);
      console.log(revoked ? `Token ${id} revoked.` : `No live token ${id}.`);
    } else {
      throw new UsageError(`unknown token action "${action ?? ''}"`);
    }
  } finally {
    await db.close();
  }
}

async function usersCommand(config: AppConfig, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' }, roles: { type: 'string' }, name: { type: 'string' } },
  });
  const [action, id] = positionals;
  const db = await openDatabase(config);
  const accounts = new AccountsService(db.dataSource);
  const audit = (what: string, target: string) => accounts.audit('cli', what, target, undefined);
  try {
    if (action === 'create') {
      if (!values.email) throw new UsageError('users create needs --email');
      let roles;
      try {
        roles = validRoles(values.roles ?? 'admin');
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const { user, password } = await accounts
        .createUser({
          email: values.email,
          name: values.name,
          roles,
        })
        .catch((error) => {
          throw error instanceof AccountError ? new UsageError(error.message) : error;
        });
      await audit('user_created', user.email);
      console.log(
        `User ${user.id} ${user.email} (${user.roles.join(', ')}).\n` +
          `One-time password — shown once; it must be replaced at the first sign-in:\n\n  ${password}\n`,
      );
    } else if (action === 'list') {
      console.table(await accounts.listUsers());
    } else if (action === 'reset-password') {
      if (!id) throw new UsageError('users reset-password needs the user id (see users list)');
      const password = await accounts.resetPassword(id);
      if (!password) throw new UsageError(`no user ${id}`);
      await audit('password_reset', id);
      console.log(`New one-time password for user ${id} (shown once):\n\n  ${password}\n`);
    } else if (action === 'disable' || action === 'enable') {
      if (!id) throw new UsageError(`users ${action} needs the user id (see users list)`);
      const user = await accounts.updateUser(id, { disabled: action === 'disable' });
      if (!user) throw new UsageError(`no user ${id}`);
      await audit(action === 'disable' ? 'user_disabled' : 'user_enabled', user.email);
      console.log(`User ${id} ${user.email} ${action}d.`);
    } else if (action === 'remove-demo') {
      const n = await accounts.removeDemoLogins();
      await audit('demo_logins_removed', String(n));
      console.log(`${n} demo login(s) removed.`);
    } else {
      throw new UsageError(`unknown users action "${action ?? ''}"`);
    }
  } finally {
    await db.close();
  }
}

async function ingestCommand(config: AppConfig, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
    },
  });
  const [kind, fileArgument] = positionals;
  // npm runs scripts in the project folder; a relative path means the caller's folder.
  const file = fileArgument && resolve(process.env['INIT_CWD'] ?? process.cwd(), fileArgument);
  if (!kind || !(INGEST_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`the first argument is the kind: ${INGEST_KINDS.join(', ')}`);
  if (!file || !existsSync(file)) throw new UsageError(`file "${fileArgument ?? ''}" not found`);
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format)
    throw new UsageError(
      `cannot tell the format of "${file}"; name it .csv, .json, .ndjson or .arrow`,
    );
  let mapping: IngestMapping | undefined;
  let preset: string | undefined;
  const mappingFile =
    values.mapping && resolve(process.env['INIT_CWD'] ?? process.cwd(), values.mapping);
  if (mappingFile && existsSync(mappingFile))
    mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
  else preset = values.mapping;

  const db = await openDatabase(config);
  const size = statSync(file).size;
  const bar = progressBar(
    '{bar} {percentage}% | {rows} rows | {rate} rows/s | {rejected} rejected',
  );
  const started = Date.now();
  let read = 0;
  bar.start(size, 0, { rows: 0, rate: 0, rejected: 0 });
  try {
    const rollups = new RollupsService(db.dataSource, config);
    await rollups.onApplicationBootstrap();
    const { enrich, background } = textAnalysis(db.dataSource, config, rollups);
    // Opened only now: a stream that flowed while the rollups were built would lose its start.
    const body = createReadStream(file);
    body.on('data', (chunk) => {
      read += chunk.length;
    });
    let report = await new IngestService(
      db.dataSource,
      config,
      rollups,
      enrich,
      new BatchStore(db.dataSource),
      new MappingPresets(db.dataSource),
    ).ingest({
      kind: kind as IngestKind,
      format,
      body,
      mapping,
      preset,
      dryRun: values['dry-run'],
      sourceName: basename(file),
      encoding: values.encoding,
      delimiter: values.delimiter === 'tab' ? '\t' : values.delimiter,
      onProgress: ({ rows, rejected }) =>
        bar.update(read, {
          rows,
          rejected,
          rate: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)),
        }),
    });
    bar.update(size);
    bar.stop();
    // A large batch committed unanalysed: its texts are analysed now, as the API would.
    if (report.analysis && report.analysis.status !== 'done') {
      await analysePending(background);
      report = {
        ...report,
        analysis: (await new BatchStore(db.dataSource).report(report.id)).analysis,
      };
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `\n${report.received} rows in ${seconds.toFixed(1)} s (${Math.round(report.received / seconds)} rows/s): ` +
        `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected` +
        (values['dry-run'] ? ' — dry run, nothing stored' : ''),
    );
    return report.rejected > 0 ? 3 : 0;
  } catch (error) {
    bar.stop();
    const suggestion = (error as { suggestion?: unknown }).suggestion;
    console.error(`\n${(error as Error).message}`);
    if (suggestion)
      console.error(
        `Suggested mapping (save it to a file and pass --mapping file.json):\n${JSON.stringify(suggestion, null, 2)}`,
      );
    return 1;
  } finally {
    await db.close();
  }
}

async function rollupsCommand(config: AppConfig, args: string[]): Promise<number> {
  if (args[0] !== 'rebuild') throw new UsageError(`unknown rollups action "${args[0] ?? ''}"`);
  const db = await openDatabase(config);
  const bar = progressBar('{bar} {value}/{total} statements | {step}');
  const started = Date.now();
  try {
    const rollups = new RollupsService(db.dataSource, config);
    bar.start(1, 0, { step: '' });
    await rollups.rebuild(({ step, done, total }) => {
      bar.setTotal(total);
      bar.update(done, { step });
    });
    bar.stop();
    console.log(`Rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    bar.stop();
    await db.close();
  }
}

/** The text analysis as the API wires it, on the command line's own connection pool. */
function textAnalysis(db: DataSource, config: AppConfig, rollups: RollupsService) {
  const analyzer = new TextAnalyzer();
  const background = new BackgroundAnalysis(db, rollups, analyzer);
  return { background, enrich: new EnrichService(db, config, rollups, background, analyzer) };
}

/** Batches whose texts are still to analyse (pending, or interrupted), to completion. */
async function analysePending(background: BackgroundAnalysis): Promise<void> {
  const finished = await background.drain(({ batchId, kind, analysed }) =>
    process.stderr.write(`\rbatch ${batchId} (${kind}): ${analysed} texts analysed…`),
  );
  if (finished.length) {
    process.stderr.write('\n');
    console.log(`Text analysis finished for batch(es) ${finished.join(', ')}.`);
  }
}

async function reanalyzeCommand(config: AppConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { only: { type: 'string' }, missing: { type: 'boolean', default: false } },
  });
  const kinds: EnrichKind[] =
    values.only === undefined ? ['claims', 'feedback'] : [values.only as EnrichKind];
  if (kinds.some((k) => k !== 'claims' && k !== 'feedback'))
    throw new UsageError('--only takes claims or feedback');
  const db = await openDatabase(config);
  try {
    const rollups = new RollupsService(db.dataSource, config);
    await rollups.ensureCalendar(db.dataSource);
    const { enrich, background } = textAnalysis(db.dataSource, config, rollups);
    // First the batches left to analyse in the background, failed ones too (the same path
    // as the API's: chunked, resumable, their rollups refreshed), then whatever else is asked.
    await background.retryFailed();
    await analysePending(background);
    const stats = await enrich.reanalyze({
      kinds,
      onlyMissing: values.missing,
      onProgress: ({ kind, texts }) => process.stderr.write(`\r${kind}: ${texts} texts…`),
    });
    process.stderr.write('\n');
    for (const s of stats) {
      const per10k = s.texts ? ((s.ms / s.texts) * 10_000) / 1000 : 0;
      console.log(
        `${s.kind}: ${s.texts} texts (${s.analysed} distinct analysed), ${s.updated} rows changed, ` +
          `${(s.ms / 1000).toFixed(1)} s — ${per10k.toFixed(2)} s per 10k texts including the database writes`,
      );
    }
    const { inferred, mismatched } = await enrich.reasonMismatches();
    console.log(
      `Claims with an inferred reason: ${inferred}; stated reason differs from it: ${mismatched}.`,
    );
    if (stats.some((s) => s.updated > 0)) {
      await rollups.rebuild();
      console.log('Rollups rebuilt.');
    }
    return 0;
  } finally {
    await db.close();
  }
}

async function digestsCommand(config: AppConfig, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      now: { type: 'boolean', default: false },
      role: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] !== 'send' || !values.now)
    throw new UsageError('digests: the command is `digests send --now`');
  const role = values.role as DigestRole | undefined;
  if (role !== undefined && !(DIGEST_ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role takes ${DIGEST_ROLES.join(', ')}`);
  const language = values.lang?.trim().toLowerCase();
  if (language !== undefined && !isUiLanguage(language))
    throw new UsageError(`--lang takes ${UI_LANGUAGES.join(', ')}`);
  if (language !== undefined && !values.to)
    throw new UsageError(
      '--lang goes with --to: a subscription is written in its subscriber’s language',
    );
  const to = values.to?.trim();
  const channel = to && /^https?:\/\//i.test(to) ? 'webhook' : 'email';
  if (to && channel === 'email' && !/^[^\s@]+@[^\s@]+$/.test(to))
    throw new UsageError(`--to "${to}" is neither an e-mail address nor an http(s) URL`);

  const db = await openDatabase(config);
  const url = (db.dataSource.options as { url: string }).url;
  const app = await NestFactory.createApplicationContext(NotifyCliModule.forRoot(config, url), {
    logger: ['error'],
  });
  try {
    const deliveries = app.get(DeliveryService);
    const queue: NewDelivery[] = [];
    const now = new Date();
    if (to) {
      for (const r of role ? [role] : DIGEST_ROLES)
        queue.push({
          trigger: 'command',
          channel,
          target: to,
          slot: now,
          digest: {
            role: r,
            filters: {},
            attachPdf: values.pdf,
            attachCsv: values.csv,
            userId: null,
            // Without --lang the digest reads the shop's language (no reader: userId null).
            language: language ?? null,
          },
        });
    } else {
      const subscriptions = await app.get(SubscriptionsStore).active(role);
      if (!subscriptions.length) {
        console.error(
          `No active subscription${role ? ` to the ${role} digest` : ''}: create one on the Subscriptions page, or pass --to <address>.`,
        );
        return 1;
      }
      for (const s of subscriptions)
        queue.push({
          trigger: 'command',
          channel: s.channel,
          target: s.target,
          secret: s.secret,
          slot: now,
          subscriptionId: s.id,
        });
    }
    let failed = 0;
    for (const delivery of queue) {
      const d = await deliveries.sendNow(delivery);
      if (d.status !== 'sent' && d.status !== 'skipped') failed++;
      console.log(
        `${d.status.padEnd(7)} ${d.channel.padEnd(7)} ${d.target}  “${d.subject ?? ''}”` +
          (d.error ? `  — ${d.error}` : ''),
      );
    }
    console.log(`${queue.length - failed} of ${queue.length} digest(s) delivered.`);
    return failed ? 1 : 0;
  } finally {
    await app.close();
    await db.close();
  }
}

async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'warn']);
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig({ ...process.env, DEMO_DATA: 'off' });
  if (command === 'token') {
    await tokenCommand(config, rest);
    return 0;
  }
  if (command === 'users') {
    await usersCommand(config, rest);
    return 0;
  }
  if (command === 'ingest') return ingestCommand(config, rest);
  if (command === 'rollups') return rollupsCommand(config, rest);
  if (command === 'reanalyze') return reanalyzeCommand(config, rest);
  if (command === 'digests')
    return digestsCommand({ ...config, notify: { ...config.notify, enabled: false } }, rest);
  console.log(USAGE);
  return command && command !== 'help' ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
