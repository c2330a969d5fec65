import { request } from 'node:http';
import { startApiProcess, truncateShopData, withClient } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { count, createToken } from '../support/ingest-client';

const ROWS = 400_000;

function* csvChunks(): Generator<string> {
  yield 'Ticket,Type,Channel,Date received,Comment\n';
  let chunk = '';
  for (let i = 1; i <= ROWS; i++) {
    chunk += `K-${i},return,email,2026-03-01T10:00:00Z,row ${i} of a batch that will be cut short\n`;
    if (i % 5_000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
}

describe('a process killed in the middle of a large batch', () => {
  it('leaves no row of that batch, marks it failed, and the retried batch lands once', async () => {
    const db = testDatabaseUrl();
    const env = { DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3911' };
    const api = await startApiProcess(env); // applies the migrations
    await truncateShopData(db);
    const token = await createToken(db, ['ingest']);

    // Stream the file; kill the API with SIGKILL once half of it has gone out.
    await new Promise<void>((resolve) => {
      const req = request(`${api.baseUrl}/api/ingest/claims`, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/csv',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': 'big-file',
        },
      });
      req.on('error', () => resolve()); // the connection dies with the server
      req.on('response', () => resolve());
      let sent = 0;
      const chunks = csvChunks();
      const writeMore = () => {
        for (let next = chunks.next(); !next.done; next = chunks.next()) {
          sent++;
          if (sent === 40) {
            setTimeout(() => api.child.kill('SIGKILL'), 300);
            return;
          }
          if (!req.write(next.value)) {
            req.once('drain', writeMore);
            return;
          }
        }
        req.end();
      };
      writeMore();
    });
    await new Promise((resolve) =>
      api.child.exitCode !== null || api.child.signalCode
        ? resolve(null)
        : api.child.once('exit', resolve),
    );

    expect(await count(db, 'claims')).toBe(0);
    const restarted = await startApiProcess(env);
    try {
      await withClient(db, async (client) => {
        const { rows } = await client.query('SELECT status, error FROM ingest_batches');
        expect(rows).toEqual([{ status: 'failed', error: expect.stringContaining('Interrupted') }]);
      });
      expect(await count(db, 'rejected_rows')).toBe(0);

      // The retry with the same key reports the failure instead of loading twice;
      // a new key loads the whole file once.
      let body = '';
      for (const chunk of csvChunks()) body += chunk;
      const retried = await fetch(`${restarted.baseUrl}/api/ingest/claims`, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/csv',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': 'big-file-2',
        },
        body,
      });
      expect(retried.status).toBe(201);
      expect(await retried.json()).toMatchObject({ received: ROWS, inserted: ROWS, rejected: 0 });
      expect(await count(db, 'claims')).toBe(ROWS);
    } finally {
      await restarted.stop();
    }
  });
});
