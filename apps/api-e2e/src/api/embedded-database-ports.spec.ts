import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  embeddedServerIn,
  postgresProcessesIn,
  runApiToExit,
  startApiProcess,
  type ApiProcess,
} from '@returnlens/tools/testing';

/** A TCP listener on a free loopback port: "another program" holding it. */
function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve({ server, port: address.port });
    });
  });
}

/**
 * Several APIs on embedded PostgreSQL servers, started at the same moment: each must come up
 * on a port of its own, or fail saying truly why (a port taken vs. a DATA_DIR in use).
 */
describe('embedded PostgreSQL ports and data folders', () => {
  const dirs: string[] = [];
  const running: ApiProcess[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'returnlens-e2e-ports-'));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    await Promise.all(running.map((api) => api.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('starts three instances with their own DATA_DIR at the same moment, each on its own PostgreSQL port', async () => {
    const instances = [3983, 3984, 3985].map((port) => ({ port, dataDir: newDataDir() }));
    // Fresh folders: each instance picks its port, then runs initdb for seconds, then starts
    // PostgreSQL — so all of them pick the same free port first.
    const started = await Promise.allSettled(
      instances.map(({ port, dataDir }) =>
        startApiProcess({
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          EMBEDDED_PG_PORT: '',
          PORT: String(port),
          DEMO_DATA: 'off',
        }),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    const failures = started.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);

    const ports = instances.map(({ dataDir }) => embeddedServerIn(dataDir)?.port);
    expect(new Set(ports).size).toBe(3);
    for (const api of running) {
      expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    }
    const retried = running.filter((api) =>
      /was taken before PostgreSQL could listen/.test(api.output()),
    );
    console.log(
      `Three instances at once: PostgreSQL ports ${ports.join(', ')}; ${retried.length} took another port after a clash`,
    );
  });

  it('says that a fixed EMBEDDED_PG_PORT is taken by another program, not that DATA_DIR is shared', async () => {
    const { server, port } = await holdPort();
    try {
      const result = await runApiToExit({
        DATA_DIR: newDataDir(),
        DATABASE_URL: '',
        EMBEDDED_PG_PORT: String(port),
        PORT: '3986',
        DEMO_DATA: 'off',
      });
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        `The embedded PostgreSQL could not listen on 127.0.0.1:${port}: another program uses that port.`,
      );
      expect(result.output).toContain('Set EMBEDDED_PG_PORT to a free port');
      expect(result.output).not.toContain('DATA_DIR');
    } finally {
      server.close();
    }
  });

  it('starts two instances on one DATA_DIR at the same moment: one runs, the other says the DATA_DIR is in use', async () => {
    const dataDir = newDataDir();
    const env = (port: number) => ({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      EMBEDDED_PG_PORT: '',
      PORT: String(port),
      DEMO_DATA: 'off',
    });
    const started = await Promise.allSettled([
      startApiProcess(env(3987)),
      startApiProcess(env(3988)),
    ]);
    const winners = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    running.push(...winners);
    const losers = started.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toContain(`DATA_DIR ${dataDir} is in use by another Returnlens API`);
    // The refused instance did not disturb the one that runs.
    expect((await fetch(`${winners[0].baseUrl}/api/health`)).status).toBe(200);
    expect(postgresProcessesIn(dataDir)).toHaveLength(1);
  });
});
