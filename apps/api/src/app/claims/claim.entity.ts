import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Channel,
  ClaimStatus,
  ClaimType,
  InspectionOutcome,
  Resolution,
} from '@returnlens/shared/contracts';
import { DECIMAL, ShopOwned } from '../database/shop-owned';

/** One after-sale case: return, exchange, warranty repair or complaint. */
@Entity({ name: 'claims' })
export class ClaimEntity extends ShopOwned {
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  type!: ClaimType;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ name: 'order_id', type: 'text', nullable: true })
  orderId!: string | null;

  @Column({ type: 'text', nullable: true })
  sku!: string | null;

  @Column({ type: 'integer', default: 1 })
  quantity!: number;

  /** The code the shop gave; never overwritten by inference. */
  @Column({ name: 'stated_reason_code', type: 'text', nullable: true })
  statedReasonCode!: string | null;

  @Column({ name: 'inferred_reason_code', type: 'text', nullable: true })
  inferredReasonCode!: string | null;

  @Column({ name: 'inferred_confidence', type: 'real', nullable: true })
  inferredConfidence!: number | null;

  /** Detected language of `reason_text`; set once the text was analysed. */
  @Column({ name: 'text_language', type: 'text', nullable: true })
  textLanguage!: string | null;

  /** Stated, else inferred, else `other` (a generated column). */
  @Column({ name: 'reason_code', type: 'text', insert: false, update: false })
  readonly reasonCode!: string;

  @Column({ name: 'reason_source', type: 'text', insert: false, update: false })
  readonly reasonSource!: 'stated' | 'inferred' | 'none';

  @Column({ name: 'reason_text', type: 'text', nullable: true })
  reasonText!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt!: Date | null;

  @Column({ type: 'text' })
  status!: ClaimStatus;

  @Column({ type: 'text', nullable: true })
  resolution!: Resolution | null;

  @Column({ name: 'refund_amount', ...DECIMAL, nullable: true })
  refundAmount!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ name: 'inspection_outcome', type: 'text', nullable: true })
  inspectionOutcome!: InspectionOutcome | null;

  @Column({ name: 'contact_count', type: 'integer', default: 1 })
  contactCount!: number;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;
}
