import { serverMemoryFlags } from './server-memory';

describe('serverMemoryFlags', () => {
  const flags = (gib: number) => {
    const values = serverMemoryFlags(gib * 1024 ** 3).filter((_, i) => i % 2 === 1);
    return Object.fromEntries(values.map((v) => v.split('=') as [string, string]));
  };

  it('gives shared buffers an eighth of memory, between 128 MB and 512 MB, temporary tables half that', () => {
    expect(flags(2)).toEqual({
      shared_buffers: '256MB',
      temp_buffers: '128MB',
      max_wal_size: '2GB',
    });
    expect(flags(24)).toEqual({
      shared_buffers: '512MB',
      temp_buffers: '256MB',
      max_wal_size: '2GB',
    });
    expect(flags(0.5)).toEqual({
      shared_buffers: '128MB',
      temp_buffers: '64MB',
      max_wal_size: '2GB',
    });
  });

  it('passes each setting as its own -c flag', () => {
    const list = serverMemoryFlags(4 * 1024 ** 3);
    expect(list.filter((_, i) => i % 2 === 0)).toEqual(['-c', '-c', '-c']);
  });
});
