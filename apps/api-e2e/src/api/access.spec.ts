import {
  runApiCli,
  runApiToExit,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';

/** A browser-like client: keeps the cookies it is given and echoes the CSRF token. */
class Session {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  get csrf(): string | undefined {
    return this.cookies.get('XSRF-TOKEN');
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size)
      headers['Cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.csrf !== false && this.csrf && method !== 'GET')
      headers['X-XSRF-TOKEN'] = this.csrf;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async signIn(email: string, password: string) {
    return this.request('POST', '/api/auth/login', { email, password });
  }
}

/** One request per endpoint family; the roles' expected access is written out by hand. */
const FAMILIES = {
  weekly: ['GET', '/api/analytics/weekly'],
  kpis: ['GET', '/api/analytics/kpis'],
  returnRates: ['GET', '/api/analytics/return-rates'],
  reporting: ['GET', '/api/settings/reporting'],
  pareto: ['GET', '/api/analytics/pareto'],
  mismatches: ['GET', '/api/analytics/reason-mismatches'],
  claimRecords: ['GET', '/api/analytics/records/claims'],
  supplierClaimRecords: ['GET', '/api/analytics/records/supplier-claims'],
  suppliers: ['GET', '/api/analytics/suppliers'],
  products: ['GET', '/api/analytics/products'],
  matrix: ['GET', '/api/analytics/matrix'],
  sla: ['GET', '/api/analytics/sla'],
  slaPolicies: ['GET', '/api/settings/sla-policies'],
  feedback: ['GET', '/api/analytics/feedback'],
  aspects: ['GET', '/api/analytics/aspects'],
  feedbackRecords: ['GET', '/api/analytics/records/feedback'],
  textModels: ['GET', '/api/text-models'],
  definitions: ['GET', '/api/analytics/definitions'],
  batches: ['GET', '/api/batches'],
  presets: ['GET', '/api/mapping-presets'],
  users: ['GET', '/api/admin/users'],
  tokens: ['GET', '/api/admin/tokens'],
  audit: ['GET', '/api/admin/audit'],
  // Everyone signed in has their own subscriptions and delivery history; a token only with `admin`.
  subscriptions: ['GET', '/api/subscriptions'],
  deliveries: ['GET', '/api/deliveries'],
} as const;
type Family = keyof typeof FAMILIES;
const ALL = Object.keys(FAMILIES) as Family[];

const CAN: Record<string, readonly Family[]> = {
  owner: ALL,
  buyer: [
    'returnRates',
    'reporting',
    'pareto',
    'supplierClaimRecords',
    'suppliers',
    'products',
    'matrix',
    'feedback',
    'aspects',
    'feedbackRecords',
    'textModels',
    'definitions',
    'subscriptions',
    'deliveries',
  ],
  manager: [
    'weekly',
    'kpis',
    'returnRates',
    'reporting',
    'pareto',
    'mismatches',
    'claimRecords',
    'matrix',
    'sla',
    'slaPolicies',
    'feedback',
    'aspects',
    'feedbackRecords',
    'textModels',
    'definitions',
    'subscriptions',
    'deliveries',
  ],
  admin: [
    'slaPolicies',
    'reporting',
    'definitions',
    'presets',
    'users',
    'tokens',
    'audit',
    'subscriptions',
    'deliveries',
  ],
  'token:read': [
    'weekly',
    'kpis',
    'returnRates',
    'reporting',
    'pareto',
    'mismatches',
    'claimRecords',
    'supplierClaimRecords',
    'suppliers',
    'products',
    'matrix',
    'sla',
    'slaPolicies',
    'feedback',
    'aspects',
    'feedbackRecords',
    'textModels',
    'definitions',
  ],
  'token:ingest': ['batches', 'presets', 'definitions'],
  'token:admin': ALL,
};

const NO_LEAK = /at \w+ \(|\.ts:\d+|\.js:\d+|SELECT |INSERT |syntax error|node_modules/;

describe('accounts, roles and tokens', () => {
  let api: ApiProcess;
  const db = () => testDatabaseUrl();
  const sessions: Record<string, Session> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await truncateShopData(db()).catch(() => undefined);
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3931',
      LOGIN_RATE_LIMIT: '40',
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('creates a first admin with a printed one-time password that must be replaced', async () => {
    const password = /One-time password: (\S+)/.exec(api.output())?.[1];
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    const admin = new Session(api.baseUrl);
    const login = await admin.signIn('ADMIN@localhost', password!);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      email: 'admin@localhost',
      roles: ['admin'],
      mustChangePassword: true,
    });
    // The session cookie is HttpOnly and SameSite=Strict; the CSRF cookie is readable.
    const setCookies = login.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('rl_session='))).toMatch(/HttpOnly/);
    expect(setCookies.find((c) => c.startsWith('rl_session='))).toMatch(/SameSite=Strict/);
    expect(setCookies.find((c) => c.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/);

    expect((await admin.request('GET', '/api/admin/users')).body.code).toBe(
      'password_change_required',
    );
    const weak = await admin.request('POST', '/api/auth/password', {
      current: password,
      next: 'short',
    });
    expect(weak).toMatchObject({ status: 400, body: { field: 'next' } });
    const wrong = await admin.request('POST', '/api/auth/password', {
      current: 'nope',
      next: 'a sturdy pass phrase 42',
    });
    expect(wrong).toMatchObject({ status: 400, body: { field: 'current' } });
    const noCsrf = await admin.request(
      'POST',
      '/api/auth/password',
      { current: password, next: 'a sturdy pass phrase 42' },
      { csrf: false },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.message).toContain('CSRF');
    expect(
      (
        await admin.request('POST', '/api/auth/password', {
          current: password,
          next: 'a sturdy pass phrase 42',
        })
      ).status,
    ).toBe(204);
    expect((await admin.request('GET', '/api/admin/users')).status).toBe(200);
    // The one-time password is spent.
    expect((await new Session(api.baseUrl).signIn('admin@localhost', password!)).status).toBe(401);
    sessions['admin'] = admin;
  });

  it('lets the owner create users for each role, who then sign in', async () => {
    // An admin gives no data access it does not hold (hardening-access.spec.ts): the first
    // owner is made on the server, as the operator makes admins.
    const made = await runApiCli({ DATABASE_URL: db() }, [
      'users',
      'create',
      '--email',
      'owner@shop.test',
      '--name',
      'The owner',
      '--roles',
      'owner',
    ]);
    expect(made.code).toBe(0);
    const ownerPassword = /\n {2}(\w{4}-\w{4}-\w{4}-\w{4})\n/.exec(made.output)?.[1];
    const owner = new Session(api.baseUrl);
    expect((await owner.signIn('owner@shop.test', ownerPassword!)).status).toBe(200);
    expect(
      (
        await owner.request('POST', '/api/auth/password', {
          current: ownerPassword,
          next: 'correct horse battery 5',
        })
      ).status,
    ).toBe(204);
    sessions['owner'] = owner;
    for (const role of ['buyer', 'manager']) {
      const created = await owner.request('POST', '/api/admin/users', {
        email: `${role}@shop.test`,
        name: `The ${role}`,
        roles: [role],
      });
      expect(created.status).toBe(201);
      const session = new Session(api.baseUrl);
      expect((await session.signIn(`${role}@shop.test`, created.body.oneTimePassword)).status).toBe(
        200,
      );
      expect(
        (
          await session.request('POST', '/api/auth/password', {
            current: created.body.oneTimePassword,
            next: `correct horse battery ${role.length}`,
          })
        ).status,
      ).toBe(204);
      sessions[role] = session;
    }
    const duplicate = await owner.request('POST', '/api/admin/users', {
      email: 'OWNER@shop.test',
      roles: ['buyer'],
    });
    expect(duplicate).toMatchObject({
      status: 400,
      body: { message: 'A user owner@shop.test already exists.' },
    });
    const badRole = await owner.request('POST', '/api/admin/users', {
      email: 'x@shop.test',
      roles: ['root'],
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.message).toContain('Unknown role root');
    for (const scope of ['read', 'ingest', 'admin']) {
      const created = await owner.request('POST', '/api/admin/tokens', {
        name: `${scope} robot`,
        scopes: [scope],
      });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^rl_/);
      tokens[`token:${scope}`] = created.body.token;
    }
    // Only the hash is stored.
    const stored = await withClient(db(), (c) => c.query('SELECT token_hash FROM api_tokens'));
    expect(JSON.stringify(stored.rows)).not.toContain(tokens['token:read']);
    const hashes = await withClient(db(), (c) => c.query('SELECT password_hash FROM users'));
    expect(hashes.rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });

  it.each(Object.keys(CAN))('gives %s exactly its endpoint families', async (who) => {
    const call = (method: string, path: string) =>
      who.startsWith('token:')
        ? fetch(`${api.baseUrl}${path}`, {
            method,
            headers: { Authorization: `Bearer ${tokens[who]}` },
          }).then(async (r) => ({
            status: r.status,
            body: await r.json(),
          }))
        : sessions[who].request(method, path);
    const seen: Record<string, number> = {};
    for (const family of ALL) {
      const [method, path] = FAMILIES[family];
      const response = await call(method, path);
      seen[family] = response.status;
      if (response.status === 403) expect(response.body.message).toMatch(/does not give access to/);
      expect(JSON.stringify(response.body)).not.toMatch(NO_LEAK);
    }
    const expected = Object.fromEntries(ALL.map((f) => [f, CAN[who].includes(f) ? 200 : 403]));
    expect(seen).toEqual(expected);
  });

  it('answers 401 to anonymous callers and to unknown or revoked tokens, on every family', async () => {
    for (const family of ALL) {
      const [method, path] = FAMILIES[family];
      expect((await fetch(`${api.baseUrl}${path}`, { method })).status).toBe(401);
      const bogus = await fetch(`${api.baseUrl}${path}`, {
        method,
        headers: { Authorization: 'Bearer rl_bogus' },
      });
      expect(bogus.status).toBe(401);
    }
    const admin = sessions['admin'];
    const list = (await admin.request('GET', '/api/admin/tokens')).body as {
      id: string;
      name: string;
    }[];
    const read = list.find((t) => t.name === 'read robot')!;
    expect((await admin.request('DELETE', `/api/admin/tokens/${read.id}`)).status).toBe(204);
    const revoked = await fetch(`${api.baseUrl}/api/analytics/pareto`, {
      headers: { Authorization: `Bearer ${tokens['token:read']}` },
    });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).message).toContain('unknown or revoked');
  });

  it('refuses cookie-borne changes without the CSRF token, but not token-borne ones', async () => {
    const owner = sessions['owner'];
    const put = (session: Session, csrf: boolean) =>
      session.request(
        'PUT',
        '/api/mapping-presets/helpdesk',
        { kind: 'claims', mapping: { columns: { external_id: 'N' } } },
        { csrf },
      );
    expect((await put(owner, false)).status).toBe(403);
    expect((await put(owner, true)).status).toBe(200);
    const withToken = await fetch(`${api.baseUrl}/api/mapping-presets/robot`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${tokens['token:ingest']}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ kind: 'claims', mapping: { columns: { external_id: 'N' } } }),
    });
    expect(withToken.status).toBe(200);
  });

  it('disabling a user ends their sessions at once', async () => {
    const admin = sessions['admin'];
    const users = (await admin.request('GET', '/api/admin/users')).body as {
      id: string;
      email: string;
    }[];
    const buyer = users.find((u) => u.email === 'buyer@shop.test')!;
    expect((await sessions['buyer'].request('GET', '/api/analytics/suppliers')).status).toBe(200);
    const disabled = await admin.request('PATCH', `/api/admin/users/${buyer.id}`, {
      disabled: true,
    });
    expect(disabled).toMatchObject({
      status: 200,
      body: { email: 'buyer@shop.test', disabledAt: expect.any(String) },
    });
    expect((await sessions['buyer'].request('GET', '/api/analytics/suppliers')).status).toBe(401);
    expect(
      (await new Session(api.baseUrl).signIn('buyer@shop.test', 'correct horse battery 5')).status,
    ).toBe(401);
    const self = users.find((u) => u.email === 'admin@localhost')!;
    expect(
      (await admin.request('PATCH', `/api/admin/users/${self.id}`, { disabled: true })).status,
    ).toBe(400);
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const manager = sessions['manager'];
    expect((await manager.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await manager.request('GET', '/api/analytics/sla')).status).toBe(401);
  });

  it('records settings and mapping preset changes in the audit log: who, what, before and after', async () => {
    const admin = sessions['admin'];
    const before = (await admin.request('GET', '/api/settings/reporting')).body;
    const refused = await admin.request('PUT', '/api/settings/reporting', {
      returnWindowDays: 0,
      targets: { ...before.targets, satisfaction: 2 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'returnWindowDays', message: 'returnWindowDays is 1 to 365' },
      { field: 'targets.satisfaction', message: 'satisfaction is a share from 0 to 1' },
    ]);
    const stored = await admin.request('PUT', '/api/settings/reporting', {
      ...before,
      returnWindowDays: before.returnWindowDays + 5,
    });
    expect(stored.status).toBe(200);
    const preset = await admin.request('PUT', '/api/mapping-presets/complaint-portal', {
      kind: 'claims',
      mapping: { columns: { external_id: 'Ticket' }, defaults: { type: 'return' } },
    });
    expect(preset.status).toBe(200);
    const changed = await admin.request('PUT', '/api/mapping-presets/complaint-portal', {
      kind: 'claims',
      mapping: { columns: { external_id: 'Ticket' }, defaults: { type: 'complaint' } },
    });
    expect(changed.status).toBe(200);
    const audit = (await admin.request('GET', '/api/admin/audit?limit=5')).body as {
      action: string;
      actor: string;
      target: string;
      detail: Record<string, string> | null;
    }[];
    expect(audit.slice(0, 3)).toEqual([
      expect.objectContaining({
        actor: 'user:admin@localhost',
        action: 'mapping_preset_changed',
        target: 'complaint-portal',
        detail: { 'mapping.defaults.type': 'return → complaint' },
      }),
      expect.objectContaining({
        actor: 'user:admin@localhost',
        action: 'mapping_preset_created',
        target: 'complaint-portal',
        detail: { kind: 'claims' },
      }),
      expect.objectContaining({
        actor: 'user:admin@localhost',
        action: 'settings_changed',
        target: 'Reporting',
        detail: {
          returnWindowDays: `${before.returnWindowDays} → ${before.returnWindowDays + 5}`,
        },
      }),
    ]);
    // The refused change left no trace as a change.
    expect(audit.filter((e) => e.action === 'settings_changed')).toHaveLength(1);
  });

  it('records sign-ins, failures and account changes in the audit log, without secrets', async () => {
    const audit = (await sessions['admin'].request('GET', '/api/admin/audit?limit=500')).body as {
      action: string;
      actor: string;
    }[];
    const actions = new Set(audit.map((e) => e.action));
    for (const action of [
      'login',
      'login_failed',
      'password_changed',
      'user_created',
      'token_created',
      'token_revoked',
      'user_changed',
      'logout',
    ])
      expect(actions).toContain(action);
    expect(JSON.stringify(audit)).not.toMatch(/horse battery|sturdy pass|rl_[A-Za-z0-9_-]{20}/);
  });

  it('sends security headers and hides the framework', async () => {
    const response = await fetch(`${api.baseUrl}/weekly`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('limits sign-in attempts per address with a 429 that says when to retry', async () => {
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++)
      last = (await new Session(api.baseUrl).signIn('nobody@shop.test', 'wrong password')).status;
    expect(last).toBe(429);
    const limited = await new Session(api.baseUrl).signIn(
      'owner@shop.test',
      'correct horse battery 5',
    );
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/Too many requests: wait \d+ s/);
  });
});

describe('listening beyond loopback', () => {
  const db = () => testDatabaseUrl();
  const wide = () => ({ DATABASE_URL: db(), HOST: '0.0.0.0', PORT: '3932', DEMO_DATA: 'off' });

  it('is refused while no admin exists, allowed once one does, refused again while demo logins exist', async () => {
    await withClient(db(), (c) => c.query('TRUNCATE users, sessions CASCADE'));
    const refused = await runApiToExit(wide());
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('refusing to listen on 0.0.0.0 while no admin account exists');
    expect(refused.output).toContain('npm run users -- create');
    // No unclaimed admin was made behind the operator's back.
    const users = await withClient(db(), (c) => c.query('SELECT count(*)::int AS n FROM users'));
    expect(users.rows[0].n).toBe(0);

    const created = await runApiCli({ DATABASE_URL: db() }, [
      'users',
      'create',
      '--email',
      'Boss@Shop.test',
      '--roles',
      'admin',
    ]);
    expect(created.code).toBe(0);
    expect(created.output).toMatch(/boss@shop\.test \(admin\)/);
    expect(created.output).toMatch(/\n {2}\w{4}-\w{4}-\w{4}-\w{4}\n/);
    const api = await startApiProcess(wide());
    try {
      expect((await fetch('http://127.0.0.1:3932/api/health')).status).toBe(200);
    } finally {
      await api.stop();
    }

    await withClient(db(), (c) =>
      c.query(
        `INSERT INTO users (email, name, roles, password_hash, is_demo) VALUES ('owner@demo.returnlens', 'Demo', ARRAY['owner'], 'x', true)`,
      ),
    );
    const demo = await runApiToExit(wide());
    expect(demo.code).toBe(1);
    expect(demo.output).toContain('while the demo logins (password "demo") exist');
    const removed = await runApiCli({ DATABASE_URL: db() }, ['users', 'remove-demo']);
    expect(removed.output).toContain('1 demo login(s) removed.');
  });
});
