import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ShopOwned } from '../database/shop-owned';

@Entity({ name: 'suppliers' })
export class SupplierEntity extends ShopOwned {
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;
}
