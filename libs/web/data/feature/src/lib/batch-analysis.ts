import type { BatchAnalysis } from '@returnlens/shared/contracts';

/** How often the Data page asks for the batches again while one is being analysed. */
export const ANALYSIS_POLL_MS = 2_000;

/** True while a batch's texts are waiting for or in the background analysis. */
export function isAnalysing(analysis: BatchAnalysis | null | undefined): boolean {
  return analysis?.status === 'pending' || analysis?.status === 'running';
}

/**
 * A batch's text analysis in a few words: "analysing 3,000 of 30,000 (10 %)", "waiting to
 * analyse 30,000 texts", "12,000 analysed", "analysis failed"; "—" for a batch without texts
 * to analyse.
 */
export function analysisLabel(
  analysis: BatchAnalysis | null | undefined,
  locale = 'en-US',
): string {
  if (!analysis) return '—';
  const n = (value: number) => value.toLocaleString(locale);
  switch (analysis.status) {
    case 'pending':
      return `waiting to analyse ${n(analysis.total)} texts`;
    case 'running': {
      const percent = analysis.total ? Math.floor((analysis.analysed / analysis.total) * 100) : 0;
      return `analysing ${n(analysis.analysed)} of ${n(analysis.total)} (${percent} %)`;
    }
    case 'failed':
      return `analysis failed after ${n(analysis.analysed)} of ${n(analysis.total)}`;
    default:
      return `${n(analysis.total)} analysed`;
  }
}
