// `npm start`: builds the API and the dashboard (Nx caches the build after the first run),
// then runs the API in this process — on the embedded PostgreSQL unless DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NG_CLI_ANALYTICS: 'false' };

console.log('Building Returnlens (the first build takes a minute or two; later starts reuse it)…');
const build = spawnSync(
  process.execPath,
  [
    require.resolve('nx/bin/nx.js'),
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'web',
    '--output-style=static',
  ],
  { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] },
);
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}
process.chdir(root);

// `npm start` puts npm and a shell between the terminal and us. If they are killed without
// passing the signal on, we are orphaned: stop gracefully (API, then PostgreSQL) as if we
// had received SIGTERM ourselves.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

await import(pathToFileURL(join(root, 'dist/apps/api/main.js')).href);
