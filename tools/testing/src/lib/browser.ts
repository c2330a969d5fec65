/// <reference types="jest" />
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects console errors and uncaught page errors; a test fails if any appear. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A request cancelled because the user navigated on is not a failure.
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${reason}`);
  });
  return errors;
}

export interface BrowserPage {
  /** The page of the running test. */
  page(): Page;
}

/**
 * Registers the hooks of a browser suite: one Chromium for the suite, a fresh page per
 * test, and a failure when the page logged an error (`allowed` filters expected ones).
 */
export function useBrowserPage(
  options: { viewport?: { width: number; height: number }; allowed?: RegExp } = {},
): BrowserPage {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser!.newPage({ viewport: options.viewport ?? { width: 1400, height: 1000 } });
    errors = watchForErrors(page);
  });
  afterEach(async () => {
    await page?.close();
    expect(errors.filter((e) => !options.allowed?.test(e))).toEqual([]);
  });
  return {
    page: () => {
      if (!page) throw new Error('no page: use page() inside a test');
      return page;
    },
  };
}

/**
 * Signs the page's browser context in through the API (`POST /api/auth/login`), so the
 * context holds the session and XSRF-TOKEN cookies as after a sign-in in the page. Throws
 * with the API's answer when the sign-in is refused.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  const response = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { email, password },
  });
  if (!response.ok())
    throw new Error(`signing in as ${email} failed: ${response.status()} ${await response.text()}`);
}
