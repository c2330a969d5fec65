import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthReport } from '@returnlens/shared/contracts';
import {
  runApiToExit,
  startApiProcess,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';

/** PostgreSQL server processes whose data folder is inside `dir`. */
function postgresProcessesIn(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /postgres/.test(line) && line.includes(dir));
}

async function countRows(dataDir: string, port: number): Promise<Record<string, number>> {
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/returnlens`;
  return withClient(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of [
      'suppliers',
      'products',
      'sales',
      'claims',
      'feedback',
      'ingest_batches',
    ]) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0].n;
    }
    return counts;
  });
}

describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  const dirs: string[] = [];
  const running: ApiProcess[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'returnlens-e2e-data-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    await Promise.all(running.map((api) => api.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('starts its own server, loads the demo once, keeps the data over a restart and stops cleanly', async () => {
    const dataDir = newDataDir();
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '3904',
      EMBEDDED_PG_PORT: '55391',
      DEMO_DATA: 'on',
    };

    const first = await startApiProcess(env);
    running.push(first);
    expect(first.output()).toMatch(
      /Demo data loaded: 40 suppliers, 1500 products, \d+ order lines, \d+ claims/,
    );
    const health = (await (await fetch(`${first.baseUrl}/api/health`)).json()) as HealthReport;
    expect(health.database.mode).toBe('embedded');
    expect(health.migrations.upToDate).toBe(true);
    const before = await countRows(dataDir, 55391);
    expect(before['suppliers']).toBe(40);
    expect(before['products']).toBe(1500);
    expect(before['sales']).toBeGreaterThan(250_000);
    expect(before['claims']).toBeGreaterThan(20_000);
    expect(before['feedback']).toBeGreaterThan(35_000);
    expect(before['ingest_batches']).toBe(5);

    expect(await first.stop()).toBe(0);
    expect(postgresProcessesIn(dataDir)).toEqual([]);

    const second = await startApiProcess(env);
    running.push(second);
    expect(second.output()).not.toContain('Demo data loaded');
    expect(await countRows(dataDir, 55391)).toEqual(before);
    expect(await second.stop()).toBe(0);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  });

  it('runs two instances side by side with different PORT and DATA_DIR, and refuses a shared DATA_DIR', async () => {
    const dirA = newDataDir();
    const dirB = newDataDir();
    const a = await startApiProcess({
      DATA_DIR: dirA,
      DATABASE_URL: '',
      PORT: '3905',
      DEMO_DATA: 'off',
    });
    running.push(a);
    const b = await startApiProcess({
      DATA_DIR: dirB,
      DATABASE_URL: '',
      PORT: '3906',
      DEMO_DATA: 'off',
    });
    running.push(b);
    for (const api of [a, b]) {
      const response = await fetch(`${api.baseUrl}/api/health`);
      expect(response.status).toBe(200);
    }
    expect(postgresProcessesIn(dirA)).toHaveLength(1);
    expect(postgresProcessesIn(dirB)).toHaveLength(1);

    const clash = await runApiToExit({
      DATA_DIR: dirA,
      DATABASE_URL: '',
      PORT: '3907',
      DEMO_DATA: 'off',
    });
    expect(clash.code).toBe(1);
    expect(clash.output).toContain(`DATA_DIR ${dirA} is in use by another Returnlens API`);
    // The refused instance did not disturb the first one.
    expect((await fetch(`${a.baseUrl}/api/health`)).status).toBe(200);
  });

  it('takes over a data folder whose API was killed, stopping the orphaned server', async () => {
    const dataDir = newDataDir();
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', PORT: '3908', DEMO_DATA: 'off' };
    const killed = await startApiProcess(env);
    killed.child.kill('SIGKILL');
    await new Promise((resolve) => killed.child.once('exit', resolve));
    expect(postgresProcessesIn(dataDir)).toHaveLength(1); // left behind by the kill

    const next = await startApiProcess(env);
    running.push(next);
    expect(next.output()).toContain('left behind by a previous run');
    expect((await fetch(`${next.baseUrl}/api/health`)).status).toBe(200);
    expect(await next.stop()).toBe(0);
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  });
});
