import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface RowError {
  readonly field: string;
  readonly value: string | null;
  readonly message: string;
}

/** A row that failed validation, kept with every error so nothing is lost. */
@Entity({ name: 'rejected_rows' })
export class RejectedRowEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'bigint' })
  batchId!: string;

  @PrimaryColumn({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ type: 'text' })
  raw!: string;

  @Column({ type: 'jsonb' })
  errors!: RowError[];
}
