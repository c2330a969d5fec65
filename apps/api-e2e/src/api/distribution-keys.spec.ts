import { startApiProcess, withClient, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';

/**
 * The schema stays distributable by `shop_id` (docs/scale-out.md, decision 0003). After the
 * API has run every migration, each table in the public schema is one of:
 * - a reference table (a copy on every node), listed by hand below;
 * - a table kept on the coordinator only, listed by hand below;
 * - a distributed table: it has a `shop_id smallint NOT NULL` column, its primary key and
 *   every unique constraint or index include `shop_id`, and each of its foreign keys either
 *   points to a reference table or carries `shop_id` on both sides.
 * Distributed tables that break these rules today are listed with each broken rule in
 * KNOWN_GAPS; docs/scale-out.md names the change each needs. A new table without `shop_id`
 * in its keys fails this test until it is fixed or reviewed into one of the lists.
 */

/** Replicated to every node: small, shared by all shops, joined with shop data. */
const REFERENCE_TABLES: Record<string, string> = {
  // The built-in reason categories: constants, changed only by migration.
  reason_categories: 'built-in taxonomy',
  // Built-in reasons and the shops' own (`own:<shop>:<value>`, with their shop_id): claims
  // rollups join them by code; small, written only when a shop edits its taxonomy.
  reasons: 'taxonomy, joined by code',
  // Read with every session, written at sign-in; notify_subscriptions and alert_rules point
  // to it, and a distributed table may only point to a reference table or a co-located one.
  users: 'accounts, referenced by distributed tables',
};

/** Plain tables on the coordinator: never joined with shop data on the workers. */
const COORDINATOR_TABLES: Record<string, string> = {
  // The migrations run DDL on the coordinator, which propagates it; the bookkeeping stays there.
  typeorm_migrations: 'migration bookkeeping',
  // One global counter the answer cache listens to (LISTEN/NOTIFY is per node).
  data_version: 'answer-cache version',
  // Looked up by the hash of a cookie before the shop is known.
  sessions: 'sign-in path',
  // Looked up by the hash of a bearer token before the shop is known.
  api_tokens: 'sign-in path',
};

/**
 * Shop tables that cannot be distributed by `shop_id` without a schema change, each with
 * the rules it breaks. docs/scale-out.md ("Changes needed before distributing") names the
 * change for each; fixing one means removing it here.
 */
const KNOWN_GAPS: Record<string, string[]> = {
  alert_events: [
    'primary key alert_events_pkey (id) lacks shop_id',
    'unique index alert_events_rule_id_period_key (rule_id, period) lacks shop_id',
    'foreign key alert_events_rule_id_fkey (rule_id) → alert_rules (id) lacks shop_id',
  ],
  alert_rules: [
    'primary key alert_rules_pkey (id) lacks shop_id',
    'unique index alert_rules_unsubscribe_token_key (unsubscribe_token) lacks shop_id',
  ],
  audit_events: ['primary key audit_events_pkey (id) lacks shop_id'],
  ingest_batches: ['primary key ingest_batches_pkey (id) lacks shop_id'],
  notify_deliveries: [
    'primary key notify_deliveries_pkey (id) lacks shop_id',
    'unique index notify_deliveries_slot (subscription_id, slot) lacks shop_id',
    'foreign key notify_deliveries_alert_event_id_fkey (alert_event_id) → alert_events (id) lacks shop_id',
    'foreign key notify_deliveries_alert_rule_id_fkey (alert_rule_id) → alert_rules (id) lacks shop_id',
    'foreign key notify_deliveries_subscription_id_fkey (subscription_id) → notify_subscriptions (id) lacks shop_id',
  ],
  notify_subscriptions: [
    'primary key notify_subscriptions_pkey (id) lacks shop_id',
    'unique index notify_subscriptions_unsubscribe_token_key (unsubscribe_token) lacks shop_id',
  ],
  rejected_rows: [
    'no shop_id smallint NOT NULL column',
    'primary key rejected_rows_pkey (batch_id, row_number) lacks shop_id',
    'foreign key rejected_rows_batch_id_fkey (batch_id) → ingest_batches (id) lacks shop_id',
  ],
};

interface TableRow {
  name: string;
  shopIdOk: boolean;
}
interface IndexRow {
  table: string;
  name: string;
  primary: boolean;
  columns: string[];
}
interface ForeignKeyRow {
  table: string;
  name: string;
  columns: string[];
  target: string;
  targetColumns: string[];
}

const SCHEMA_SQL = {
  // Ordinary and partitioned tables; partitions follow their parent.
  tables: `
    SELECT c.relname AS name,
           EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped
                      AND a.attnotnull AND a.atttypid = 'smallint'::regtype) AS "shopIdOk"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname::text COLLATE "C"`,
  // Primary keys, unique constraints and unique indexes (partial and expression ones too);
  // an expression's column is listed as '(expression)'.
  uniqueIndexes: `
    SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary,
           array(SELECT coalesce(a.attname::text, '(expression)')
                   FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                  ORDER BY k.ord) AS columns
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND x.indisunique AND t.relkind IN ('r', 'p') AND NOT t.relispartition
     ORDER BY t.relname::text COLLATE "C", i.relname::text COLLATE "C"`,
  foreignKeys: `
    SELECT t.relname AS table, c.conname AS name, f.relname AS target,
           array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS columns,
           array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS "targetColumns"
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_class f ON f.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND c.contype = 'f'
     ORDER BY t.relname::text COLLATE "C", c.conname::text COLLATE "C"`,
};

interface Schema {
  tables: TableRow[];
  uniqueIndexes: IndexRow[];
  foreignKeys: ForeignKeyRow[];
}

const list = (columns: string[]) => `(${columns.join(', ')})`;

/** The rules each table that is neither a reference nor a coordinator table breaks. */
function distributionProblems(schema: Schema): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const reference = new Set(Object.keys(REFERENCE_TABLES));
  const coordinator = new Set(Object.keys(COORDINATOR_TABLES));
  for (const table of schema.tables) {
    if (reference.has(table.name) || coordinator.has(table.name)) continue;
    const found: string[] = [];
    if (!table.shopIdOk) found.push('no shop_id smallint NOT NULL column');
    const unique = schema.uniqueIndexes.filter((i) => i.table === table.name);
    if (!unique.some((i) => i.primary)) found.push('no primary key');
    for (const index of unique) {
      if (index.columns.includes('shop_id')) continue;
      const kind = index.primary ? 'primary key' : 'unique index';
      found.push(`${kind} ${index.name} ${list(index.columns)} lacks shop_id`);
    }
    for (const key of schema.foreignKeys.filter((k) => k.table === table.name)) {
      if (reference.has(key.target)) continue;
      const target = `${key.target} ${list(key.targetColumns)}`;
      if (coordinator.has(key.target)) {
        found.push(`foreign key ${key.name} → ${target} points to a coordinator table`);
        continue;
      }
      const at = key.columns.indexOf('shop_id');
      if (at < 0 || key.targetColumns[at] !== 'shop_id')
        found.push(`foreign key ${key.name} ${list(key.columns)} → ${target} lacks shop_id`);
    }
    if (found.length) problems[table.name] = found;
  }
  return problems;
}

describe('every shop table carries the distribution column in its keys', () => {
  let api: ApiProcess;
  let schema: Schema;

  beforeAll(async () => {
    // The API runs every migration at start.
    api = await startApiProcess({
      DATABASE_URL: testDatabaseUrl(),
      DEMO_DATA: 'off',
      PORT: '3977',
    });
    schema = await withClient(testDatabaseUrl(), async (client) => ({
      tables: (await client.query<TableRow>(SCHEMA_SQL.tables)).rows,
      uniqueIndexes: (await client.query<IndexRow>(SCHEMA_SQL.uniqueIndexes)).rows,
      foreignKeys: (await client.query<ForeignKeyRow>(SCHEMA_SQL.foreignKeys)).rows,
    }));
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('finds the schema migrated', () => {
    const names = schema.tables.map((t) => t.name);
    for (const table of ['claims', 'sales', 'feedback', 'products', 'rollup_claims_week'])
      expect(names).toContain(table);
  });

  it('lists only tables that exist, each in one list', () => {
    const names = new Set(schema.tables.map((t) => t.name));
    const listed = [
      ...Object.keys(REFERENCE_TABLES),
      ...Object.keys(COORDINATOR_TABLES),
      ...Object.keys(KNOWN_GAPS),
    ];
    expect(listed.filter((name) => !names.has(name))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('keys every other table by shop_id, but for the known gaps, exactly', () => {
    expect(distributionProblems(schema)).toEqual(KNOWN_GAPS);
  });

  it('has every fact table and rollup among the distributable ones', () => {
    const gaps = new Set(Object.keys(KNOWN_GAPS));
    const distributable = schema.tables
      .map((t) => t.name)
      .filter(
        (name) => !(name in REFERENCE_TABLES) && !(name in COORDINATOR_TABLES) && !gaps.has(name),
      );
    for (const table of ['claims', 'sales', 'feedback', 'products', 'suppliers', 'text_models'])
      expect(distributable).toContain(table);
    const rollups = schema.tables.map((t) => t.name).filter((name) => name.startsWith('rollup_'));
    expect(rollups.length).toBeGreaterThan(20);
    expect(rollups.filter((name) => !distributable.includes(name))).toEqual([]);
  });

  it('keeps the reference and coordinator tables clear of distributed ones', () => {
    // A reference or coordinator table may not point to a distributed table.
    const distributed = new Set(
      schema.tables
        .map((t) => t.name)
        .filter((name) => !(name in REFERENCE_TABLES) && !(name in COORDINATOR_TABLES)),
    );
    const wrong = schema.foreignKeys
      .filter((k) => !distributed.has(k.table) && distributed.has(k.target))
      .map((k) => `${k.table}.${k.name} → ${k.target}`);
    expect(wrong).toEqual([]);
    // A reference table may not point to a coordinator table either.
    const fromReference = schema.foreignKeys
      .filter((k) => k.table in REFERENCE_TABLES && k.target in COORDINATOR_TABLES)
      .map((k) => `${k.table}.${k.name} → ${k.target}`);
    expect(fromReference).toEqual([]);
  });
});
