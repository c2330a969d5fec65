import type { Client } from 'pg';

export interface FixtureClaim {
  readonly id: string;
  readonly openedAt: string;
  readonly reason: string | null;
  readonly quantity?: number;
  readonly type?: string;
}

/** Inserts claims with only the fields the weekly report reads; the rest take plain values. */
export async function insertClaims(client: Client, claims: readonly FixtureClaim[]): Promise<void> {
  for (const claim of claims) {
    await client.query(
      `INSERT INTO claims (external_id, type, channel, order_id, sku, quantity, stated_reason_code, opened_at, status)
       VALUES ($1, $2, 'email', $3, 'SKU-1', $4, $5, $6, 'open')`,
      [
        claim.id,
        claim.type ?? 'return',
        `O-${claim.id}`,
        claim.quantity ?? 1,
        claim.reason,
        claim.openedAt,
      ],
    );
  }
}

/**
 * The weekly-report fixture, every figure worked out by hand in weekly-report.spec.ts.
 * Report week 2026-W10 (2–8 March 2026); baseline weeks W06–W09.
 */
export const WEEKLY_FIXTURE: readonly FixtureClaim[] = [
  // W06 (2–8 Feb): 2 claims, 2 units
  { id: 'w06-1', openedAt: '2026-02-03T10:00:00Z', reason: 'late_delivery', type: 'complaint' },
  { id: 'w06-2', openedAt: '2026-02-06T15:00:00Z', reason: 'late_delivery', type: 'complaint' },
  // W07 (9–15 Feb): 4 claims, 6 units
  { id: 'w07-1', openedAt: '2026-02-09T09:00:00Z', reason: 'product_defect', quantity: 3 },
  { id: 'w07-2', openedAt: '2026-02-10T09:00:00Z', reason: 'product_defect' },
  { id: 'w07-3', openedAt: '2026-02-12T09:00:00Z', reason: 'product_defect' },
  { id: 'w07-4', openedAt: '2026-02-15T20:00:00Z', reason: 'product_defect' },
  // W08 (16–22 Feb): 3 claims, 3 units
  { id: 'w08-1', openedAt: '2026-02-16T09:00:00Z', reason: 'wrong_item' },
  { id: 'w08-2', openedAt: '2026-02-18T09:00:00Z', reason: 'wrong_item' },
  { id: 'w08-3', openedAt: '2026-02-20T09:00:00Z', reason: 'wrong_item' },
  // W09 (23 Feb – 1 Mar): 3 claims, 3 units; the last is Sunday 23:30 UTC = Monday 00:30 in Warsaw
  { id: 'w09-1', openedAt: '2026-02-24T09:00:00Z', reason: 'changed_mind' },
  { id: 'w09-2', openedAt: '2026-02-26T09:00:00Z', reason: 'changed_mind' },
  { id: 'w09-3', openedAt: '2026-03-01T23:30:00Z', reason: 'product_defect' },
  // W10 (2–8 Mar): 6 claims, 7 units; the last is Sunday 23:30 UTC = Monday 00:30 in Warsaw
  { id: 'w10-1', openedAt: '2026-03-02T00:30:00Z', reason: 'product_defect', quantity: 2 },
  { id: 'w10-2', openedAt: '2026-03-03T11:00:00Z', reason: 'product_defect' },
  { id: 'w10-3', openedAt: '2026-03-04T11:00:00Z', reason: 'product_defect' },
  { id: 'w10-4', openedAt: '2026-03-05T11:00:00Z', reason: 'wrong_size', type: 'exchange' },
  { id: 'w10-5', openedAt: '2026-03-06T11:00:00Z', reason: 'wrong_size', type: 'exchange' },
  { id: 'w10-6', openedAt: '2026-03-08T23:30:00Z', reason: 'changed_mind' },
  // W11: after the reported week, never counted in it
  { id: 'w11-1', openedAt: '2026-03-09T10:00:00Z', reason: 'other' },
];
