import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const API_MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');

export interface ApiProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
}

export interface SpawnedResult {
  readonly code: number | null;
  readonly output: string;
}

/**
 * The environment of an API process a suite starts. Models learnt from a suite's texts would
 * relabel them in the background, seconds after a batch, under the suite's checks, and answers
 * computed ahead would turn a suite's expected cache misses into hits: both off unless a suite
 * asks (TEXT_ADAPT, ANSWER_WARM).
 */
function suiteEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    TEXT_ADAPT: 'off',
    ANSWER_WARM: 'off',
    ...env,
  };
}

function launch(env: Record<string, string | undefined>, args: string[] = []): ChildProcess {
  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api)`);
  }
  // Started as `npm start` starts it: with its heap budget (docs/decisions/0012).
  return spawn(process.execPath, ['--max-old-space-size=1024', API_MAIN, ...args], {
    cwd: WORKSPACE_ROOT,
    env: suiteEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the built API and resolves once it prints its URL. */
export function startApiProcess(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<ApiProcess> {
  const child = launch(env);
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Returnlens is running: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          baseUrl: match[1].replace(/\/$/, ''),
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with code ${code} before it started:\n${output}`));
    });
  });
}

/** Runs the built API expecting it to exit (e.g. on bad configuration). */
export function runApiToExit(
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<SpawnedResult> {
  const child = launch(env);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

export const API_CLI = join(WORKSPACE_ROOT, 'dist/apps/api/cli.js');

/** Runs the built API's command line (`rollups rebuild`, `token create …`) to completion. */
export function runApiCli(
  env: Record<string, string | undefined>,
  args: string[],
): Promise<SpawnedResult> {
  if (!existsSync(API_CLI)) throw new Error(`${API_CLI} is missing: build the API first`);
  const child = spawn(process.execPath, [API_CLI, ...args], {
    cwd: WORKSPACE_ROOT,
    env: suiteEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

/** After rows were written straight into the tables: every rollup recomputed. */
export async function rebuildRollups(databaseUrl: string, timeZone = 'UTC'): Promise<void> {
  const result = await runApiCli({ DATABASE_URL: databaseUrl, SHOP_TIMEZONE: timeZone }, [
    'rollups',
    'rebuild',
  ]);
  if (result.code !== 0) throw new Error(`rollups rebuild failed:\n${result.output}`);
}
