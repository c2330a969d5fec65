import { hash } from '@node-rs/argon2';
import {
  runApiToExit,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * "Hardening, round two": access. One regression test per finding — sessions after a
 * password change (4), nobody grants beyond their own permissions (6), the records routes
 * follow the figures' role rules (9), the API description beyond loopback (10), password
 * guessing with a stolen session (12), no-store on API answers (15).
 */

const PASSWORD = 'a sturdy pass phrase 42';
const USERS = {
  owner: ['owner'],
  admin: ['admin'],
  admin2: ['admin'],
  buyer: ['buyer'],
  manager: ['manager'],
} as const;
type Who = keyof typeof USERS;
const email = (who: string) => `${who}@hardening.test`;

const CLAIMS = `external_id,type,channel,sku,quantity,reason_code,opened_at,status
h1,return,email,P1,1,product_defect,2026-03-03T10:00:00Z,open
h2,return,email,P1,2,wrong_size,2026-03-04T10:00:00Z,resolved
`;
const W10 = 'from=2026-W10&to=2026-W10';

/** A browser-like client: keeps its cookies and echoes the CSRF token. */
class Session {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookies.size)
      headers['Cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = this.cookies.get('XSRF-TOKEN');
    if (csrf && method !== 'GET') headers['X-XSRF-TOKEN'] = csrf;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(';')[0].split('=');
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

  static async signedIn(baseUrl: string, who: string, password = PASSWORD): Promise<Session> {
    const session = new Session(baseUrl);
    const login = await session.request('POST', '/api/auth/login', {
      email: email(who),
      password,
    });
    if (login.status !== 200) throw new Error(`${who} could not sign in: ${login.status}`);
    return session;
  }
}

describe('hardening: access', () => {
  let api: ApiProcess;
  const db = () => testDatabaseUrl();
  const ids: Record<string, string> = {};
  const as: Partial<Record<Who, Session>> = {};

  beforeAll(async () => {
    // Started first: on a fresh test database its migrations make the tables.
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3941',
      LOGIN_RATE_LIMIT: '30',
    });
    await truncateShopData(db());
    const passwordHash = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await withClient(db(), async (c) => {
      for (const [who, roles] of Object.entries(USERS)) {
        const { rows } = await c.query(
          `INSERT INTO users (email, name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id::text`,
          [email(who), who, roles, passwordHash],
        );
        ids[who] = rows[0].id;
      }
    });
    const ingest = await createToken(db(), ['ingest']);
    expect((await upload(api, 'claims', CLAIMS, { token: ingest })).status).toBe(201);
    for (const who of Object.keys(USERS) as Who[])
      as[who] = await Session.signedIn(api.baseUrl, who);
  });

  afterAll(async () => {
    await api?.stop();
  });

  // Finding 4
  it('ends every other session of the user when they change their password; the changing one stays', async () => {
    const laptop = await Session.signedIn(api.baseUrl, 'manager');
    const stolen = await Session.signedIn(api.baseUrl, 'manager');
    expect((await stolen.request('GET', '/api/auth/me')).status).toBe(200);
    const changed = await laptop.request('POST', '/api/auth/password', {
      current: PASSWORD,
      next: 'another sturdy phrase 7',
    });
    expect(changed.status).toBe(204);
    // At once: the principal cache is forgotten too.
    expect((await stolen.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await as.manager!.request('GET', '/api/analytics/sla')).status).toBe(401);
    expect((await laptop.request('GET', '/api/analytics/sla')).status).toBe(200);
    const rows = await withClient(db(), (c) =>
      c.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [ids['manager']]),
    );
    expect(rows.rows[0].n).toBe(1);
    as.manager = laptop;
  });

  // Finding 6
  it('refuses an admin every grant beyond its own permissions, naming what is missing; the owner may', async () => {
    const admin = as.admin!;
    const owner = as.owner!;
    const refused = async (
      response: Promise<{ status: number; body: any }>,
      missing: RegExp,
    ): Promise<void> => {
      const answer = await response;
      expect(answer.status).toBe(403);
      expect(answer.body.message).toMatch(/^Your role \(admin\) cannot /);
      expect(answer.body.message).toMatch(missing);
    };
    const newUser = (who: string, roles: string[]) =>
      admin.request('POST', '/api/admin/users', { email: email(who), roles });

    // Create a user.
    await refused(newUser('new-owner', ['owner']), /needs the permission claims .*ingest/);
    await refused(newUser('new-buyer', ['buyer']), /suppliers \(suppliers and products\)/);
    await refused(newUser('new-mixed', ['admin', 'manager']), /claims .*sla .*feedback/);
    expect((await newUser('new-admin', ['admin'])).status).toBe(201);
    // Mint a token.
    for (const scope of ['admin', 'read', 'ingest'])
      await refused(
        admin.request('POST', '/api/admin/tokens', { name: `by admin ${scope}`, scopes: [scope] }),
        scope === 'ingest' ? /ingest \(uploading data\)/ : /claims/,
      );
    // Change roles: neither promote someone beyond, nor touch someone who holds more.
    await refused(
      admin.request('PATCH', `/api/admin/users/${ids['admin2']}`, { roles: ['owner'] }),
      /give the role owner/,
    );
    await refused(
      admin.request('PATCH', `/api/admin/users/${ids['admin2']}`, { roles: ['admin', 'buyer'] }),
      /suppliers/,
    );
    await refused(
      admin.request('PATCH', `/api/admin/users/${ids['owner']}`, { roles: ['admin'] }),
      /change the roles of owner@hardening\.test/,
    );
    // Reset the password of someone who holds more (the one-time password opens the account).
    await refused(
      admin.request('POST', `/api/admin/users/${ids['owner']}/reset-password`),
      /reset the password of owner@hardening\.test/,
    );
    await refused(
      admin.request('POST', `/api/admin/users/${ids['buyer']}/reset-password`),
      /suppliers/,
    );
    expect(
      (await admin.request('POST', `/api/admin/users/${ids['admin2']}/reset-password`)).status,
    ).toBe(201);
    expect(
      (await admin.request('PATCH', `/api/admin/users/${ids['admin2']}`, { name: 'Second admin' }))
        .status,
    ).toBe(200);

    // Nothing refused was written.
    const state = await withClient(db(), async (c) => ({
      users: (await c.query('SELECT email, roles FROM users ORDER BY email')).rows,
      tokens: (await c.query(`SELECT name FROM api_tokens WHERE name LIKE 'by admin%'`)).rows,
    }));
    expect(state.tokens).toEqual([]);
    expect(state.users.map((u) => u.email)).not.toContain(email('new-owner'));
    expect(state.users.find((u) => u.email === email('owner'))?.roles).toEqual(['owner']);
    expect(state.users.find((u) => u.email === email('admin2'))?.roles).toEqual(['admin']);

    // The owner holds every permission and may do all of it.
    expect(
      (await owner.request('POST', '/api/admin/tokens', { name: 'by owner', scopes: ['admin'] }))
        .status,
    ).toBe(201);
    expect(
      (
        await owner.request('POST', '/api/admin/users', {
          email: email('new-buyer'),
          roles: ['buyer'],
        })
      ).status,
    ).toBe(201);
    expect(
      (await owner.request('PATCH', `/api/admin/users/${ids['admin2']}`, { roles: ['manager'] }))
        .status,
    ).toBe(200);
  });

  // Finding 9
  it('opens each records route exactly to the roles of the figures it drills from', async () => {
    const ROUTES = ['claims', 'supplier-claims', 'feedback'] as const;
    const EXPECTED: Record<string, Record<(typeof ROUTES)[number], number>> = {
      owner: { claims: 200, 'supplier-claims': 200, feedback: 200 },
      buyer: { claims: 403, 'supplier-claims': 200, feedback: 200 },
      manager: { claims: 200, 'supplier-claims': 403, feedback: 200 },
      admin: { claims: 403, 'supplier-claims': 403, feedback: 403 },
    };
    const seen: Record<string, Record<string, number>> = {};
    for (const who of Object.keys(EXPECTED) as Who[]) {
      seen[who] = {};
      for (const route of ROUTES) {
        for (const format of ['', '&format=csv']) {
          const answer = await as[who]!.request(
            'GET',
            `/api/analytics/records/${route}?${W10}${format}`,
          );
          if (format) expect(answer.status).toBe(seen[who][route]);
          else seen[who][route] = answer.status;
        }
      }
    }
    expect(seen).toEqual(EXPECTED);

    // What a buyer reads of a claim: the product and the customer's words, not its handling.
    const page = await as.buyer!.request('GET', `/api/analytics/records/supplier-claims?${W10}`);
    expect(page.body.total).toBe(2);
    expect(Object.keys(page.body.rows[0]).sort()).toEqual(
      [
        'externalId',
        'type',
        'channel',
        'sku',
        'productName',
        'supplierId',
        'reasonCode',
        'reasonSource',
        'inferredReasonCode',
        'inferredConfidence',
        'inferredBy',
        'reasonText',
        'quantity',
        'openedAt',
        'inspectionOutcome',
      ].sort(),
    );
    // Nor may a hidden column order the rows.
    const sorted = await as.buyer!.request(
      'GET',
      `/api/analytics/records/supplier-claims?${W10}&sort=resolvedAt`,
    );
    expect(sorted).toMatchObject({ status: 400, body: { field: 'sort' } });
    const refused = await as.buyer!.request('GET', `/api/analytics/records/claims?${W10}`);
    expect(refused.body.message).toBe(
      'Your role (buyer) does not give access to claims and the weekly report.',
    );
  });

  // Finding 15
  it('marks every API answer no-store, cached and refused ones too, and leaves the dashboard files cacheable', async () => {
    const owner = as.owner!;
    const url = `/api/analytics/pareto?${W10}`;
    const first = await owner.request('GET', url);
    const hit = await owner.request('GET', url);
    expect(hit.headers.get('x-cache')).toBe('hit');
    const answers = {
      computed: first,
      cacheHit: hit,
      csv: await owner.request('GET', `${url}&format=csv`),
      me: await owner.request('GET', '/api/auth/me'),
      users: await owner.request('GET', '/api/admin/users'),
      refused: await as.buyer!.request('GET', `/api/analytics/records/claims?${W10}`),
      anonymous: await new Session(api.baseUrl).request('GET', url),
      login: await new Session(api.baseUrl).request('POST', '/api/auth/login', {
        email: email('buyer'),
        password: PASSWORD,
      }),
    };
    expect(
      Object.fromEntries(
        Object.entries(answers).map(([name, a]) => [name, a.headers.get('cache-control')]),
      ),
    ).toEqual(Object.fromEntries(Object.keys(answers).map((name) => [name, 'no-store'])));
    expect(answers.refused.status).toBe(403);
    expect(answers.anonymous.status).toBe(401);
    // A caller that kept the answer itself still revalidates it.
    const again = await owner.request('GET', url, undefined, {
      'If-None-Match': hit.headers.get('etag') ?? '',
      'Cache-Control': 'max-age=0',
    });
    expect(again.status).toBe(304);
    const page = await fetch(`${api.baseUrl}/weekly`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control') ?? '').not.toContain('no-store');
  });

  // Finding 10
  it('serves the API description only on loopback unless API_DOCS says otherwise, and checks API_DOCS at start-up', async () => {
    expect((await fetch(`${api.baseUrl}/api/docs-json`)).status).toBe(200);
    const bad = await runApiToExit(
      { DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3943', API_DOCS: 'sometimes' },
      20_000,
    );
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('API_DOCS="sometimes": must be auto, on or off');

    const docs = async (env: Record<string, string>) => {
      const wide = await startApiProcess({
        DATABASE_URL: db(),
        DEMO_DATA: 'off',
        PORT: '3942',
        ...env,
      });
      try {
        return {
          json: (await fetch('http://127.0.0.1:3942/api/docs-json')).status,
          page: (await fetch('http://127.0.0.1:3942/api/docs')).status,
        };
      } finally {
        await wide.stop();
      }
    };
    // Beyond loopback (a real admin exists, no demo logins): closed by default.
    expect(await docs({ HOST: '0.0.0.0' })).toEqual({ json: 404, page: 404 });
    expect(await docs({ HOST: '0.0.0.0', API_DOCS: 'on' })).toEqual({ json: 200, page: 200 });
    expect(await docs({ HOST: '127.0.0.1', API_DOCS: 'off' })).toEqual({ json: 404, page: 404 });
  });

  // Finding 12 (last: it spends this address's password-change budget)
  it('limits password-change attempts per user and per address with a 429 that says when to retry', async () => {
    const buyer = as.buyer!;
    let last = { status: 0, body: {} as any, headers: new Headers() };
    for (let i = 0; i < 35 && last.status !== 429; i++)
      last = await buyer.request('POST', '/api/auth/password', {
        current: `wrong guess ${i}`,
        next: 'the guessed new phrase 9',
      });
    expect(last.status).toBe(429);
    expect(last.body.message).toMatch(/^Too many requests: wait \d+ s and try again\.$/);
    // The right password does not get through either while the limit holds, from any session
    // of the user.
    const other = await Session.signedIn(api.baseUrl, 'buyer');
    const right = await other.request('POST', '/api/auth/password', {
      current: PASSWORD,
      next: 'the guessed new phrase 9',
    });
    expect(right.status).toBe(429);
    // Per address too: another user from the same address waits as well.
    const owner = await as.owner!.request('POST', '/api/auth/password', {
      current: 'not it',
      next: 'the guessed new phrase 9',
    });
    expect(owner.status).toBe(429);
  });
});
