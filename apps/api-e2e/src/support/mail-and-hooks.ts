import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hash } from '@node-rs/argon2';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { withClient } from '@returnlens/tools/testing';

/** A message the test SMTP server accepted: the envelope and the parsed message. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly mail: ParsedMail;
}

/** Waits until `check` returns something truthy (polling), or fails naming `what`. */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * A real SMTP server in the test process (smtp-server, no TLS, no authentication needed);
 * every message is parsed with mailparser. Recipients at `refuse.test` are refused (550).
 */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (address.address.endsWith('@refuse.test')) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              mail,
            });
            callback();
          },
          (error) => callback(error),
        );
      },
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

export interface HookCall {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly at: number;
}

/** A webhook receiver on node:http: `/fail…` answers 500 "receiver down", anything else 200. */
export class HookReceiver {
  readonly calls: HookCall[] = [];
  private server?: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // not JSON
        }
        this.calls.push({
          path: request.url ?? '',
          headers: request.headers,
          raw,
          body,
          at: Date.now(),
        });
        if ((request.url ?? '').startsWith('/fail')) {
          response.writeHead(500, { 'Content-Type': 'text/plain' }).end('receiver down');
        } else response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): HookCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/** A browser-like client: keeps its cookies and echoes the CSRF token. */
export class Session {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any; text: string; headers: Headers }> {
    const headers: Record<string, string> = {};
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
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  static async signIn(baseUrl: string, email: string, password: string): Promise<Session> {
    const session = new Session(baseUrl);
    const answer = await session.request('POST', '/api/auth/login', { email, password });
    if (answer.status !== 200)
      throw new Error(`sign-in of ${email}: ${answer.status} ${answer.text}`);
    return session;
  }
}

/** Creates a user straight in the database with a known password; returns its id. */
export async function createUser(
  databaseUrl: string,
  user: { email: string; name: string; roles: string[]; password: string },
): Promise<string> {
  const passwordHash = await hash(user.password.normalize('NFC'));
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `INSERT INTO users (email, name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id::text`,
      [user.email, user.name, user.roles, passwordHash],
    );
    return rows[0].id as string;
  });
}
