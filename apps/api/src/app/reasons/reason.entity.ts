import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@Entity({ name: 'reason_categories' })
export class ReasonCategoryEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'sort_order', type: 'smallint' })
  sortOrder!: number;
}

@Entity({ name: 'reasons' })
export class ReasonEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => ReasonCategoryEntity)
  @JoinColumn({ name: 'category_code' })
  category?: ReasonCategoryEntity;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text' })
  description!: string;
}
