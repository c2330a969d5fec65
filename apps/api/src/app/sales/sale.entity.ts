import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DECIMAL, ShopOwned } from '../database/shop-owned';

/** An order line: the denominator of every rate. */
@Entity({ name: 'sales' })
export class SaleEntity extends ShopOwned {
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'unit_price', ...DECIMAL })
  unitPrice!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'ordered_at', type: 'timestamptz' })
  orderedAt!: Date;

  @Column({ name: 'promised_at', type: 'timestamptz', nullable: true })
  promisedAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;
}
