import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ShopOwned } from '../database/shop-owned';

@Entity({ name: 'products' })
export class ProductEntity extends ShopOwned {
  @PrimaryColumn({ type: 'text' })
  sku!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  category!: string;

  /** The supplier's external id. */
  @Column({ name: 'supplier_id', type: 'text', nullable: true })
  supplierId!: string | null;

  /** When the listing (photos, description) last changed, if the shop reports it. */
  @Column({ name: 'listing_changed_at', type: 'timestamptz', nullable: true })
  listingChangedAt!: Date | null;
}
