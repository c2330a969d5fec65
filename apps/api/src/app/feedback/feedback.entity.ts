import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FeedbackSource, SentimentLabel } from '@returnlens/shared/contracts';
import { ShopOwned } from '../database/shop-owned';

/** A review, survey answer or CSAT score. */
@Entity({ name: 'feedback' })
export class FeedbackEntity extends ShopOwned {
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  source!: FeedbackSource;

  @Column({ type: 'text', nullable: true })
  sku!: string | null;

  @Column({ name: 'order_id', type: 'text', nullable: true })
  orderId!: string | null;

  @Column({ name: 'claim_id', type: 'text', nullable: true })
  claimId!: string | null;

  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The language the ingested file gave, as given. */
  @Column({ name: 'stated_language', type: 'text', nullable: true })
  statedLanguage!: string | null;

  /** Derived: the stated language when usable, else the detected one (`und` if unclear). */
  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'sentiment_score', type: 'real', nullable: true })
  sentimentScore!: number | null;

  @Column({ name: 'sentiment_label', type: 'text', nullable: true })
  sentimentLabel!: SentimentLabel | null;

  /** From the rating: 1–2 negative, 3 neutral, 4–5 positive (a generated column). */
  @Column({ name: 'rating_label', type: 'text', insert: false, update: false })
  readonly ratingLabel!: SentimentLabel | null;

  @Column({ type: 'jsonb', nullable: true })
  aspects!: unknown;
}
