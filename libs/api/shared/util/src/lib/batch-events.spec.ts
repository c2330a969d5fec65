import { Logger } from '@nestjs/common';
import { BatchEvents, type BatchCommittedEvent } from './batch-events';

const event: BatchCommittedEvent = { batchId: '7', kind: 'claims', stage: 'ingest' };
const turn = () => new Promise((done) => setImmediate(done));

describe('BatchEvents', () => {
  it('calls listeners after the announcing code has moved on, never inside it', async () => {
    const events = new BatchEvents();
    const seen: string[] = [];
    events.onCommitted((e) => seen.push(`listener ${e.batchId}`));
    events.committed(event);
    seen.push('announcer continues');
    await turn();
    expect(seen).toEqual(['announcer continues', 'listener 7']);
  });

  it('a failing listener (thrown or rejected) is logged, never thrown back, and the others still run', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const events = new BatchEvents();
    const seen: string[] = [];
    events.onCommitted(() => {
      throw new Error('boom');
    });
    events.onCommitted(() => Promise.reject(new Error('later boom')));
    events.onCommitted(() => seen.push('third'));
    expect(() => events.committed(event)).not.toThrow();
    await turn();
    await turn();
    expect(seen).toEqual(['third']);
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('boom'),
      expect.stringContaining('later boom'),
    ]);
    logged.mockRestore();
  });

  it('an unsubscribed listener is not called', async () => {
    const events = new BatchEvents();
    const listener = jest.fn();
    const off = events.onCommitted(listener);
    off();
    events.committed(event);
    await turn();
    expect(listener).not.toHaveBeenCalled();
  });
});
