import type { Browser } from 'playwright-core';
import { SESSION_COOKIE, XSRF_COOKIE } from '@returnlens/shared/contracts';

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A whole PDF (launch, load, print) gives up after this long. */
export const PDF_TIMEOUT_MS = 60_000;

/** The dashboard pages a digest prints, and what shows when their figures are rendered. */
export const PDF_PAGES = {
  /** The weekly report: its movers list (or its "no movers" note) appears once the report loaded. */
  weekly: { ready: '[data-testid=movers], [data-testid=movers-empty]', name: 'weekly report' },
  /** The suppliers scorecard (buyers have no weekly report). */
  suppliers: { ready: '[data-testid=scorecard] tbody tr', name: 'suppliers scorecard' },
} as const;
export type PdfPage = keyof typeof PDF_PAGES;

/** A PDF that could not be made, saying which step failed. */
export class DigestPdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigestPdfError';
  }
}

export interface PdfRequest {
  /** The API's own address, e.g. `http://127.0.0.1:3000` (it serves the dashboard). */
  readonly origin: string;
  /** Path and query of the page, e.g. `/weekly?week=2026-W48&supplier=SUP-001`. */
  readonly path: string;
  readonly page: PdfPage;
  /** A live session id (the `rl_session` cookie) of the reader the page is rendered for. */
  readonly sessionId: string;
  /** The session's CSRF token (the `XSRF-TOKEN` cookie: the dashboard reads it to know it is signed in). */
  readonly csrf: string;
  readonly timeoutMs?: number;
  /**
   * The digest's language: the browser's locale and `Accept-Language`, so the page speaks it
   * unless the reader chose another language for their account (their choice wins, as it does
   * when they open the dashboard themselves).
   */
  readonly language?: string;
}

/**
 * A dashboard page as PDF, printed by headless Chromium with the print stylesheet: one browser
 * per PDF, closed whatever happens, within `timeoutMs`.
 */
export async function renderDashboardPdf(request: PdfRequest): Promise<Buffer> {
  const timeoutMs = request.timeoutMs ?? PDF_TIMEOUT_MS;
  const spec = PDF_PAGES[request.page];
  let browser: Browser | null = null;
  let timer: NodeJS.Timeout | undefined;
  let step = 'starting Chromium';
  const work = async (): Promise<Buffer> => {
    try {
      // Loaded at the first PDF, not with the API (about 70 MB of memory for every process).
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        timeout: timeoutMs,
      });
    } catch (error) {
      throw new DigestPdfError(
        `The ${spec.name} PDF could not start Chromium at ${CHROMIUM_PATH}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    // A4 at 96 dpi: the charts are drawn at the width they are printed at.
    const context = await browser.newContext({
      viewport: { width: 794, height: 1123 },
      ...(request.language
        ? {
            locale: request.language,
            extraHTTPHeaders: { 'Accept-Language': request.language },
          }
        : {}),
    });
    // The two cookies sign-in sets: the session, and the CSRF token the page's script reads.
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: request.sessionId,
        url: request.origin,
        httpOnly: true,
        sameSite: 'Lax',
      },
      { name: XSRF_COOKIE, value: request.csrf, url: request.origin, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    step = `loading ${request.origin}${request.path}`;
    const response = await page.goto(`${request.origin}${request.path}`, {
      waitUntil: 'domcontentloaded',
    });
    if (!response || !response.ok())
      throw new DigestPdfError(
        `The ${spec.name} PDF could not load ${request.path}: HTTP ${response?.status() ?? 'no answer'} (is the dashboard built and served by the API?)`,
      );
    step = `waiting for the ${spec.name} to render`;
    const failure = 'section.state.error, rl-login-page, rl-password-page, rl-not-available-page';
    await page.locator(`${spec.ready}, ${failure}`).first().waitFor({ state: 'attached' });
    const failed = page.locator(failure).first();
    if (await failed.count()) {
      const text = (await failed.innerText()).replace(/\s+/g, ' ').trim().slice(0, 200);
      throw new DigestPdfError(
        `The ${spec.name} did not render for the PDF: ${text || 'signed out'}`,
      );
    }
    // Every chart drawn (ECharts loads lazily), and no request still under way.
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid$="-chart"]')).every((el) =>
        el.querySelector('canvas, svg'),
      ),
    );
    await page.waitForLoadState('networkidle');
    step = 'printing';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
    return Buffer.from(pdf);
  };
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DigestPdfError(
            `The ${spec.name} PDF took longer than ${timeoutMs / 1000} s (${step})`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof DigestPdfError) throw error;
    throw new DigestPdfError(
      `The ${spec.name} PDF failed while ${step}: ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    clearTimeout(timer);
    await (browser as Browser | null)?.close().catch(() => undefined);
  }
}
