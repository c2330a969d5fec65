import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SingleBar } from 'cli-progress';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { IngestKind } from '@returnlens/shared/contracts';
import { generateDemoShop, type DemoOptions, type DemoShop } from '@returnlens/shared/demo-data';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';
import { copyRows, type CopyValue } from '@returnlens/api/shared/sql';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';
import { EnrichService, ShopTextModels } from '@returnlens/api/enrich/data-access';
import { RollupsService } from '@returnlens/api/rollups/data-access';

interface TableLoad<T> {
  readonly kind: IngestKind;
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: readonly T[];
  readonly values: (row: T) => readonly CopyValue[];
}

/** Loads the generated demo shop into an empty database, in one transaction. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupsService,
    private readonly enrich: EnrichService,
    private readonly shopModels: ShopTextModels,
  ) {}

  /** True when the database already holds shop data (or an ingest history). */
  async hasData(): Promise<boolean> {
    const [row] = await this.db.query<{ has: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ingest_batches) OR EXISTS (SELECT 1 FROM claims)
           OR EXISTS (SELECT 1 FROM sales) AS has`,
    );
    return row.has;
  }

  /** True when the stored data came from the demo generator (and no real file since). */
  async isDemo(): Promise<boolean> {
    const [row] = await this.db.query<{ demo: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ingest_batches WHERE format = 'generated')
          AND NOT EXISTS (SELECT 1 FROM ingest_batches WHERE format <> 'generated') AS demo`,
    );
    return row.demo;
  }

  /** At start-up: loads the demo unless DEMO_DATA is off or the database has data. */
  async loadIfEmpty(): Promise<boolean> {
    if (!this.config.demoData) {
      this.logger.log('Demo data disabled (DEMO_DATA=off or --no-demo)');
      return false;
    }
    if (await this.hasData()) return false;
    await this.load({}, process.stderr.isTTY === true);
    return true;
  }

  /** Generates and stores the demo shop; rolls back entirely on any error. */
  async load(options: DemoOptions = {}, interactive = false): Promise<DemoShop> {
    this.logger.log('Generating a year of demo data for an empty database…');
    const shop = generateDemoShop(options);
    const loads = tableLoads(shop);
    const total = loads.reduce((sum, load) => sum + load.rows.length, 0);
    const bar = new SingleBar({
      format: 'Loading demo data |{bar}| {percentage}% | {value}/{total} rows | {table}',
      barsize: 30,
      hideCursor: true,
      stream: process.stderr,
      noTTYOutput: !interactive,
      notTTYSchedule: 2000,
    });
    bar.start(total, 0, { table: '' });

    const runner = this.db.createQueryRunner();
    await runner.connect();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      // One loader at a time, even with two API instances on one server.
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('returnlens:demo-data'))`);
      const [{ has }] = await runner.query(
        'SELECT EXISTS (SELECT 1 FROM ingest_batches) OR EXISTS (SELECT 1 FROM claims) AS has',
      );
      if (has) {
        await runner.rollbackTransaction();
        bar.stop();
        return shop;
      }
      for (const load of loads) {
        bar.update({ table: load.table });
        const [{ id }] = await runner.query(
          `INSERT INTO ingest_batches (shop_id, kind, format, status, source_name, received_count, inserted_count)
           VALUES ($1, $2, 'generated', 'running', 'demo data generator', $3, $3) RETURNING id`,
          [DEFAULT_SHOP_ID, load.kind, load.rows.length],
        );
        await copyRows(
          client,
          load.table,
          ['shop_id', 'batch_id', ...load.columns],
          load.rows,
          (row) => [DEFAULT_SHOP_ID, id, ...load.values(row as never)],
          (count) => bar.increment(count),
        );
        await runner.query(
          `UPDATE ingest_batches SET status = 'committed', finished_at = now() WHERE id = $1`,
          [id],
        );
      }
      await runner.commitTransaction();
      bar.stop();
      // Language, sentiment, aspects and inferred reasons of the generated texts.
      const texts = await this.enrich.reanalyze({ onlyMissing: true });
      // Recorded as every claims or feedback batch's analysis is (BatchReport.analysis).
      for (const t of texts) {
        await this.db.query(
          `UPDATE ingest_batches SET analysis_status = 'done', analysis_total = $2, analysis_done = $2,
                  analysis_finished_at = now()
            WHERE format = 'generated' AND kind = $1 AND analysis_status IS NULL`,
          [t.kind, t.texts],
        );
      }
      this.logger.log(
        `Texts analysed: ${texts.map((t) => `${t.texts} ${t.kind} (${t.analysed} distinct) in ${(t.ms / 1000).toFixed(1)} s`).join(', ')}`,
      );
      await this.rollups.rebuild();
      // What the shop's rated reviews and stated reasons teach, before the first reader.
      await this.shopModels.refresh();
      this.logger.log(
        `Demo data loaded: ${shop.suppliers.length} suppliers, ${shop.products.length} products, ` +
          `${shop.sales.length} order lines, ${shop.claims.length} claims, ${shop.feedback.length} feedback items`,
      );
      return shop;
    } catch (error) {
      bar.stop();
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}

function table<T>(load: TableLoad<T>): TableLoad<unknown> {
  return load as TableLoad<unknown>;
}

function tableLoads(shop: DemoShop): TableLoad<unknown>[] {
  return [
    table({
      kind: 'suppliers',
      table: 'suppliers',
      columns: ['external_id', 'name', 'country'],
      rows: shop.suppliers,
      values: (s) => [s.externalId, s.name, s.country],
    }),
    table({
      kind: 'products',
      table: 'products',
      columns: ['sku', 'name', 'category', 'supplier_id', 'listing_changed_at'],
      rows: shop.products,
      values: (p) => [p.sku, p.name, p.category, p.supplierId, p.listingChangedAt],
    }),
    table({
      kind: 'sales',
      table: 'sales',
      columns: [
        'external_id',
        'order_id',
        'sku',
        'quantity',
        'unit_price',
        'currency',
        'ordered_at',
        'promised_at',
        'delivered_at',
        'customer_id',
      ],
      rows: shop.sales,
      values: (s) => [
        s.externalId,
        s.orderId,
        s.sku,
        s.quantity,
        s.unitPrice.toFixed(2),
        s.currency,
        s.orderedAt,
        s.promisedAt,
        s.deliveredAt,
        s.customerId,
      ],
    }),
    table({
      kind: 'claims',
      table: 'claims',
      columns: [
        'external_id',
        'type',
        'channel',
        'order_id',
        'sku',
        'quantity',
        'stated_reason_code',
        'reason_text',
        'opened_at',
        'first_response_at',
        'resolved_at',
        'refunded_at',
        'status',
        'resolution',
        'refund_amount',
        'cost_amount',
        'currency',
        'inspection_outcome',
        'contact_count',
        'assignee',
        'customer_id',
      ],
      rows: shop.claims,
      values: (c) => [
        c.externalId,
        c.type,
        c.channel,
        c.orderId,
        c.sku,
        c.quantity,
        c.statedReasonCode,
        c.reasonText,
        c.openedAt,
        c.firstResponseAt,
        c.resolvedAt,
        c.refundedAt,
        c.status,
        c.resolution,
        c.refundAmount === null ? null : c.refundAmount.toFixed(2),
        c.costAmount === null ? null : c.costAmount.toFixed(2),
        c.currency,
        c.inspectionOutcome,
        c.contactCount,
        c.assignee,
        c.customerId,
      ],
    }),
    table({
      kind: 'feedback',
      table: 'feedback',
      columns: [
        'external_id',
        'source',
        'sku',
        'order_id',
        'claim_id',
        'rating',
        'text',
        'created_at',
      ],
      rows: shop.feedback,
      values: (f) => [
        f.externalId,
        f.source,
        f.sku,
        f.orderId,
        f.claimId,
        f.rating,
        f.text,
        f.createdAt,
      ],
    }),
  ];
}
