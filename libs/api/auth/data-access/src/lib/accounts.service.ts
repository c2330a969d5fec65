import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  permissionsOf,
  ROLES,
  type CurrentUser,
  type DemoLogin,
  type Role,
  type TokenScope,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { DEFAULT_SHOP_ID, rememberShopLanguage } from '@returnlens/api/shared/util';
import { hashToken, newToken, TOKEN_SQL, type ApiTokenRow } from './api-tokens';
import { decoyHash, hashPassword, oneTimePassword, verifyPassword } from './passwords';
import type { Principal } from './principal';

/** Sessions last a working day: sign in again after 12 hours. */
export const SESSION_HOURS = 12;
/** A resolved session or token is trusted this long before the database is asked again. */
const CACHE_MS = 10_000;

export const DEMO_PASSWORD = 'demo';
export const DEMO_ACCOUNTS: readonly { email: string; name: string; roles: Role[] }[] = [
  { email: 'owner@demo.returnlens', name: 'Demo owner', roles: ['owner'] },
  { email: 'buyer@demo.returnlens', name: 'Demo buyer', roles: ['buyer'] },
  { email: 'manager@demo.returnlens', name: 'Demo service manager', roles: ['manager'] },
  { email: 'admin@demo.returnlens', name: 'Demo admin', roles: ['admin'] },
];

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: Role[];
  readonly mustChangePassword: boolean;
  readonly demo: boolean;
  readonly language: UiLanguage | null;
  readonly createdAt: Date;
  readonly lastLoginAt: Date | null;
  readonly disabledAt: Date | null;
}

const USER_COLUMNS = `id::text, email, name, roles, must_change_password AS "mustChangePassword",
  is_demo AS demo, language, created_at AS "createdAt", last_login_at AS "lastLoginAt", disabled_at AS "disabledAt"`;

/** One entry of the audit log. */
export interface AuditEventRow {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
  readonly detail: Record<string, unknown> | null;
}

export class AccountError extends Error {}

const SHOP_LANGUAGE_REFRESH_MS = 30_000;

export function normaliseEmail(email: unknown): string {
  const value = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!/^[^\s@]{1,64}@[^\s@]{1,189}$/.test(value))
    throw new AccountError('An e-mail address looks like name@example.com.');
  return value;
}

export function validRoles(roles: unknown): Role[] {
  const list = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(',') : [];
  const clean = [...new Set(list.map((r) => String(r).trim()).filter(Boolean))];
  const unknown = clean.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!clean.length || unknown.length)
    throw new AccountError(
      `${unknown.length ? `Unknown role ${unknown.join(', ')}. ` : ''}Roles are ${ROLES.join(', ')}.`,
    );
  return clean as Role[];
}

/**
 * Users, sessions, tokens and the audit log; one place for their SQL. (TypeORM answers a bare
 * UPDATE or DELETE with `[rows, count]`: writes whose rows are read go through a CTE.)
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');
  /** Counts `forget()` calls: a lookup begun before one is not kept (it may predate the change). */
  private generation = 0;
  /** When the shop's default language was last read (0: never). */
  private shopLanguageReadAt = 0;
  /**
   * Who a session or token is, for 10 s: concurrent requests with the same credential share
   * one lookup; every account or token change forgets them all, lookups under way included.
   */
  private readonly principals = new LRUCache<
    string,
    { principal: Principal | null },
    () => Promise<Principal | null>
  >({
    max: 10_000,
    ttl: CACHE_MS,
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context }) => {
      const generation = this.generation;
      const principal = await context();
      // Undefined is not stored: the caller asks again, after the change.
      return generation === this.generation ? { principal } : undefined;
    },
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Forgets every cached session and token (after any account or token change). */
  forget(): void {
    this.generation++;
    this.principals.clear();
  }

  async audit(
    actor: string,
    action: string,
    target: string | null,
    ip: string | undefined,
    detail?: Record<string, unknown>,
  ): Promise<void> {
    await this.db.query(
      'INSERT INTO audit_events (shop_id, actor, action, target, ip, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [DEFAULT_SHOP_ID, actor, action, target, ip ?? null, detail ? JSON.stringify(detail) : null],
    );
  }

  async auditLog(limit: number): Promise<AuditEventRow[]> {
    return this.db.query(
      `SELECT id::text, at, actor, action, target, ip, detail FROM audit_events
        WHERE shop_id = $1 ORDER BY audit_events.at DESC, audit_events.id DESC LIMIT $2`,
      [DEFAULT_SHOP_ID, limit],
    );
  }

  // ---- users

  async listUsers(): Promise<UserRow[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE shop_id = $1 ORDER BY users.id`, [
      DEFAULT_SHOP_ID,
    ]);
  }

  async getUser(id: string): Promise<UserRow | undefined> {
    const [user] = await this.db.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users WHERE shop_id = $1 AND id = $2`,
      [DEFAULT_SHOP_ID, id],
    );
    return user;
  }

  /** Creates a user with a one-time password (returned once; changed at first sign-in). */
  async createUser(input: {
    email: string;
    name?: string;
    roles: Role[];
    password?: string;
    demo?: boolean;
  }): Promise<{ user: UserRow; password: string }> {
    const email = normaliseEmail(input.email);
    const password = input.password ?? oneTimePassword();
    const [user] = await this.db.query<UserRow[]>(
      `INSERT INTO users (shop_id, email, name, roles, password_hash, must_change_password, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (shop_id, email) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [
        DEFAULT_SHOP_ID,
        email,
        (input.name ?? email.split('@')[0]).slice(0, 200),
        input.roles,
        await hashPassword(password),
        input.password === undefined,
        input.demo ?? false,
      ],
    );
    if (!user) throw new AccountError(`A user ${email} already exists.`);
    this.forget();
    return { user, password };
  }

  /**
   * Changes a user. With `within`, only a user whose roles all lie within it is changed (the
   * caller may manage them: grants.ts), checked in the same statement as the change.
   */
  async updateUser(
    id: string,
    change: { roles?: Role[]; disabled?: boolean; name?: string },
    within?: readonly Role[],
  ): Promise<UserRow | undefined> {
    const [user] = await this.db.query<UserRow[]>(
      `WITH changed AS (
       UPDATE users SET roles = coalesce($3, roles), name = coalesce($4, name),
              disabled_at = CASE WHEN $5::boolean IS NULL THEN disabled_at
                                 WHEN $5 THEN coalesce(disabled_at, now()) ELSE NULL END
        WHERE shop_id = $1 AND id = $2 AND ($6::text[] IS NULL OR roles <@ $6::text[])
        RETURNING ${USER_COLUMNS}) SELECT * FROM changed`,
      [
        DEFAULT_SHOP_ID,
        id,
        change.roles ?? null,
        change.name ?? null,
        change.disabled ?? null,
        within ?? null,
      ],
    );
    if (user && change.disabled)
      await this.db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    this.forget();
    return user;
  }

  /**
   * A new one-time password; every session of the user ends. With `within`, only a user whose
   * roles all lie within it is reset (checked in the same statement).
   */
  async resetPassword(id: string, within?: readonly Role[]): Promise<string | undefined> {
    const password = oneTimePassword();
    const rows = await this.db.query(
      `WITH reset AS (
         UPDATE users SET password_hash = $3, must_change_password = true
          WHERE shop_id = $1 AND id = $2 AND ($4::text[] IS NULL OR roles <@ $4::text[])
          RETURNING id)
       SELECT id FROM reset`,
      [DEFAULT_SHOP_ID, id, await hashPassword(password), within ?? null],
    );
    if (!rows.length) return undefined;
    await this.db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    this.forget();
    return password;
  }

  /**
   * Replaces the user's password when `current` is right. Every other session of the user ends
   * in the same statement (one opened with a leaked or one-time password included); the
   * session that made the change (`keepSessionHash`) stays signed in. Resolves with the number
   * of sessions ended, or null when the current password is wrong.
   */
  async changePassword(
    userId: string,
    current: string,
    next: string,
    keepSessionHash?: string,
  ): Promise<number | null> {
    const [row] = await this.db.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM users WHERE id = $1 AND disabled_at IS NULL',
      [userId],
    );
    if (!row || !(await verifyPassword(row.password_hash, current))) return null;
    const [{ ended }] = await this.db.query<{ ended: number }[]>(
      `WITH changed AS (
         UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1 RETURNING id),
       ended AS (
         DELETE FROM sessions s USING changed
          WHERE s.user_id = changed.id AND s.id_hash IS DISTINCT FROM $3 RETURNING s.id_hash)
       SELECT count(*)::int AS ended FROM ended`,
      [userId, await hashPassword(next), keepSessionHash ?? null],
    );
    this.forget();
    return ended;
  }

  /** True when an enabled admin (or owner) that is not a demo login exists. */
  async hasRealAdmin(): Promise<boolean> {
    const [row] = await this.db.query<{ has: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM users WHERE disabled_at IS NULL AND NOT is_demo
                         AND roles && ARRAY['admin', 'owner']::text[]) AS has`,
    );
    return row.has;
  }

  async demoLoginsEnabled(): Promise<boolean> {
    const [row] = await this.db.query<{ has: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM users WHERE is_demo AND disabled_at IS NULL) AS has',
    );
    return row.has;
  }

  async demoLogins(): Promise<DemoLogin[]> {
    const rows = await this.db.query<{ email: string; name: string; roles: Role[] }[]>(
      'SELECT email, name, roles FROM users WHERE is_demo AND disabled_at IS NULL ORDER BY id',
    );
    return rows.map((r) => ({ ...r, password: DEMO_PASSWORD }));
  }

  async removeDemoLogins(): Promise<number> {
    const rows = await this.db.query(
      'WITH removed AS (DELETE FROM users WHERE is_demo RETURNING id) SELECT id FROM removed',
    );
    this.forget();
    return rows.length;
  }

  /**
   * On first start (no user at all): the demo logins when the demo data was loaded, else an
   * admin with a one-time password, which the caller prints.
   */
  async ensureFirstAccounts(
    demo: boolean,
    createAdmin = true,
  ): Promise<{ demo: boolean; admin?: { email: string; password: string } }> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('returnlens:first-accounts'))`);
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM users');
      if (n > 0) return { demo: false };
      if (demo) {
        const hash = await hashPassword(DEMO_PASSWORD);
        for (const account of DEMO_ACCOUNTS) {
          await manager.query(
            `INSERT INTO users (shop_id, email, name, roles, password_hash, is_demo) VALUES ($1, $2, $3, $4, $5, true)`,
            [DEFAULT_SHOP_ID, account.email, account.name, account.roles, hash],
          );
        }
        return { demo: true };
      }
      if (!createAdmin) return { demo: false };
      const password = oneTimePassword();
      await manager.query(
        `INSERT INTO users (shop_id, email, name, roles, password_hash, must_change_password)
         VALUES ($1, 'admin@localhost', 'Administrator', ARRAY['admin'], $2, true)`,
        [DEFAULT_SHOP_ID, await hashPassword(password)],
      );
      return { demo: false, admin: { email: 'admin@localhost', password } };
    });
  }

  // ---- sign-in and sessions

  /** Checks the password; on success opens a session and returns its secrets. */
  async signIn(
    emailInput: string,
    password: string,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ sessionId: string; csrf: string; user: CurrentUser } | null> {
    let email: string;
    try {
      email = normaliseEmail(emailInput);
    } catch {
      await verifyPassword(await decoyHash(), String(password));
      return null;
    }
    const [row] = await this.db.query<(UserRow & { passwordHash: string })[]>(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users
        WHERE shop_id = $1 AND email = $2 AND disabled_at IS NULL`,
      [DEFAULT_SHOP_ID, email],
    );
    const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash()), String(password));
    if (!row || !ok) return null;
    const sessionId = newToken('');
    const csrf = newToken('');
    await this.db.query(
      `INSERT INTO sessions (id_hash, user_id, csrf_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
      [
        hashToken(sessionId),
        row.id,
        hashToken(csrf),
        SESSION_HOURS,
        meta.ip ?? null,
        meta.userAgent?.slice(0, 300) ?? null,
      ],
    );
    await this.db.query(`UPDATE users SET last_login_at = now() WHERE id = $1;`, [row.id]);
    // Expired sessions are swept at sign-in; no timer needed.
    await this.db.query('DELETE FROM sessions WHERE expires_at < now()');
    return { sessionId, csrf, user: currentUser(row) };
  }

  async signOut(sessionHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [sessionHash]);
    this.principals.delete(`s:${sessionHash}`);
  }

  /** The person behind a session cookie, or null. */
  async sessionPrincipal(sessionId: string): Promise<Principal | null> {
    const key = hashToken(sessionId);
    return this.cached(`s:${key}`, async () => {
      const [row] = await this.db.query<(UserRow & { shopId: number; csrfHash: string })[]>(
        `SELECT u.id::text, u.shop_id AS "shopId", u.email, u.name, u.roles,
                u.must_change_password AS "mustChangePassword", u.is_demo AS demo, u.language,
                s.csrf_hash AS "csrfHash"
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
        [key],
      );
      if (!row) return null;
      return {
        kind: 'session',
        id: row.id,
        shopId: row.shopId,
        name: row.email,
        displayName: row.name,
        roles: row.roles,
        scopes: [],
        permissions: permissionsOf({ roles: row.roles }),
        mustChangePassword: row.mustChangePassword,
        demo: row.demo,
        language: row.language,
        csrfHash: row.csrfHash,
        sessionHash: key,
      };
    });
  }

  /** The machine behind an API token, or null. */
  async tokenPrincipal(token: string): Promise<Principal | null> {
    const key = hashToken(token);
    return this.cached(`t:${key}`, async () => {
      const [row] = await this.db.query<
        { id: string; shopId: number; name: string; scopes: TokenScope[] }[]
      >(TOKEN_SQL.use, [key]);
      if (!row) return null;
      return {
        kind: 'token',
        id: row.id,
        shopId: row.shopId,
        name: row.name,
        displayName: `API token "${row.name}"`,
        roles: [],
        scopes: row.scopes,
        permissions: permissionsOf({ scopes: row.scopes }),
        mustChangePassword: false,
        demo: false,
        language: null,
      };
    });
  }

  private async cached(
    key: string,
    load: () => Promise<Principal | null>,
  ): Promise<Principal | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const entry = await this.principals.fetch(key, { context: load });
      if (entry) return entry.principal;
    }
    return load(); // accounts keep changing: ask the database without the cache
  }

  // ---- interface language

  /** The interface language a user chose (null: theirs follows the browser, else the shop). */
  async setLanguage(userId: string, language: UiLanguage | null): Promise<void> {
    await this.db.query('UPDATE users SET language = $2 WHERE id = $1 AND shop_id = $3', [
      userId,
      language,
      DEFAULT_SHOP_ID,
    ]);
    this.forget();
  }

  /** The shop's default interface language (`en` until an admin chose another). */
  async shopLanguage(): Promise<UiLanguage> {
    const [row] = await this.db.query<{ language: UiLanguage }[]>(
      'SELECT default_language AS language FROM shop_settings WHERE shop_id = $1',
      [DEFAULT_SHOP_ID],
    );
    const language = row?.language ?? 'en';
    // The copy requests without a language of their own are answered in (errors, definitions).
    rememberShopLanguage(language);
    this.shopLanguageReadAt = Date.now();
    return language;
  }

  /**
   * Re-reads the shop's default at most every 30 s (another API process may have changed it),
   * in the background: the request that triggers it is never slowed down.
   */
  refreshShopLanguage(): void {
    if (Date.now() - this.shopLanguageReadAt < SHOP_LANGUAGE_REFRESH_MS) return;
    this.shopLanguageReadAt = Date.now();
    this.shopLanguage().catch((error: Error) =>
      this.logger.warn(`Could not read the shop's language: ${error.message}`),
    );
  }

  async setShopLanguage(language: UiLanguage): Promise<void> {
    await this.db.query(
      `INSERT INTO shop_settings (shop_id, default_language) VALUES ($1, $2)
       ON CONFLICT (shop_id) DO UPDATE SET default_language = EXCLUDED.default_language, updated_at = now()`,
      [DEFAULT_SHOP_ID, language],
    );
    rememberShopLanguage(language);
  }

  // ---- tokens

  async createToken(name: string, scopes: TokenScope[]): Promise<{ id: string; token: string }> {
    const token = newToken();
    const [row] = await this.db.query<{ id: string }[]>(TOKEN_SQL.insert, [
      DEFAULT_SHOP_ID,
      name,
      hashToken(token),
      scopes,
    ]);
    return { id: row.id, token };
  }

  listTokens(): Promise<ApiTokenRow[]> {
    return this.db.query(TOKEN_SQL.list, [DEFAULT_SHOP_ID]);
  }

  async revokeToken(id: string): Promise<boolean> {
    const rows = await this.db.query(`WITH r AS (${TOKEN_SQL.revoke}) SELECT * FROM r`, [
      DEFAULT_SHOP_ID,
      id,
    ]);
    this.forget();
    return rows.length > 0;
  }
}

export function currentUser(
  row: Pick<
    UserRow,
    'id' | 'email' | 'name' | 'roles' | 'mustChangePassword' | 'demo' | 'language'
  >,
): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    permissions: permissionsOf({ roles: row.roles }),
    mustChangePassword: row.mustChangePassword,
    demo: row.demo,
    language: row.language,
  };
}
