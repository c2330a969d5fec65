import type { PoolClient } from 'pg';
import {
  CHANNELS,
  REASONS,
  ownReasonCode,
  reasonCategoryOf,
  type ReasonCategoryCode,
} from '@returnlens/shared/contracts';
import { suggestChannelGroup } from '@returnlens/shared/ingest';
import { inferReason } from '@returnlens/shared/text';
import type { CodedWarning } from '@returnlens/api/ingest/util';
import { STAGE_TABLE } from './ingest.tables';

const BUILT_IN_REASONS = REASONS.map((r) => r.code);
const BUILT_IN_CHANNELS: readonly string[] = CHANNELS;

/** What a batch added to the shop's own taxonomy, for its report. */
export interface OwnValuesSeen {
  readonly reasons: readonly { label: string; rows: number; category: string; isNew: boolean }[];
  readonly channels: readonly { label: string; rows: number; group: string; isNew: boolean }[];
}

/**
 * The category a shop's own reason is suggested from its words ("za mały rozmiar" → listing
 * accuracy, through the reason rules of the text analysis), or null when they say nothing.
 */
export function suggestReasonCategory(label: string): ReasonCategoryCode | null {
  const inferred = inferReason(label);
  return inferred.lowConfidence || inferred.code === 'other'
    ? null
    : reasonCategoryOf(inferred.code);
}

/**
 * Inside the batch's transaction, before the merge: every reason and channel of the staged
 * claims that is no built-in value becomes the shop's own (docs/domain.md, "The shop's own
 * taxonomy"). A value the shop used before (in any letter case) keeps its first spelling; a
 * new one is placed by its words, or `other` until the shop decides. The staged rows then
 * carry the own reason's code and the channel's stored spelling.
 */
export async function resolveOwnValues(client: PoolClient, shopId: number): Promise<OwnValuesSeen> {
  const byRows = (a: { rows: number; label: string }, b: { rows: number; label: string }) =>
    b.rows - a.rows || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  const reasons = (await resolveReasons(client, shopId)).sort(byRows);
  const channels = (await resolveChannels(client, shopId)).sort(byRows);
  return { reasons, channels };
}

/** The staged values of `column` that are no built-in one, once per spelling in any case. */
async function stagedOwn(client: PoolClient, column: string, builtIn: readonly string[]) {
  const rows = (
    await client.query<{ value: string; rows: number }>(
      `SELECT ${column} AS value, count(*)::int AS rows FROM ${STAGE_TABLE}
        WHERE ok AND ${column} IS NOT NULL AND ${column} <> ALL($1::text[])
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [builtIn],
    )
  ).rows;
  const byLower = new Map<string, { value: string; rows: number }>();
  for (const row of rows) {
    const seen = byLower.get(row.value.toLowerCase());
    if (seen) seen.rows += row.rows;
    else byLower.set(row.value.toLowerCase(), { ...row });
  }
  return [...byLower.values()];
}

async function resolveReasons(client: PoolClient, shopId: number) {
  const staged = await stagedOwn(client, 'stated_reason_code', BUILT_IN_REASONS);
  if (!staged.length) return [];
  const candidates = staged.map((s) => {
    const suggested = suggestReasonCategory(s.value);
    return {
      code: ownReasonCode(shopId, s.value),
      label: s.value,
      category: suggested ?? 'other',
      source: suggested ? 'suggested' : 'undecided',
    };
  });
  // A value the shop used before, in any case, is no new reason (the unique index on the
  // shop and the lower-case label says so).
  const created = (
    await client.query<{ label: string }>(
      `INSERT INTO reasons (code, category_code, label, description, shop_id, source, updated_at)
       SELECT u.code, u.category, u.label, '', $1, u.source, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(code, category, label, source)
       ON CONFLICT DO NOTHING RETURNING label`,
      [
        shopId,
        candidates.map((r) => r.code),
        candidates.map((r) => r.category),
        candidates.map((r) => r.label),
        candidates.map((r) => r.source),
      ],
    )
  ).rows;
  const placed = (
    await client.query<{ lower: string; label: string; category: string }>(
      `WITH placed AS (
         UPDATE ${STAGE_TABLE} s SET stated_reason_code = r.code
           FROM reasons r
          WHERE s.ok AND s.stated_reason_code <> ALL($2::text[])
            AND r.shop_id = $1 AND lower(r.label) = lower(s.stated_reason_code)
         RETURNING r.label, r.category_code)
       SELECT DISTINCT lower(label) AS lower, label, category_code AS category FROM placed`,
      [shopId, BUILT_IN_REASONS],
    )
  ).rows;
  const isNew = new Set(created.map((c) => c.label.toLowerCase()));
  return placed.map((p) => ({
    label: p.label,
    rows: staged.find((s) => s.value.toLowerCase() === p.lower)?.rows ?? 0,
    category: p.category,
    isNew: isNew.has(p.lower),
  }));
}

async function resolveChannels(client: PoolClient, shopId: number) {
  const staged = await stagedOwn(client, 'channel', BUILT_IN_CHANNELS);
  if (!staged.length) return [];
  const candidates = staged.map((s) => {
    const group = suggestChannelGroup(s.value);
    return { code: s.value, group: group ?? 'other', source: group ? 'suggested' : 'undecided' };
  });
  const created = (
    await client.query<{ code: string }>(
      `INSERT INTO shop_channels (shop_id, code, channel_group, source)
       SELECT $1, u.code, u.grp, u.source FROM unnest($2::text[], $3::text[], $4::text[]) AS u(code, grp, source)
       ON CONFLICT DO NOTHING RETURNING code`,
      [
        shopId,
        candidates.map((r) => r.code),
        candidates.map((r) => r.group),
        candidates.map((r) => r.source),
      ],
    )
  ).rows;
  // Every spelling becomes the one stored first.
  const placed = (
    await client.query<{ code: string; group: string }>(
      `WITH placed AS (
         UPDATE ${STAGE_TABLE} s SET channel = c.code
           FROM shop_channels c
          WHERE s.ok AND s.channel <> ALL($2::text[])
            AND c.shop_id = $1 AND lower(c.code) = lower(s.channel)
         RETURNING c.code, c.channel_group)
       SELECT DISTINCT code, channel_group AS group FROM placed`,
      [shopId, BUILT_IN_CHANNELS],
    )
  ).rows;
  const isNew = new Set(created.map((c) => c.code));
  return placed.map((p) => ({
    label: p.code,
    rows: staged.find((s) => s.value.toLowerCase() === p.code.toLowerCase())?.rows ?? 0,
    group: p.group,
    isNew: isNew.has(p.code),
  }));
}

/**
 * The batch report's words on the own values a batch used, with their codes and values
 * (`note.ownReasons`, `note.ownChannels`) for the reader's language.
 */
export function ownValueWarnings(seen: OwnValuesSeen): CodedWarning[] {
  const out: CodedWarning[] = [];
  const shown = (items: readonly { label: string; rows: number }[]) =>
    items
      .slice(0, 8)
      .map((i) => `"${i.label}" (${i.rows.toLocaleString('en-US')})`)
      .join(', ');
  const more = (items: readonly unknown[]) => Math.max(0, items.length - 8);
  const list = (items: readonly { label: string; rows: number }[]) =>
    shown(items) + (more(items) ? ` and ${more(items)} more` : '');
  const own = (n: number, what: string) =>
    n === 1
      ? `1 ${what} is the shop's own, stored under its own name`
      : `${n.toLocaleString('en-US')} ${what}s are the shop's own, stored under their own names`;
  const newReasons = seen.reasons.filter((r) => r.isNew);
  if (seen.reasons.length) {
    const undecided = newReasons.filter((r) => r.category === 'other').length;
    out.push({
      message:
        `${own(seen.reasons.length, 'reason value')}: ${list(seen.reasons)}.` +
        (newReasons.length
          ? ` New: ${newReasons.length - undecided} placed in a category by their words, ${undecided} in "Other" until decided in Settings → Taxonomy.`
          : ''),
      code: {
        code: 'note.ownReasons',
        params: {
          count: seen.reasons.length,
          values: shown(seen.reasons),
          more: more(seen.reasons),
          newCount: newReasons.length,
          placed: newReasons.length - undecided,
          undecided,
        },
      },
    });
  }
  const newChannels = seen.channels.filter((c) => c.isNew);
  if (seen.channels.length) {
    out.push({
      message:
        `${own(seen.channels.length, 'channel')}: ${list(seen.channels)}.` +
        (newChannels.length
          ? ` New: ${newChannels.length}; Settings → Taxonomy says which built-in channel each belongs with.`
          : ''),
      code: {
        code: 'note.ownChannels',
        params: {
          count: seen.channels.length,
          values: shown(seen.channels),
          more: more(seen.channels),
          newCount: newChannels.length,
        },
      },
    });
  }
  return out;
}
