import type { DataSourceOptions } from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { SupplierEntity } from '../catalog/supplier.entity';
import { ClaimEntity } from '../claims/claim.entity';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { IngestBatchEntity } from '../ingest/ingest-batch.entity';
import { RejectedRowEntity } from '../ingest/rejected-row.entity';
import { ReasonCategoryEntity, ReasonEntity } from '../reasons/reason.entity';
import { SaleEntity } from '../sales/sale.entity';
import { InitialSchema1763900000000 } from './migrations/1763900000000-InitialSchema';
import { IngestSupport1763990000000 } from './migrations/1763990000000-IngestSupport';
import { CheaperFactConstraints1764000000000 } from './migrations/1764000000000-CheaperFactConstraints';
import { LeanerClaimIndexes1764010000000 } from './migrations/1764010000000-LeanerClaimIndexes';
import { Rollups1764100000000 } from './migrations/1764100000000-Rollups';
import { TextEnrichment1764200000000 } from './migrations/1764200000000-TextEnrichment';
import { Accounts1764300000000 } from './migrations/1764300000000-Accounts';
import { DataVersion1764400000000 } from './migrations/1764400000000-DataVersion';

export const ENTITIES = [
  ReasonCategoryEntity,
  ReasonEntity,
  SupplierEntity,
  ProductEntity,
  SaleEntity,
  ClaimEntity,
  FeedbackEntity,
  IngestBatchEntity,
  RejectedRowEntity,
];

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
];

/** The one place TypeORM is configured: schema changes only through migrations. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: 10, application_name: 'returnlens-api' },
  };
}
