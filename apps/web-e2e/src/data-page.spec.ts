import { join } from 'node:path';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { signInAs } from './support/session';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through the web-e2e jest config`);
  return value;
};

const CSV = [
  'Ticket;Type;Channel;Date received;Comment',
  'WEB-1;return;email;14.03.2026;too small',
  'WEB-2;teleport;email;14.03.2026;<script>alert(1)</script>',
  'WEB-3;complaint;chat;15.03.2026;"המשלוח הגיע באיחור"',
].join('\n');

describe('Data page in Chromium', () => {
  // A 4xx the page shows to the user is expected; anything else fails the test.
  const browser = useBrowserPage({ allowed: /status of 4\d\d/ });
  beforeEach(() => signInAs(browser.page(), 'owner'));

  it('uploads a file with the suggested mapping on the owner’s session (no token) and shows the batch and its rejected rows', async () => {
    const page = browser.page();
    await page.goto(`${env('RETURNLENS_TEST_BASE_URL')}/data`);
    await page.locator('[data-testid=batches]').waitFor();
    expect(await page.locator('[data-testid=token]').count()).toBe(0);
    await page.locator('[data-testid=file]').setInputFiles({
      name: 'helpdesk-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByLabel('Column for opened_at').waitFor();
    await expect(page.getByLabel('Column for opened_at').inputValue()).resolves.toBe(
      'Date received',
    );

    await page.locator('[data-testid=dry-run]').click();
    await expect(page.locator('[data-testid=report]').innerText()).resolves.toContain(
      'Dry run — nothing stored',
    );

    await page.locator('[data-testid=load]').click();
    await page.locator('[data-testid=report]', { hasText: 'stored' }).waitFor();
    const report = await page.locator('[data-testid=report]').innerText();
    expect(report).toMatch(/3 rows · 2 new · 0 updated · 0 unchanged · 1 rejected/);

    const row = page.locator('[data-testid=batches] tbody tr', { hasText: 'helpdesk-export.csv' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(
      /claims\s+helpdesk-export\.csv\s+committed\s+3\s+2\s+0\s+0\s+1/,
    );
    await page.locator('[data-testid=rejected]').waitFor();
    const rejected = await page.locator('[data-testid=rejected]').innerText();
    expect(rejected).toContain('"teleport" is not a known type');
    await page.screenshot({
      path: join(WORKSPACE_ROOT, 'docs/screenshots/data-light.png'),
      fullPage: true,
    });
  });

  it('shows a real export’s suggestion with first values and confidence, then the report’s warnings', async () => {
    const page = browser.page();
    for (const theme of ['light', 'dark']) {
      await page.goto(`${env('RETURNLENS_TEST_BASE_URL')}/data?theme=${theme}`);
      await page.locator('[data-testid=batches]').waitFor();
      await page.locator('[data-testid=kind]').selectOption('claims');
      await page
        .locator('[data-testid=file]')
        .setInputFiles(
          join(WORKSPACE_ROOT, 'apps/api-e2e/src/fixtures/real-exports/erp-credit-notes.csv'),
        );
      await page.getByLabel('Column for quantity').waitFor();
      await expect(page.getByLabel('Column for quantity').inputValue()).resolves.toBe('Quantity');
      await expect(page.getByLabel('Column for opened_at').inputValue()).resolves.toBe(
        'InvoiceDate',
      );
      const quantity = page.locator('table.mapping tbody tr', {
        has: page.getByLabel('Column for quantity'),
      });
      await expect(quantity.locator('[data-testid=samples]').innerText()).resolves.toContain('-2');
      await expect(quantity.locator('[data-testid=confidence]').innerText()).resolves.toMatch(
        /matched · \d+ %/,
      );
      await expect(page.locator('[data-testid=suggestion-notes]').innerText()).resolves.toContain(
        'keyed by its order ("InvoiceNo") and SKU',
      );
      await page.getByLabel('Value for every row: type').selectOption('return');
      await page.getByLabel('Value for every row: channel').selectOption('email');
      await page.screenshot({
        path: join(WORKSPACE_ROOT, `docs/screenshots/data-suggestion-${theme}.png`),
        fullPage: true,
      });
      await page.locator('[data-testid=load]').click();
      await page.locator('[data-testid=report]', { hasText: 'stored' }).waitFor();
      const warnings = await page.locator('[data-testid=warnings]').innerText();
      expect(warnings).toContain(
        '6 rows had a negative quantity (credit-note lines): read as that many returned units.',
      );
      expect(await page.locator('[data-testid=report]').innerText()).toMatch(/0 rejected/);
      await page.locator('[data-testid=report]').screenshot({
        path: join(WORKSPACE_ROOT, `docs/screenshots/data-report-${theme}.png`),
      });
    }
  });

  it('fixes a column, says what the file’s own channels mean, saves the mapping as a preset and loads with it: 0 rejected', async () => {
    const page = browser.page();
    await page.goto(`${env('RETURNLENS_TEST_BASE_URL')}/data?theme=light`);
    await page.locator('[data-testid=batches]').waitFor();
    await page.locator('[data-testid=kind]').selectOption('claims');
    await page
      .locator('[data-testid=file]')
      .setInputFiles(
        join(WORKSPACE_ROOT, 'apps/api-e2e/src/fixtures/real-exports/complaint-portal.csv'),
      );
    await page.getByLabel('Column for channel').waitFor();
    await expect(page.getByLabel('Column for channel').inputValue()).resolves.toBe('Submitted via');
    // One column fixed by hand: who answered is the company the case was sent to.
    await page.getByLabel('Column for assignee').selectOption('Company');
    // The portal's channels that are none of ours, given a meaning.
    const channels = page.locator('[data-testid=value-map-channel]');
    await expect(channels.locator('.source').allInnerTexts()).resolves.toEqual([
      'Referral',
      'Postal mail',
    ]);
    await channels.getByLabel('Meaning of “Referral” for channel').selectOption('web_form');
    await channels.getByLabel('Meaning of “Postal mail” for channel').selectOption('email');
    await page.getByLabel('Value for every row: type').selectOption('complaint');

    await page.locator('[data-testid=preset-name]').fill('complaint portal');
    await page.locator('[data-testid=save-preset]').click();
    await expect(page.locator('[data-testid=preset-saved]').innerText()).resolves.toMatch(
      /Preset “complaint portal” saved: \d+ columns, 2 values mapped\./,
    );
    await expect(page.locator('[data-testid=preset-in-use]').innerText()).resolves.toBe(
      'with preset “complaint portal”',
    );
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => {
        if (document.documentElement.dataset['theme'] !== t)
          document.querySelector<HTMLButtonElement>('button.theme')?.click();
      }, theme);
      await page.waitForTimeout(300);
      await page.locator('table.mapping').screenshot({
        path: join(WORKSPACE_ROOT, `docs/screenshots/data-mapping-${theme}.png`),
      });
    }

    await page.locator('[data-testid=load]').click();
    await page.locator('[data-testid=report]', { hasText: 'stored' }).waitFor();
    const report = await page.locator('[data-testid=report]').innerText();
    expect(report).toMatch(/14 rows · 14 new · 0 updated · 0 unchanged · 0 rejected/);
    expect(report).toContain('mapped by preset “complaint portal”');
    await page
      .locator('[data-testid=batches] tbody tr', { hasText: 'complaint-portal.csv' })
      .waitFor();

    // The next export of the same shape: the saved preset is chosen, not rebuilt.
    await page.reload();
    await page.locator('[data-testid=kind]').selectOption('claims');
    await page
      .locator('[data-testid=file]')
      .setInputFiles(
        join(WORKSPACE_ROOT, 'apps/api-e2e/src/fixtures/real-exports/complaint-portal.csv'),
      );
    await page.getByLabel('Column for channel').waitFor();
    await expect(page.getByLabel('Column for assignee').inputValue()).resolves.toBe('');
    await page.locator('[data-testid=use-preset]').selectOption('complaint portal');
    await expect(page.getByLabel('Column for assignee').inputValue()).resolves.toBe('Company');
    await expect(page.locator('[data-testid=preset-in-use]').innerText()).resolves.toBe(
      'with preset “complaint portal”',
    );
    await page.locator('[data-testid=dry-run]').click();
    await page.locator('[data-testid=report]', { hasText: 'mapped by preset' }).waitFor();
    expect(await page.locator('[data-testid=report]').innerText()).toMatch(/0 rejected/);
  });

  it('shows user text as text, never as markup', async () => {
    const page = browser.page();
    await page.goto(`${env('RETURNLENS_TEST_BASE_URL')}/data?theme=dark`);
    await page.locator('[data-testid=batches]').waitFor();
    expect(
      await page.locator('[data-testid=batches] script, [data-testid=report] script').count(),
    ).toBe(0);
    await page.screenshot({
      path: join(WORKSPACE_ROOT, 'docs/screenshots/data-dark.png'),
      fullPage: true,
    });
  });
});
