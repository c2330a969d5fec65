import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { baseUrl, signInAs } from './support/session';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A webhook receiver in the test process: records every POST, answers `status`. */
async function startReceiver(status = 200): Promise<{
  url: (path: string) => string;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'receiver says no');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const SHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');

/** Text as read, without the bidi isolates (U+2066–U+2069) names sit in inside sentences. */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

/** The page at its full height, desktop (1400 px) or phone (390 px) wide. */
async function screenshot(page: Page, name: string, width = 1400): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(200);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.max(800, Math.min(height, 6000)) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/** Elements reaching past the right edge of the viewport (the page would scroll sideways). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside a box that scrolls on its own (a wide table, a code sample): fine.
      let scrolls = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(style.overflowX) || style.clip !== 'auto') {
          scrolls = p.getBoundingClientRect().right <= width + 1;
          if (scrolls) break;
        }
      }
      if (scrolls) continue;
      const id = el.getAttribute('data-testid');
      out.push(
        `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}.${String(el.className)} right=${Math.round(box.right)}`,
      );
    }
    return out.slice(0, 15);
  });
}

/** A phone (390 × 844): one screenshot per section, and nothing wider than the screen. */
async function phoneShots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  expect(await overflowing(page)).toEqual([]);
  const sections = [
    'h1',
    '[data-testid=digests] .cards',
    '[data-testid=subscription-form]',
    '[data-testid=alerts]',
    '[data-testid=history]',
  ];
  for (const [i, selector] of sections.entries()) {
    await page
      .locator(selector)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS, `${name}-${i + 1}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/** The page's own API call with its session (the XSRF header from its cookie). */
async function api(page: Page, method: 'get' | 'delete', path: string): Promise<unknown> {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await page.request[method](`${baseUrl()}${path}`, {
    headers: { 'X-XSRF-TOKEN': xsrf ?? '' },
  });
  return response.status() === 204 ? null : response.json();
}

async function until<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Subscriptions page in Chromium', () => {
  const browser = useBrowserPage();
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let refusing: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver(200);
    refusing = await startReceiver(500);
  });
  afterAll(async () => {
    await receiver?.close();
    await refusing?.close();
  });

  it('creates a webhook digest, sends a test that arrives signed, sees it in the history, pauses and deletes it, and creates an alert rule', async () => {
    const page = browser.page();
    await signInAs(page, 'owner');
    await page.goto(`${baseUrl()}/subscriptions?theme=light`);
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(
      nav.getByRole('link', { name: /^Subscriptions/ }).getAttribute('aria-current'),
    ).resolves.toBe('page');

    // The demo owner has the weekly owner digest by e-mail (seeded with the demo logins).
    const digests = page.locator('[data-testid=digests]');
    const before = (await api(page, 'get', '/api/subscriptions')) as { id: string }[];
    await digests
      .locator('[data-testid=subscription], [data-testid=digests-empty]')
      .first()
      .waitFor();
    expect(await digests.locator('[data-testid=subscription]').count()).toBe(before.length);

    // Everyone's subscriptions (owner/admin): the demo buyer's digest shows, with whose it is.
    await page.locator('[data-testid=show-all] input').check();
    const buyers = digests.locator('[data-testid=subscription]', {
      // The name is bidi-isolated (U+2068 … U+2069) inside the translated sentence.
      hasText: /for \u2068?Demo buyer/,
    });
    await buyers.first().waitFor();
    await expect(buyers.first().locator('h3').innerText().then(plain)).resolves.toBe(
      'Buyer digest',
    );
    await expect(digests.locator('h2').innerText().then(plain)).resolves.toBe('Everyone’s digests');
    await page.locator('[data-testid=show-all] input').uncheck();
    await buyers.first().waitFor({ state: 'detached' });

    // The form checks the URL in the browser first: nothing is sent.
    const form = digests.locator('[data-testid=subscription-form]');
    await form.locator('[data-testid=sub-channel-webhook]').check();
    await form.locator('[data-testid=sub-target]').fill('hooks.example.com/no-scheme');
    await form.locator('[data-testid=sub-create]').click();
    await expect(
      form.locator('[data-testid=target-error]').innerText().then(plain),
    ).resolves.toMatch(/^A webhook URL starts with https:\/\//);
    await expect(
      form.locator('[data-testid=sub-target]').getAttribute('aria-invalid'),
    ).resolves.toBe('true');

    // A weekly owner digest on Fridays at 07:00, to the receiver, limited to one channel.
    const hook = receiver.url('/digest');
    await form.locator('[data-testid=sub-target]').fill(hook);
    await form.locator('[data-testid=sub-role-owner]').check();
    await form.locator('[data-testid=sub-weekday]').selectOption('5');
    await form.locator('[data-testid=sub-hour]').selectOption('7');
    await expect(
      form.locator('[data-testid=sub-sentence]').innerText().then(plain),
    ).resolves.toMatch(/^Fridays at 07:00 \(.+\)$/);
    await form.locator('[data-testid=filter-dimension]').selectOption('channel');
    await form.locator('[data-testid=filter-value]').selectOption('web_form');
    await expect(
      form.locator('[data-testid=filter-chips]').innerText().then(plain),
    ).resolves.toContain('Channel: Web form');
    await form.locator('[data-testid=sub-create]').click();

    // The signing secret, shown once, with how to check the header.
    const secretBox = digests.locator('[data-testid=webhook-secret]');
    await secretBox.waitFor();
    const secret = await secretBox.locator('[data-testid=secret-value]').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await expect(secretBox.innerText().then(plain)).resolves.toContain(
      'X-Returnlens-Signature: sha256=',
    );
    await expect(form.locator('[data-testid=stored]').innerText().then(plain)).resolves.toContain(
      `Created: owner digest to ${hook}, fridays at 07:00`,
    );

    const card = digests.locator('[data-testid=subscription]', { hasText: hook });
    await card.waitFor();
    await expect(card.locator('h3').innerText().then(plain)).resolves.toBe('Owner digest');
    await expect(card.locator('[data-testid=schedule]').innerText().then(plain)).resolves.toMatch(
      /^Fridays at 07:00 \(.+\)$/,
    );
    await expect(card.locator('.chip').innerText().then(plain)).resolves.toBe('Channel: Web form');
    await expect(
      card.locator('[data-testid=last-delivery]').innerText().then(plain),
    ).resolves.toContain('Nothing sent yet');

    // "Send a test now": the receiver gets the digest, signed with the secret shown.
    await card.locator('[data-testid=send-test]').click();
    const result = card.locator('[data-testid=test-result]');
    await result.locator('.status[data-status=sent]').waitFor({ timeout: 60_000 });
    await expect(result.innerText().then(plain)).resolves.toContain(`delivered to ${hook}`);
    const message = await until('the webhook', () =>
      receiver.received.find((r) => r.path === '/digest'),
    );
    const expected = `sha256=${createHmac('sha256', secret).update(message.body).digest('hex')}`;
    const signature = String(message.headers['x-returnlens-signature'] ?? '');
    expect(signature).toBe(expected);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    expect(message.headers['content-type']).toMatch(/^application\/json/);
    const payload = JSON.parse(message.body.toString('utf8'));
    expect(payload).toMatchObject({ kind: 'digest', role: 'owner' });
    expect(typeof payload.text).toBe('string');
    expect(payload.text.length).toBeGreaterThan(20);
    expect(String(message.headers['x-returnlens-delivery'])).toMatch(/^\d+$/);

    // The delivery in the history, sent, with its attempt; and on the card as the last one.
    const history = page.locator('[data-testid=history]');
    const row = history.locator(
      `[data-testid=delivery][data-id="${message.headers['x-returnlens-delivery']}"]`,
    );
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getAttribute('data-status')).resolves.toBe('sent');
    await expect(row.innerText().then(plain)).resolves.toContain('Test');
    await expect(row.innerText().then(plain)).resolves.toContain(hook);
    await expect(
      card.locator('[data-testid=last-delivery] .status').innerText().then(plain),
    ).resolves.toBe('Sent');

    // Preview: the rendered digest, as HTML.
    const href = await card.locator('[data-testid=preview]').getAttribute('href');
    const preview = await page.request.get(`${baseUrl()}${href}`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toMatch(/^text\/html/);

    // Pause: the card says so, and the API has it paused.
    await card.locator('[data-testid=pause]').click();
    await card.locator('[data-testid=paused]').waitFor();
    await expect(card.locator('[data-testid=pause]').innerText().then(plain)).resolves.toBe(
      'Resume',
    );
    const stored = (await api(page, 'get', '/api/subscriptions')) as {
      id: string;
      target: string;
      paused: boolean;
    }[];
    expect(stored.find((x) => x.target === hook)?.paused).toBe(true);

    // A webhook that answers 500: the failure and its error are visible in the history.
    await form.locator('[data-testid=sub-channel-webhook]').check();
    await form.locator('[data-testid=sub-target]').fill(refusing.url('/broken'));
    await form.locator('[data-testid=sub-role-buyer]').check();
    await form.locator('[data-testid=sub-create]').click();
    const broken = digests.locator('[data-testid=subscription]', {
      hasText: refusing.url('/broken'),
    });
    await broken.waitFor();
    await broken.locator('[data-testid=send-test]').click();
    await broken.locator('[data-testid=test-result] .delivery-error').waitFor({ timeout: 60_000 });
    await expect(
      broken.locator('[data-testid=test-result] .delivery-error').innerText().then(plain),
    ).resolves.toContain('500');
    const failedRow = history.locator('[data-testid=delivery]', {
      hasText: refusing.url('/broken'),
    });
    await failedRow.first().waitFor({ timeout: 30_000 });
    await expect(
      failedRow.first().locator('[data-testid=delivery-error]').innerText().then(plain),
    ).resolves.toContain('500');

    // An alert rule: claims above a threshold, to the receiver.
    const alerts = page.locator('[data-testid=alerts]');
    const alertForm = alerts.locator('[data-testid=alert-form]');
    await alertForm.locator('[data-testid=alert-name]').fill('Claims <above> 5000 a week');
    await alertForm.locator('[data-testid=alert-metric]').selectOption('claims');
    await alertForm.locator('[data-testid=alert-kind-threshold]').check();
    await alertForm.locator('[data-testid=alert-operator]').selectOption('>');
    await alertForm.locator('[data-testid=alert-value]').fill('5000');
    await alertForm.locator('[data-testid=alert-channel-webhook]').check();
    await alertForm.locator('[data-testid=alert-target]').fill(receiver.url('/alert'));
    await alertForm.locator('[data-testid=alert-quiet]').fill('48');
    await alertForm.locator('[data-testid=alert-create]').click();
    const rule = alerts.locator('[data-testid=alert-rule]', { hasText: 'Claims <above> 5000' });
    await rule.waitFor();
    // The name is text, not markup.
    await expect(rule.locator('h3').innerText().then(plain)).resolves.toBe(
      'Claims <above> 5000 a week',
    );
    await expect(rule.locator('[data-testid=rule-sentence]').innerText().then(plain)).resolves.toBe(
      'Claims received above 5,000 claims',
    );
    await expect(rule.innerText().then(plain)).resolves.toContain('quiet for 48 h');
    const rules = (await api(page, 'get', '/api/alerts')) as {
      id: string;
      name: string;
      metric: string;
      operator: string;
      value: number;
      quietHours: number;
    }[];
    const created = rules.find((r) => r.name === 'Claims <above> 5000 a week');
    expect(created).toMatchObject({ metric: 'claims', operator: '>', value: 5000, quietHours: 48 });

    // The page as it reads with digests, a failure, a rule: light and dark, desktop and phone
    // (nothing wider than a 390 px screen).
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`${baseUrl()}/subscriptions?theme=${theme}`);
      await page.locator('[data-testid=alert-rule]').first().waitFor();
      await page.locator('[data-testid=delivery]').first().waitFor();
      await screenshot(page, `subscriptions-${theme}`);
      await phoneShots(page, `subscriptions-${theme}-phone`);
    }

    // Delete, after a confirmation: both cards gone, the demo's own digest stays.
    for (const target of [hook, refusing.url('/broken')]) {
      const c = digests.locator('[data-testid=subscription]', { hasText: target });
      await c.locator('[data-testid=delete]').click();
      await c.locator('[data-testid=confirm-delete]').click();
      await c.waitFor({ state: 'detached' });
    }
    const after = (await api(page, 'get', '/api/subscriptions')) as { id: string }[];
    expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));

    // Put the shared demo database back for the other browser tests.
    await api(page, 'delete', `/api/alerts/${created!.id}`);
  });

  it('offers a buyer only the buyer digest, and no everyone’s toggle', async () => {
    const page = browser.page();
    await signInAs(page, 'buyer');
    await page.goto(`${baseUrl()}/subscriptions`);
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    const roles = page.locator('[data-testid^=sub-role-]');
    await roles.first().waitFor();
    await expect(
      roles.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
    ).resolves.toEqual(['sub-role-buyer']);
    expect(await page.locator('[data-testid=show-all]').count()).toBe(0);
    await expect(
      page.locator('[data-testid=sub-sentence]').innerText().then(plain),
    ).resolves.toMatch(/^Mondays at 08:00 \(/);
  });
});
