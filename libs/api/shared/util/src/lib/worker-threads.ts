import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread's bundle beside the API's own (`dist/apps/api/<file>`), or null where the
 * code runs from its TypeScript sources (unit tests): the caller then works in its own thread.
 */
export function bundledWorkerScript(file: string): string | null {
  const script = join(dirname(process.argv[1] ?? '.'), file);
  return existsSync(script) ? script : null;
}

/**
 * The API's worker threads' heap: a small young generation (8 MB), so the garbage of each
 * chunk of work is collected early. The old generation has the API's own budget:
 * `--max-old-space-size` (docs/decisions/0012) takes precedence over a worker's limit.
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };
