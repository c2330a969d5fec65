import type { DataSource } from 'typeorm';

/** Named SQL of the weekly report; `$1` is always the shop, timestamps are UTC instants. */

export interface WeekCategoryCount {
  readonly week: string;
  readonly category: string;
  readonly claims: number;
  readonly units: number;
}

export interface ReasonCount {
  readonly reasonCode: string;
  readonly claims: number;
}

/** Claims and units per ISO week (in `timeZone`) and reason category, by `opened_at`. */
export function findWeeklyCategoryCounts(
  db: DataSource,
  shopId: number,
  timeZone: string,
  from: Date,
  to: Date,
): Promise<WeekCategoryCount[]> {
  return db.query(
    `SELECT to_char(date_trunc('week', c.opened_at AT TIME ZONE $2), 'IYYY-"W"IW') AS week,
            r.category_code                                                     AS category,
            count(*)::int                                                       AS claims,
            sum(c.quantity)::int                                                AS units
       FROM claims c
       JOIN reasons r ON r.code = c.reason_code
      WHERE c.shop_id = $1 AND c.opened_at >= $3 AND c.opened_at < $4
      GROUP BY 1, 2`,
    [shopId, timeZone, from, to],
  );
}

/** Claims per reason code opened in [from, to). */
export function findReasonCounts(
  db: DataSource,
  shopId: number,
  from: Date,
  to: Date,
): Promise<ReasonCount[]> {
  return db.query(
    `SELECT reason_code AS "reasonCode", count(*)::int AS claims
       FROM claims
      WHERE shop_id = $1 AND opened_at >= $2 AND opened_at < $3
      GROUP BY 1`,
    [shopId, from, to],
  );
}

/** The newest `opened_at`, or null for a shop without claims. */
export async function findLatestClaimOpenedAt(
  db: DataSource,
  shopId: number,
): Promise<Date | null> {
  const [row] = await db.query<{ latest: Date | null }[]>(
    'SELECT max(opened_at) AS latest FROM claims WHERE shop_id = $1',
    [shopId],
  );
  return row?.latest ?? null;
}
