import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { defer, lastValueFrom } from 'rxjs';
import type { AnswerAccess } from './answer-access';
import { AnswerCache, AnswerCacheInterceptor } from './answer-cache';
import type { DataVersion } from './data-version';

/** A data version that the test moves by hand. */
function version() {
  let v = 1;
  return {
    dataVersion: { current: async () => String(v) } as unknown as DataVersion,
    bump: () => v++,
  };
}

const access = {
  routeRule: () => ({ allowed: ['claims'] }),
  authorize: async () => ({ id: 'u1' }),
} as unknown as AnswerAccess;

function request(url: string, method = 'GET', headers: Record<string, string> = {}) {
  const [path, search = ''] = url.split('?');
  return {
    method,
    originalUrl: url,
    path,
    query: Object.fromEntries(new URLSearchParams(search)),
    headers,
  };
}

function context(req: object) {
  const headers: Record<string, string> = {};
  return {
    switchToHttp: () => ({
      getRequest: () => req,
      getResponse: () => ({ setHeader: (k: string, v: string) => (headers[k] = v) }),
    }),
    headers,
  } as unknown as ExecutionContext & { headers: Record<string, string> };
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

describe('AnswerCacheInterceptor', () => {
  const setup = () => {
    const v = version();
    const cache = new AnswerCache(v.dataVersion, access);
    const interceptor = new AnswerCacheInterceptor(cache, access);
    const ask = (req: object, next: CallHandler) => {
      const ctx = context(req);
      return lastValueFrom(interceptor.intercept(ctx, next)).then((answer) => ({
        answer,
        cache: ctx.headers['X-Cache'],
      }));
    };
    return { ask, bump: v.bump, cache };
  };

  it('answers identical concurrent GETs with one computation', async () => {
    const { ask } = setup();
    const h = handler();
    const answers = [1, 2, 3].map(() => ask(request('/api/analytics/kpis?from=2026-W01'), h.next));
    h.release(42);
    const got = await Promise.all(answers);
    expect(got.map((g) => g.answer)).toEqual([1, 2, 3].map(() => ({ answer: 42, call: 1 })));
    expect(got.map((g) => g.cache)).toEqual(['miss', 'hit', 'hit']);
    expect(h.calls()).toBe(1);
  });

  it('keeps the answer until the data version moves; never shares across parameters or paths', async () => {
    const { ask, bump } = setup();
    const h = handler();
    h.release('x');
    expect((await ask(request('/a'), h.next)).cache).toBe('miss');
    expect((await ask(request('/a'), h.next)).cache).toBe('hit');
    await Promise.all([ask(request('/a?x=1'), h.next), ask(request('/b'), h.next)]);
    expect(h.calls()).toBe(3);
    bump();
    expect((await ask(request('/a'), h.next)).cache).toBe('miss');
    expect(h.calls()).toBe(4);
  });

  it('computes writes, and requests that ask for a fresh answer, every time and stores nothing', async () => {
    const { ask } = setup();
    const h = handler();
    h.release('x');
    await ask(request('/a', 'POST'), h.next);
    await ask(request('/a', 'POST'), h.next);
    const fresh = await ask(request('/a', 'GET', { 'cache-control': 'no-cache' }), h.next);
    expect(fresh.cache).toBeUndefined();
    expect(h.calls()).toBe(3);
    expect((await ask(request('/a'), h.next)).cache).toBe('miss');
  });

  it('gives every waiting request the same error, then forgets it', async () => {
    const { ask } = setup();
    let calls = 0;
    const failing: CallHandler = {
      handle: () =>
        defer(async () => {
          calls++;
          throw new Error('Connection terminated unexpectedly');
        }),
    };
    const results = await Promise.allSettled([
      ask(request('/a'), failing),
      ask(request('/a'), failing),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await ask(request('/a'), failing).catch(() => undefined);
    expect(calls).toBe(2);
  });

  it('answers recent questions again ahead of their askers when the data moves', async () => {
    const { ask, bump, cache } = setup();
    let calls = 0;
    const counting: CallHandler = { handle: () => defer(async () => ++calls) };
    await ask(request('/a?week=1'), counting);
    await ask(request('/b'), counting);
    expect(calls).toBe(2);
    bump();
    await cache.warm();
    // Both questions computed again for the new version, without a request.
    expect(calls).toBe(4);
    // The most recently asked first: /b got the third computation, /a the fourth.
    expect(await ask(request('/a?week=1'), counting)).toEqual({ answer: 4, cache: 'hit' });
    expect(await ask(request('/b'), counting)).toEqual({ answer: 3, cache: 'hit' });
    // Nothing new to compute: a second round right after costs nothing.
    await cache.warm();
    expect(calls).toBe(4);
  });

  it('forgets a question whose answer fails while computed ahead', async () => {
    const { ask, bump, cache } = setup();
    let fail = false;
    let calls = 0;
    const flaky: CallHandler = {
      handle: () =>
        defer(async () => {
          calls++;
          if (fail) throw new Error('relation "claims" does not exist');
          return calls;
        }),
    };
    await ask(request('/a'), flaky);
    fail = true;
    bump();
    await cache.warm();
    expect(calls).toBe(2);
    bump();
    await cache.warm();
    expect(calls).toBe(2);
  });
});
