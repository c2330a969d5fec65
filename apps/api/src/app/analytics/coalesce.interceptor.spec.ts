import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { defer, lastValueFrom } from 'rxjs';
import { CoalesceInterceptor } from './coalesce.interceptor';

function context(url: string, authorization = 'Bearer a', method = 'GET'): ExecutionContext {
  const req = { method, originalUrl: url, headers: { authorization } };
  return {
    switchToHttp: () => ({ getRequest: () => req }),
    getClass: () => class AnalyticsController {},
    getHandler: () =>
      function kpis() {
        return undefined;
      },
  } as unknown as ExecutionContext;
}

/** A handler that counts its calls and answers when `release` is called. */
function handler() {
  let calls = 0;
  let release!: (value: unknown) => void;
  const gate = new Promise((resolve) => (release = resolve));
  const next: CallHandler = {
    handle: () =>
      defer(async () => {
        calls++;
        return { answer: await gate, call: calls };
      }),
  };
  return { next, calls: () => calls, release: (v: unknown) => release(v) };
}

describe('CoalesceInterceptor', () => {
  it('answers identical concurrent GETs with one computation', async () => {
    const interceptor = new CoalesceInterceptor();
    const h = handler();
    const answers = [1, 2, 3].map(() =>
      lastValueFrom(interceptor.intercept(context('/api/analytics/kpis?from=2026-W01'), h.next)),
    );
    h.release(42);
    expect(await Promise.all(answers)).toEqual([1, 2, 3].map(() => ({ answer: 42, call: 1 })));
    expect(h.calls()).toBe(1);
  });

  it('computes afresh once the answer is out, and never shares across URLs, callers or methods', async () => {
    const interceptor = new CoalesceInterceptor();
    const h = handler();
    h.release('x');
    await lastValueFrom(interceptor.intercept(context('/a'), h.next));
    await lastValueFrom(interceptor.intercept(context('/a'), h.next));
    await Promise.all([
      lastValueFrom(interceptor.intercept(context('/a?x=1'), h.next)),
      lastValueFrom(interceptor.intercept(context('/a', 'Bearer b'), h.next)),
      lastValueFrom(interceptor.intercept(context('/a', 'Bearer a', 'POST'), h.next)),
    ]);
    expect(h.calls()).toBe(5);
  });

  it('gives every waiting request the same error, then forgets it', async () => {
    const interceptor = new CoalesceInterceptor();
    let calls = 0;
    const failing: CallHandler = {
      handle: () =>
        defer(async () => {
          calls++;
          throw new Error('Connection terminated unexpectedly');
        }),
    };
    const results = await Promise.allSettled([
      lastValueFrom(interceptor.intercept(context('/a'), failing)),
      lastValueFrom(interceptor.intercept(context('/a'), failing)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await lastValueFrom(interceptor.intercept(context('/a'), failing)).catch(() => undefined);
    expect(calls).toBe(2);
  });
});
