import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@returnlens/api/shared/util';
import { dataSourceOptions } from './data-source';
import { EmbeddedDatabase } from './embedded-postgres';

export interface OpenDatabase {
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The database for command-line tools: DATABASE_URL; else the embedded server of a running
 * API (found through its pid file); else the embedded server started for the command.
 * Pending migrations are applied.
 */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let embedded: EmbeddedDatabase | undefined;
  if (!url) {
    const pidFile = join(config.dataDir, 'postgres', 'postmaster.pid');
    const running = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n') : [];
    const pid = Number(running[0]);
    let alive = false;
    try {
      alive = pid > 0 && process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) {
      const password = readFileSync(join(config.dataDir, 'postgres-password'), 'utf8').trim();
      url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(running[3])}/returnlens`;
    } else {
      embedded = await EmbeddedDatabase.start({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
      });
      url = embedded.url;
    }
  }
  const dataSource = new DataSource(dataSourceOptions(url, { migrations: false }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
