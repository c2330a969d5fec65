import { Column, PrimaryColumn } from 'typeorm';

/** The columns every shop-owned row carries (docs/decisions/0003-shop-id-distribution.md). */
export abstract class ShopOwned {
  @PrimaryColumn({ name: 'shop_id', type: 'smallint', default: 1 })
  shopId!: number;

  @Column({ name: 'batch_id', type: 'bigint', nullable: true })
  batchId!: string | null;

  @Column({ name: 'ingested_at', type: 'timestamptz', default: () => 'now()' })
  ingestedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** numeric columns come back from pg as strings; keep them exact as strings. */
export const DECIMAL = { type: 'numeric' as const, precision: 14, scale: 2 };

/** Until accounts arrive, every request reads and writes the first shop. */
export const DEFAULT_SHOP_ID = 1;
