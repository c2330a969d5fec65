import type {
  FieldMatch,
  IngestKind,
  IngestMapping,
  MappingSuggestion,
} from '@returnlens/shared/contracts';
import { fieldsOf } from './fields';

/** Confidence from which a match is trusted without the user confirming it. */
export const CONFIDENT = 0.8;

/**
 * Header text reduced to what identifies it: lower case, no accents, words separated by one
 * space ("Data_Zwrotu" → "data zwrotu", "Rücksendegrund" → "rucksendegrund").
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function score(header: string, synonyms: readonly string[], fieldName: string): number {
  const normalised = normaliseHeader(header);
  if (!normalised) return 0;
  const candidates = [normaliseHeader(fieldName), ...synonyms.map(normaliseHeader)];
  if (candidates.includes(normalised)) return 1;
  const words = ` ${normalised} `;
  let best = 0;
  for (const candidate of candidates) {
    if (!words.includes(` ${candidate} `)) continue;
    // A multi-word name inside the header ("Date received (UTC)") is strong evidence;
    // one common word ("Order date" contains "order") is not.
    best = Math.max(best, candidate.includes(' ') ? 0.85 : 0.6);
  }
  return best;
}

/**
 * Suggests a mapping from a file's headers: each field gets the best-scoring column, each
 * column serves one field, exact names first. The batch may run only when every required
 * field is matched with confidence ≥ 0.8 (or has a default).
 */
export function suggestMapping(
  kind: IngestKind,
  headers: readonly string[],
  defaults: Readonly<Record<string, string>> = {},
): MappingSuggestion {
  const fields = fieldsOf(kind);
  const candidates: FieldMatch[] = [];
  for (const field of fields) {
    for (const column of headers) {
      const confidence = score(column, field.synonyms, field.name);
      if (confidence > 0) candidates.push({ field: field.name, column, confidence });
    }
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  const matches: FieldMatch[] = [];
  const usedFields = new Set<string>();
  const usedColumns = new Set<string>();
  for (const candidate of candidates) {
    if (usedFields.has(candidate.field) || usedColumns.has(candidate.column)) continue;
    matches.push(candidate);
    usedFields.add(candidate.field);
    usedColumns.add(candidate.column);
  }
  const order = new Map(fields.map((f, i) => [f.name, i]));
  matches.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
  const missingRequired = fields
    .filter((f) => f.required && !(f.name in defaults))
    .filter((f) => !matches.some((m) => m.field === f.name && m.confidence >= CONFIDENT))
    .map((f) => f.name);
  const mapping: IngestMapping = {
    columns: Object.fromEntries(matches.map((m) => [m.field, m.column])),
    ...(Object.keys(defaults).length ? { defaults } : {}),
  };
  return {
    kind,
    mapping,
    matches,
    missingRequired,
    unusedColumns: headers.filter((h) => !usedColumns.has(h)),
    confident: missingRequired.length === 0,
  };
}
