import { join } from 'node:path';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { baseUrl, signInAs } from './support/session';

const ROWS = 40_000;
const PHRASES = [
  'Fast delivery but the quality is awful',
  'Отличный товар, всем рекомендую',
  'Nie polecam, szkoda pieniędzy',
  'מוצר מעולה, משלוח מהיר',
  'Great value, exactly as described',
];

/** Reviews of 2019 (outside every period the other browser tests look at), texts distinct. */
function reviewsCsv(): Buffer {
  const lines = ['external_id,source,sku,rating,text,created_at'];
  for (let i = 1; i <= ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `BG-${i},review,BG-SKU-${i % 5},${1 + (i % 5)},"${PHRASES[i % PHRASES.length]} (${i})",2019-02-${day}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

/**
 * A feedback file above INGEST_INLINE_ANALYSIS_MAX (1,000 in the browser tests' API) loaded
 * from the Data page: stored at once, its texts analysed in the background with progress on
 * the Data page and a notice on the Feedback page until done.
 */
describe('Text analysis in the background, in Chromium', () => {
  const browser = useBrowserPage();
  beforeEach(() => signInAs(browser.page(), 'owner'));

  it('shows the batch being analysed on the Data page and "analysing" on the Feedback page, until done', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/data?theme=light`);
    await page.locator('[data-testid=batches]').waitFor();
    await page.locator('[data-testid=kind]').selectOption('feedback');
    await page.locator('[data-testid=file]').setInputFiles({
      name: 'marketplace-reviews-2019.csv',
      mimeType: 'text/csv',
      buffer: reviewsCsv(),
    });
    await page.getByLabel('Column for text').waitFor();
    await page.locator('[data-testid=load]').click();
    await page.locator('[data-testid=report]', { hasText: 'stored' }).waitFor();
    const analysis = page.locator('[data-testid=report-analysis]');
    await expect(analysis.innerText()).resolves.toMatch(
      /Texts \(language, sentiment, reasons\): (waiting to analyse 40,000 texts|analysing [\d,]+ of 40,000)/,
    );
    const row = page.locator('[data-testid=batches] tbody tr', {
      hasText: 'marketplace-reviews-2019.csv',
    });
    await row.locator('.analysis-cell progress').waitFor();
    await page.screenshot({
      path: join(WORKSPACE_ROOT, 'docs/screenshots/data-analysing-light.png'),
      fullPage: true,
    });

    // Meanwhile the Feedback page says its figures are provisional.
    await page.goto(`${baseUrl()}/feedback?theme=light`);
    const notice = page.locator('[data-testid=analysing]');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toMatch(
      /Analysing: [\d,]+ texts of 1 batch are still being analysed/,
    );
    await page.screenshot({
      path: join(WORKSPACE_ROOT, 'docs/screenshots/feedback-analysing-light.png'),
    });
    // The notice goes by itself once the analysis is done (the page asks again).
    await notice.waitFor({ state: 'detached', timeout: 120_000 });

    // The Data page says the batch is analysed.
    await page.goto(`${baseUrl()}/data?theme=light`);
    await row.locator('.analysis-cell', { hasText: '40,000 analysed' }).waitFor();
    await page.screenshot({
      path: join(WORKSPACE_ROOT, 'docs/screenshots/data-analysed-light.png'),
      fullPage: true,
    });
  });
});
