import { loadConfig } from '../config/app-config';
import { servesApiDocs } from './openapi';
import { noStoreForApi } from './security';

describe('API_DOCS', () => {
  it('serves the description on loopback by default, beyond it only when asked', () => {
    const serves = (env: Record<string, string>) => servesApiDocs(loadConfig(env));
    expect(serves({})).toBe(true);
    expect(serves({ HOST: '::1' })).toBe(true);
    expect(serves({ HOST: '0.0.0.0' })).toBe(false);
    expect(serves({ HOST: '10.0.0.5', API_DOCS: 'on' })).toBe(true);
    expect(serves({ API_DOCS: 'off' })).toBe(false);
  });

  it('is checked at start-up', () => {
    expect(() => loadConfig({ API_DOCS: 'yes' })).toThrow(
      'API_DOCS="yes": must be auto, on or off',
    );
  });
});

describe('noStoreForApi', () => {
  const run = (path: string) => {
    const headers: Record<string, string> = {};
    let passed = false;
    noStoreForApi(
      { path } as never,
      { setHeader: (name: string, value: string) => (headers[name] = value) } as never,
      () => (passed = true),
    );
    return { headers, passed };
  };

  it('marks API answers no-store and leaves the dashboard files alone', () => {
    expect(run('/api/analytics/pareto')).toEqual({
      headers: { 'Cache-Control': 'no-store' },
      passed: true,
    });
    expect(run('/api')).toEqual({ headers: { 'Cache-Control': 'no-store' }, passed: true });
    expect(run('/weekly')).toEqual({ headers: {}, passed: true });
    expect(run('/apiary.js')).toEqual({ headers: {}, passed: true });
  });
});
