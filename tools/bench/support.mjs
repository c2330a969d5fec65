// Shared by the benchmarks: start the built API as a child process, read a process's RSS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '../scripts/api-node.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts dist/apps/api/main.js (or `main`) with `env`; resolves with its base URL once it listens. */
export function startApi(env, main = join(root, 'dist/apps/api/main.js')) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...API_NODE_FLAGS, main], {
      cwd: root,
      env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /Returnlens is running: (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, baseUrl: match[1].replace(/\/$/, ''), output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`API exited (${code}):\n${output}`)));
  });
}

/** Stops a started API (SIGTERM) and waits for it to exit. */
export function stopApi(api) {
  return new Promise((resolve) => {
    if (api.child.exitCode !== null) return resolve();
    api.child.removeAllListeners('exit');
    api.child.once('exit', () => resolve());
    api.child.kill('SIGTERM');
  });
}

/** Resident set size of a process in MB (0 once it is gone). */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return 0;
  }
}
