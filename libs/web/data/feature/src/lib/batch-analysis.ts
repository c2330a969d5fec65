import type { BatchAnalysis } from '@returnlens/shared/contracts';
import { english, type Translate } from './i18n/page-text';

/** How often the Data page asks for the batches again while one is being analysed. */
export const ANALYSIS_POLL_MS = 2_000;

/** True while a batch's texts are waiting for or in the background analysis. */
export function isAnalysing(analysis: BatchAnalysis | null | undefined): boolean {
  return analysis?.status === 'pending' || analysis?.status === 'running';
}

/**
 * A batch's text analysis in a few words, in the page's language (English by default):
 * "analysing 3,000 of 30,000 (10 %)", "waiting to analyse 30,000 texts", "12,000 analysed",
 * "analysis failed"; "—" for a batch without texts to analyse.
 */
export function analysisLabel(
  analysis: BatchAnalysis | null | undefined,
  translate: Translate = english,
): string {
  if (!analysis) return '—';
  const { analysed, total } = analysis;
  switch (analysis.status) {
    case 'pending':
      return translate('analysis.pending', { total });
    case 'running': {
      const percent = total ? Math.floor((analysed / total) * 100) : 0;
      return translate('analysis.running', { analysed, total, percent });
    }
    case 'failed':
      return translate('analysis.failed', { analysed, total });
    default:
      return translate('analysis.done', { total });
  }
}
