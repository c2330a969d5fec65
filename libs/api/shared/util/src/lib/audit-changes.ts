/** At most this many changes are written into one audit event (the rest are counted). */
export const AUDIT_CHANGES_KEPT = 12;
const VALUE_CHARS = 80;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

function show(value: unknown): string {
  const text = value === undefined ? '—' : isScalar(value) ? String(value) : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

/** Objects in a list are told apart by their name (SLA policies), else by their position. */
function keyOf(item: unknown, index: number): string {
  return isObject(item) && typeof item['name'] === 'string' ? item['name'] : String(index + 1);
}

function walk(path: string, before: unknown, after: unknown, out: [string, string][]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isScalar)) {
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    const parts = [
      added.length ? `added ${added.map(show).join(', ')}` : '',
      removed.length ? `removed ${removed.map(show).join(', ')}` : '',
    ].filter(Boolean);
    out.push([path, parts.length ? parts.join('; ') : `${show(before)} → ${show(after)}`]);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const old = new Map(before.map((item, i) => [keyOf(item, i), item]));
    const next = new Map(after.map((item, i) => [keyOf(item, i), item]));
    for (const [key, item] of next) {
      const at = `${path}[${key}]`;
      if (old.has(key)) walk(at, old.get(key), item, out);
      else out.push([at, 'added']);
    }
    for (const key of old.keys()) if (!next.has(key)) out.push([`${path}[${key}]`, 'removed']);
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      walk(path ? `${path}.${key}` : key, before[key], after[key], out);
    return;
  }
  out.push([path || 'value', `${show(before)} → ${show(after)}`]);
}

/**
 * What a settings change changed, for the audit log: `{ "returnWindowDays": "30 → 45",
 * "holidays": "added 2026-12-24" }` — one entry per changed value, list items by name or
 * position, at most AUDIT_CHANGES_KEPT (then `more` counts the others). Empty: no change.
 */
export function changesOf(before: unknown, after: unknown): Record<string, string> {
  const out: [string, string][] = [];
  walk('', before, after, out);
  const kept = Object.fromEntries(out.slice(0, AUDIT_CHANGES_KEPT));
  if (out.length > AUDIT_CHANGES_KEPT)
    kept['more'] = `${out.length - AUDIT_CHANGES_KEPT} other changes`;
  return kept;
}
