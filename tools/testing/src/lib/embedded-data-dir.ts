import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded PostgreSQL an API runs in its DATA_DIR, as its postmaster.pid describes it. */
export interface EmbeddedServer {
  /** The postmaster's process id. */
  readonly pid: number;
  readonly port: number;
  /** The API's database on it (`returnlens`), as the superuser. */
  readonly url: string;
}

/** The server running in `dataDir` now, or null when no postmaster.pid is there. */
export function embeddedServerIn(dataDir: string): EmbeddedServer | null {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // Lines: pid, data directory, start time, port, … (PostgreSQL's pidfile.h).
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  const port = Number(lines[3]);
  return {
    pid: Number(lines[0]),
    port,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/returnlens`,
  };
}

/** PostgreSQL processes (postmaster and its children) whose command line names `dir`. */
export function postgresProcessesIn(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /postgres/.test(line) && line.includes(dir));
}
