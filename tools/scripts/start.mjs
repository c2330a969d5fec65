// `npm start`: builds the API and the dashboard (Nx caches the build after the first run),
// then runs the API in this process — on the embedded PostgreSQL unless DATABASE_URL is set.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildOrExit, ROOT as root } from './nx.mjs';

console.log('Building Returnlens (the first build takes a minute or two; later starts reuse it)…');
buildOrExit(['api', 'web']);
process.chdir(root);

// `npm start` puts npm and a shell between the terminal and us. If they are killed without
// passing the signal on, we are orphaned: stop gracefully (API, then PostgreSQL) as if we
// had received SIGTERM ourselves.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

await import(pathToFileURL(join(root, 'dist/apps/api/main.js')).href);
