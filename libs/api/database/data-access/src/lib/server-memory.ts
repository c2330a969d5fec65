import { totalmem } from 'node:os';

/**
 * The embedded server's caches and checkpoint spacing, sized for a batch of a million rows
 * (docs/performance.md, "Ingest"): PostgreSQL's defaults (128 MB of shared buffers, 8 MB for
 * a session's temporary tables, a checkpoint every 1 GB of WAL) made a large batch write its
 * table, indexes and staging table out again and again. Shared buffers an eighth of the
 * machine's memory, between 128 MB and 512 MB; temporary tables (the staging table and the
 * rollups' working tables of an upload) up to half that, taken only by a session that uses
 * them; WAL up to 2 GB between checkpoints.
 */
export function serverMemoryFlags(totalBytes = totalmem()): string[] {
  const mb = Math.round(Math.min(512, Math.max(128, totalBytes / 8 / 1024 ** 2)));
  return [
    '-c',
    `shared_buffers=${mb}MB`,
    '-c',
    `temp_buffers=${Math.round(mb / 2)}MB`,
    '-c',
    'max_wal_size=2GB',
  ];
}
