import { nextRoundBatcher } from './data-version';

describe('nextRoundBatcher', () => {
  it('gives each caller a read that started after it asked, two reads for a burst', async () => {
    let reads = 0;
    const pending: ((value: number) => void)[] = [];
    const read = nextRoundBatcher(
      () =>
        new Promise<number>((resolve) => {
          reads++;
          pending.push(resolve);
        }),
    );
    const first = read();
    // Asked while the first read is under way: they must not get its (older) value.
    const second = read();
    const third = read();
    expect(reads).toBe(1);
    pending[0](1);
    expect(await first).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(reads).toBe(2);
    pending[1](2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Nothing under way: a new caller starts a read of its own.
    const fourth = read();
    expect(reads).toBe(3);
    pending[2](3);
    expect(await fourth).toBe(3);
  });

  it('passes a failed read to its callers, and the next round still runs', async () => {
    let calls = 0;
    const read = nextRoundBatcher(async () => {
      calls++;
      if (calls === 1) throw new Error('server gone');
      return calls;
    });
    const failed = read();
    const next = read();
    await expect(failed).rejects.toThrow('server gone');
    expect(await next).toBe(2);
  });
});
