/**
 * Business time in SQL (docs/metrics.md, "Business hours"). `calendar_days` holds, per shop
 * and day, up to three opening periods in minutes after local midnight (`s1`–`e1`, `s2`–`e2`,
 * `s3`–`e3`) and `cum_before`, the business minutes of all earlier days since the calendar's
 * epoch. Fragments need `k`, the shop's row of `business_calendars`.
 */

/**
 * Business minutes from the calendar's epoch to instant `ts`, given `d`, the calendar day of
 * `ts` (joined on its local date): minutes of all earlier working days plus the part of the
 * day's opening periods already past.
 */
export function businessMinutesAt(ts: string, d: string, minute = minuteOfDay(ts)): string {
  const period = (s: string, e: string) => `GREATEST(0, LEAST(${minute}, ${d}.${e}) - ${d}.${s})`;
  return `(${d}.cum_before + ${period('s1', 'e1')} + ${period('s2', 'e2')} + ${period('s3', 'e3')})`;
}

/**
 * Minutes after local midnight (in `k`'s time zone) of instant `ts`, in float8: `date_part`,
 * not `extract`, which computes in numeric and made the SLA rollups' arithmetic several
 * times slower.
 */
export const minuteOfDay = (ts: string) =>
  `(date_part('epoch', (${ts} AT TIME ZONE k.time_zone)::time) / 60)`;

/**
 * Join of the calendar day of `ts` as alias `d` (needs `k`, the shop's business calendar);
 * `local`, when given, is `ts` already in local time.
 */
export const calendarDayJoin = (
  ts: string,
  d: string,
  local = `(${ts} AT TIME ZONE k.time_zone)`,
) => `LEFT JOIN calendar_days ${d} ON ${d}.shop_id = k.shop_id AND ${d}.day = ${local}::date`;

/**
 * The inverse of `businessMinutesAt`: the instant at which the business clock reaches
 * `minutes` — the first day on which the cumulative minutes reach the value, then the
 * opening period within it.
 */
export function instantAtBusinessMinutes(minutes: string): string {
  return `(
      SELECT ((d.day + make_interval(mins => (CASE
                 WHEN m.m <= d.e1 - d.s1 THEN d.s1 + m.m
                 WHEN m.m <= (d.e1 - d.s1) + (d.e2 - d.s2) THEN d.s2 + m.m - (d.e1 - d.s1)
                 ELSE d.s3 + m.m - (d.e1 - d.s1) - (d.e2 - d.s2) END)::int))::timestamp) AT TIME ZONE k.time_zone
        FROM calendar_days d
        CROSS JOIN LATERAL (SELECT (${minutes}) - d.cum_before AS m) m
       WHERE d.shop_id = k.shop_id
         AND d.cum_before + (d.e1 - d.s1) + (d.e2 - d.s2) + (d.e3 - d.s3) >= (${minutes})
         AND (d.e1 - d.s1) + (d.e2 - d.s2) + (d.e3 - d.s3) > 0
       ORDER BY d.day LIMIT 1)`;
}

/**
 * The business calendar's days from 2000 to 2040: opening periods in minutes and the
 * cumulative business minutes before each day.
 */
export const REBUILD_CALENDAR_DAYS_SQL = [
  'DELETE FROM calendar_days WHERE shop_id = {shop}',
  `INSERT INTO calendar_days (shop_id, day, s1, e1, s2, e2, s3, e3, cum_before)
   WITH k AS (SELECT * FROM business_calendars WHERE shop_id = {shop}),
   periods AS (
     SELECT array_agg((split_part(h->>'start', ':', 1)::int * 60 + split_part(h->>'start', ':', 2)::int) ORDER BY ord) AS s,
            array_agg((split_part(h->>'end', ':', 1)::int * 60 + split_part(h->>'end', ':', 2)::int) ORDER BY ord) AS e
       FROM k, jsonb_array_elements(k.hours) WITH ORDINALITY AS p(h, ord)),
   days AS (
     SELECT d::date AS day,
            (extract(isodow FROM d)::smallint = ANY(k.working_days) AND NOT d::date = ANY(k.holidays)) AS open
       FROM k, generate_series('2000-01-01'::date, '2040-12-31'::date, interval '1 day') AS d),
   shaped AS (
     SELECT day,
            CASE WHEN open THEN COALESCE(p.s[1], 0) ELSE 0 END AS s1, CASE WHEN open THEN COALESCE(p.e[1], 0) ELSE 0 END AS e1,
            CASE WHEN open THEN COALESCE(p.s[2], 0) ELSE 0 END AS s2, CASE WHEN open THEN COALESCE(p.e[2], 0) ELSE 0 END AS e2,
            CASE WHEN open THEN COALESCE(p.s[3], 0) ELSE 0 END AS s3, CASE WHEN open THEN COALESCE(p.e[3], 0) ELSE 0 END AS e3
       FROM days, periods p)
   SELECT {shop}, day, s1, e1, s2, e2, s3, e3,
          COALESCE(sum((e1 - s1) + (e2 - s2) + (e3 - s3)) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
     FROM shaped`,
];
