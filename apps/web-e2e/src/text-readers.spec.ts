import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextModelsReport } from '@returnlens/shared/contracts';
import { useBrowserPage } from '@returnlens/tools/testing';
import { baseUrl, signInAs } from './support/session';

const DEMO_LANGUAGES = ['en', 'de', 'he', 'pl', 'pt', 'ru'];
/** Where the panel's screenshots go (outside the repository: for review, not for the docs). */
const SHOTS = process.env['TEXT_READERS_SHOTS'] ?? join(tmpdir(), 'returnlens-screenshots');

describe('Who reads the texts, on the Feedback page in Chromium', () => {
  const browser = useBrowserPage();

  it('lists the reader of every demo language and of the reasons, with their agreement', async () => {
    const page = browser.page();
    await signInAs(page, 'owner');
    // The demo's models are learnt while it loads; wait a little should one still be training.
    const learnt = (r: TextModelsReport) =>
      r.models.some((m) => m.task === 'reasons') &&
      DEMO_LANGUAGES.every((l) => r.models.some((m) => m.task === 'sentiment' && m.language === l));
    for (let i = 0; ; i++) {
      const response = await page.request.get(`${baseUrl()}/api/text-models`);
      if (learnt((await response.json()) as TextModelsReport)) break;
      if (i === 60) throw new Error('the demo models were not learnt within a minute');
      await page.waitForTimeout(1000);
    }
    await page.goto(`${baseUrl()}/feedback?theme=light`);
    const panel = page.locator('#text-readers');
    await panel.locator('[data-testid=text-readers]').waitFor();

    for (const language of DEMO_LANGUAGES) {
      const row = panel.locator(`tr[data-key="sentiment ${language}"]`);
      await expect(row.innerText()).resolves.toMatch(
        /text agrees with stars on \d+ % of [\d,  ]+ rated reviews/,
      );
      // Mostly the gate keeps the shipped analysis on the demo data (and says why).
      await expect(row.innerText()).resolves.toMatch(/Shipped analysis|Shop model \(learnt from/);
    }
    await expect(panel.locator('tr[data-key="reasons *"]').innerText()).resolves.toMatch(
      /^Reasons\s+(Shipped cues|Shop model \(learnt from [\d,  ]+ stated reasons\))/,
    );

    mkdirSync(SHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => {
        if (document.documentElement.dataset['theme'] !== t)
          document.querySelector<HTMLButtonElement>('button.theme')?.click();
      }, theme);
      await page.waitForTimeout(300);
      await panel.screenshot({ path: join(SHOTS, `text-readers-${theme}.png`) });
    }
  });
});
