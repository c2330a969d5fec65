import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { baseUrl, signInAs } from './support/session';

/** The whole page at its full height (the settings run long). */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1400, height: Math.max(800, height) });
  await page.waitForTimeout(300);
  await page.screenshot({
    path: join(WORKSPACE_ROOT, `docs/screenshots/${name}.png`),
    fullPage: true,
  });
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/** A change through the API with the page's session (the XSRF header from its cookie). */
async function put(page: Page, path: string, body: unknown): Promise<number> {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await page.request.put(`${baseUrl()}${path}`, {
    data: body,
    headers: { 'X-XSRF-TOKEN': xsrf ?? '' },
  });
  return response.status();
}

describe('Settings page in Chromium', () => {
  const browser = useBrowserPage();

  it('stores a new return window and a holiday, says what was stored, and the Admin page shows both changes', async () => {
    const page = browser.page();
    await signInAs(page, 'owner');
    // The other browser tests read figures of the same demo data: put everything back after.
    const original = {
      reporting: await (await page.request.get(`${baseUrl()}/api/settings/reporting`)).json(),
      calendar: await (await page.request.get(`${baseUrl()}/api/settings/calendar`)).json(),
    };
    await page.goto(`${baseUrl()}/settings?theme=light`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const reporting = page.locator('[data-testid=reporting]');
    const days = reporting.locator('[data-testid=reporting-returnWindowDays]');
    await days.waitFor();
    const before = Number(await days.inputValue());
    const after = before === 45 ? 46 : 45;

    // Checked in the browser first: nothing is sent, every problem is listed beside Save.
    await days.fill('400');
    await reporting.locator('[data-testid=reporting-satisfaction]').fill('120');
    await reporting.locator('[data-testid=reporting-save]').click();
    const problems = reporting.locator('[data-testid=problems]');
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toMatch(
      /Not saved — 2 problems:\s+Return window: The return window is a whole number of days from 1 to 365\.\s+Satisfaction: A share from 0 to 100 %\./,
    );
    await expect(reporting.locator('.field-error').allInnerTexts()).resolves.toEqual([
      'The return window is a whole number of days from 1 to 365.',
      'A share from 0 to 100 %.',
    ]);
    await expect(days.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'settings-invalid-light');

    await days.fill(String(after));
    await reporting.locator('[data-testid=reporting-satisfaction]').fill('95');
    await reporting.locator('[data-testid=reporting-save]').click();
    await expect(reporting.locator('[data-testid=stored]').innerText()).resolves.toContain(
      `Stored: return window ${after} days`,
    );
    expect(await problems.count()).toBe(0);

    // A holiday, added and stored.
    const calendar = page.locator('[data-testid=calendar]');
    await calendar.locator('[data-testid=calendar-holiday-new]').fill('2026-12-24');
    await calendar.locator('[data-testid=calendar-holiday-add]').click();
    await calendar.locator('[data-testid=calendar-holidays] [data-date="2026-12-24"]').waitFor();
    await calendar.locator('[data-testid=calendar-save]').click();
    await expect(calendar.locator('[data-testid=stored]').innerText()).resolves.toMatch(
      /Stored: .*\d+ holidays?/,
    );

    // Stored: a reload shows both.
    await page.reload();
    await expect(
      page.locator('[data-testid=reporting-returnWindowDays]').inputValue(),
    ).resolves.toBe(String(after));
    await page
      .locator('[data-testid=calendar-holidays] [data-date="2026-12-24"]')
      .waitFor({ timeout: 10_000 });

    // Audited: who, what, before and after.
    await page.goto(`${baseUrl()}/admin`);
    const audit = page.locator('[data-testid=audit-table]');
    await audit.waitFor();
    const reportingRow = audit.locator('tbody tr', { hasText: 'Reporting' }).first();
    await expect(reportingRow.innerText()).resolves.toMatch(
      new RegExp(
        `user:owner@demo\\.returnlens\\s+Settings changed\\s+returnWindowDays: ${before} → ${after}[\\s\\S]*Reporting`,
      ),
    );
    const calendarRow = audit.locator('tbody tr', { hasText: 'Business calendar' }).first();
    await expect(calendarRow.innerText()).resolves.toContain('holidays: added 2026-12-24');

    expect(await put(page, '/api/settings/reporting', original.reporting)).toBe(200);
    expect(await put(page, '/api/settings/calendar', original.calendar)).toBe(200);
  });

  it('puts the shop’s own reason and channel in a built-in category and group', async () => {
    const page = browser.page();
    await signInAs(page, 'owner');
    // A claim with a reason and a channel of the shop's own, long before the demo's weeks.
    const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    const upload = await page.request.post(`${baseUrl()}/api/ingest/claims`, {
      data: 'Ticket,Type,Channel,Date received,Reason\nOWN-1,complaint,Carrier pigeon,2024-01-08,Parcel arrived soaked\n',
      headers: {
        'Content-Type': 'text/csv',
        'X-XSRF-TOKEN': xsrf ?? '',
        'X-Mapping': JSON.stringify({
          columns: {
            external_id: 'Ticket',
            type: 'Type',
            channel: 'Channel',
            opened_at: 'Date received',
            reason_code: 'Reason',
          },
        }),
      },
    });
    expect(upload.status()).toBe(201);
    await expect(upload.json()).resolves.toMatchObject({ rejected: 0 });

    await page.goto(`${baseUrl()}/settings`);
    const taxonomy = page.locator('[data-testid=taxonomy]');
    const reason = taxonomy.locator('[data-testid=taxonomy-reasons] tr', {
      hasText: 'Parcel arrived soaked',
    });
    await reason.waitFor();
    // Each gets a place other than the one it has (suggested from its words, or "other").
    const category = reason.getByLabel('Category of Parcel arrived soaked');
    const from = await category.inputValue();
    const [to, toLabel] = from === 'service' ? ['support', 'Support'] : ['service', 'Service'];
    await category.selectOption(to);
    const channel = taxonomy.locator('[data-testid=taxonomy-channels] tr', {
      hasText: 'Carrier pigeon',
    });
    const group = channel.getByLabel('Channel group of Carrier pigeon');
    const toGroup = (await group.inputValue()) === 'store' ? 'phone' : 'store';
    await group.selectOption(toGroup);
    await expect(taxonomy.locator('[data-testid=taxonomy-save]').innerText()).resolves.toBe(
      'Save 2 changes',
    );
    await taxonomy.locator('[data-testid=taxonomy-save]').click();
    await expect(taxonomy.locator('[data-testid=stored]').innerText()).resolves.toContain(
      // The channel group in words, as the vocabulary names it ("Store", "Phone").
      `“Parcel arrived soaked” → ${toLabel} · “Carrier pigeon” → ${toGroup === 'store' ? 'Store' : 'Phone'}`,
    );
    await taxonomy
      .locator('[data-testid=taxonomy-reasons] tr', { hasText: 'Parcel arrived soaked' })
      .filter({ hasText: 'set by you' })
      .waitFor();

    // Audited, with the place before and after.
    await page.goto(`${baseUrl()}/admin`);
    const row = page
      .locator('[data-testid=audit-table] tbody tr', {
        hasText: 'Own reason “Parcel arrived soaked”',
      })
      .first();
    await expect(row.innerText()).resolves.toContain(`category: ${from} → ${to}`);
  });

  it('edits a mapping preset’s value maps, refuses an unfinished one, and takes screenshots in both themes', async () => {
    const page = browser.page();
    await signInAs(page, 'admin'); // an admin holds `settings`, not `ingest`
    expect(
      await put(page, '/api/mapping-presets/complaint-portal', {
        kind: 'claims',
        mapping: {
          columns: { external_id: 'Complaint ID', channel: 'Submitted via' },
          values: { channel: { Referral: 'web_form' } },
          defaults: { type: 'complaint' },
        },
      }),
    ).toBe(200);
    await page.goto(`${baseUrl()}/settings?theme=light`);
    const presets = page.locator('[data-testid=presets]');
    await presets.locator('tr[data-name="complaint-portal"]').waitFor();
    await presets.getByRole('button', { name: 'Edit preset complaint-portal' }).click();
    const editor = presets.locator('[data-testid=preset-editor]');
    await editor.waitFor();

    await editor.locator('[data-testid=preset-add-value]').click();
    await expect(editor.getByLabel('Field of value map 2').inputValue()).resolves.toBe('channel');
    await editor.getByLabel('Value in the file, map 2').fill('Postal mail');
    await editor.locator('[data-testid=preset-save]').click();
    await expect(editor.locator('[data-testid=problems]').innerText()).resolves.toContain(
      'Choose what “Postal mail” means.',
    );
    await editor.getByLabel('Means, map 2').selectOption('email');
    await editor.locator('[data-testid=preset-save]').click();
    await expect(editor.locator('[data-testid=stored]').innerText()).resolves.toContain(
      'complaint-portal (claims): 2 columns · 2 values mapped · 1 value for every row',
    );
    await presets
      .locator('tr[data-name="complaint-portal"]', { hasText: '2 values mapped' })
      .waitFor();

    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => {
        if (document.documentElement.dataset['theme'] !== t)
          document.querySelector<HTMLButtonElement>('button.theme')?.click();
      }, theme);
      await screenshot(page, `settings-${theme}`);
    }
  });

  it('is not in the navigation of a role without settings, and says so at its address', async () => {
    const page = browser.page();
    await signInAs(page, 'manager');
    await page.goto(`${baseUrl()}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Not available for your role' }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Pages' }).innerText();
    expect(nav).not.toContain('Settings');
  });
});
