/** Named parameters of a statement: `{shop}`, `{tz}`, `{weeks}` and any others it names. */
export interface SqlParams {
  readonly shop: number;
  readonly tz?: string;
  readonly weeks?: readonly string[];
  readonly [name: string]: unknown;
}

/**
 * `{name}` placeholders → `$n`, numbered in order of first use, with the matching values.
 * Only names listed in `params` are replaced, so JSON or regex braces in SQL stay as they are.
 */
export function bindSql(sql: string, params: SqlParams): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, values: order.map((name) => params[name]) };
}
