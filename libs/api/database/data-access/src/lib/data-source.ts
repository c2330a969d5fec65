import type { DataSourceOptions } from 'typeorm';
import { QueryLogger } from './query-logger';
import { InitialSchema1763900000000 } from './migrations/1763900000000-InitialSchema';
import { IngestSupport1763990000000 } from './migrations/1763990000000-IngestSupport';
import { CheaperFactConstraints1764000000000 } from './migrations/1764000000000-CheaperFactConstraints';
import { LeanerClaimIndexes1764010000000 } from './migrations/1764010000000-LeanerClaimIndexes';
import { Rollups1764100000000 } from './migrations/1764100000000-Rollups';
import { TextEnrichment1764200000000 } from './migrations/1764200000000-TextEnrichment';
import { Accounts1764300000000 } from './migrations/1764300000000-Accounts';
import { DataVersion1764400000000 } from './migrations/1764400000000-DataVersion';
import { DataVersionNotify1764500000000 } from './migrations/1764500000000-DataVersionNotify';
import { IngestBounds1764610000000 } from './migrations/1764610000000-IngestBounds';
import { CohortReturns1764700000000 } from './migrations/1764700000000-CohortReturns';
import { MoneyAndResolutions1764720000000 } from './migrations/1764720000000-MoneyAndResolutions';
import { ShopTaxonomy1764800000000 } from './migrations/1764800000000-ShopTaxonomy';
import { LineSellers1764830000000 } from './migrations/1764830000000-LineSellers';
import { BackgroundTextAnalysis1764810000000 } from './migrations/1764810000000-BackgroundTextAnalysis';
import { Notifications1764900000000 } from './migrations/1764900000000-Notifications';
import { SalesOrderOrdered1764950000000 } from './migrations/1764950000000-SalesOrderOrdered';
import { ShopTextModels1764960000000 } from './migrations/1764960000000-ShopTextModels';
import { UiLanguages1764970000000 } from './migrations/1764970000000-UiLanguages';
import { SlaHourRollups1764980000000 } from './migrations/1764980000000-SlaHourRollups';
import { ClaimsCube1764990000000 } from './migrations/1764990000000-ClaimsCube';

/** Listed explicitly (not globbed) so the bundled API carries them. Oldest first. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  IngestSupport1763990000000,
  CheaperFactConstraints1764000000000,
  LeanerClaimIndexes1764010000000,
  Rollups1764100000000,
  TextEnrichment1764200000000,
  Accounts1764300000000,
  DataVersion1764400000000,
  DataVersionNotify1764500000000,
  IngestBounds1764610000000,
  CohortReturns1764700000000,
  MoneyAndResolutions1764720000000,
  ShopTaxonomy1764800000000,
  BackgroundTextAnalysis1764810000000,
  LineSellers1764830000000,
  Notifications1764900000000,
  SalesOrderOrdered1764950000000,
  ShopTextModels1764960000000,
  UiLanguages1764970000000,
  SlaHourRollups1764980000000,
  ClaimsCube1764990000000,
];

/**
 * The one place TypeORM is configured: schema changes only through migrations. Failed
 * queries are logged without their parameters (QueryLogger); `migrations: false` keeps the
 * migration messages quiet (the command line).
 */
export function dataSourceOptions(
  url: string,
  logging: { readonly migrations?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No entities: every read and write is SQL of its own module (docs/decisions/0013-typeorm-runs-migrations-and-pool-only.md).
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Never TypeORM's own loggers: they print a failed query with its parameters (shop data).
    logger: new QueryLogger(logging),
    extra: poolOptions(),
  };
}

/**
 * The pg pool (docs/reliability.md). When PostgreSQL restarts, pg-pool drops idle clients
 * that see their socket close and destroys checked-out ones released after an error, so
 * the API recovers without a restart; these bounds keep a request from waiting forever on
 * a server that is gone or on a pool that is full.
 */
export function poolOptions() {
  return {
    max: 10,
    application_name: 'returnlens-api',
    /** Waiting for a free client or for a new connection: then 503, not a hang. */
    connectionTimeoutMillis: 10_000,
    /** Idle clients are closed after this; a dead one is dropped on its error event anyway. */
    idleTimeoutMillis: 30_000,
    /** TCP keepalive finds a server that vanished without closing the socket. */
    keepAlive: true,
    /**
     * The other way round: a session whose client died (the API was killed) stops its
     * running statement within 2 s instead of finishing a long merge for nobody, so the
     * batch's locks go and it is marked interrupted soon after (PostgreSQL ≥ 14).
     */
    options: '-c client_connection_check_interval=2000',
  };
}
