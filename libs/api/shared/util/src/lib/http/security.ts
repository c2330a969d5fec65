import type { NextFunction, Request, Response } from 'express';
import type { HelmetOptions } from 'helmet';

/** 127.0.0.1, ::1, localhost: reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Security headers. Scripts only from our own origin; inline styles are allowed because
 * Angular and ECharts set element styles. No framing, no plugins, no referrer to other sites.
 * `upgrade-insecure-requests` is left out: the product runs on plain http on loopback.
 */
export function securityHeaders(): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * `Cache-Control: no-store` on every answer under /api (data, errors, cached answers served
 * before routing, the API description): no shared cache or browser history keeps a copy of
 * what a session or token read. The dashboard's own files stay cacheable. A caller that keeps
 * an answer itself can still revalidate it with `If-None-Match` (304).
 */
export function noStoreForApi(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/api' || request.path.startsWith('/api/'))
    response.setHeader('Cache-Control', 'no-store');
  next();
}
