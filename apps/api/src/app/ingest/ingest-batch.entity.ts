import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BatchStatus, IngestFormat, IngestKind } from '@returnlens/shared/contracts';

/** One upload, whatever its outcome. */
@Entity({ name: 'ingest_batches' })
export class IngestBatchEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'shop_id', type: 'smallint', default: 1 })
  shopId!: number;

  @Column({ type: 'text' })
  kind!: IngestKind;

  @Column({ type: 'text' })
  format!: IngestFormat;

  @Column({ type: 'text', default: 'running' })
  status!: BatchStatus;

  @Column({ name: 'source_name', type: 'text', nullable: true })
  sourceName!: string | null;

  @Column({ type: 'text', nullable: true })
  checksum!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'received_count', type: 'integer', default: 0 })
  receivedCount!: number;

  @Column({ name: 'inserted_count', type: 'integer', default: 0 })
  insertedCount!: number;

  @Column({ name: 'updated_count', type: 'integer', default: 0 })
  updatedCount!: number;

  @Column({ name: 'rejected_count', type: 'integer', default: 0 })
  rejectedCount!: number;

  @Column({ name: 'unlinked_count', type: 'integer', default: 0 })
  unlinkedCount!: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount!: number;

  @Column({ type: 'jsonb', nullable: true })
  mapping!: unknown;

  /** The report returned to the first request, replayed for a retried Idempotency-Key. */
  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
