import { analysisLabel, isAnalysing } from './batch-analysis';

describe('a batch’s text analysis on the Data page', () => {
  it('says how far the background analysis is', () => {
    expect(analysisLabel({ status: 'pending', analysed: 0, total: 30_000 })).toBe(
      'waiting to analyse 30,000 texts',
    );
    expect(analysisLabel({ status: 'running', analysed: 3_000, total: 30_000 })).toBe(
      'analysing 3,000 of 30,000 (10 %)',
    );
    expect(analysisLabel({ status: 'running', analysed: 29_999, total: 30_000 })).toBe(
      'analysing 29,999 of 30,000 (99 %)',
    );
    expect(analysisLabel({ status: 'done', analysed: 12, total: 12 })).toBe('12 analysed');
    expect(analysisLabel({ status: 'failed', analysed: 5, total: 9 })).toBe(
      'analysis failed after 5 of 9',
    );
    expect(analysisLabel(null)).toBe('—');
  });

  it('polls only while a batch waits for or is in the analysis', () => {
    expect(isAnalysing({ status: 'pending', analysed: 0, total: 1 })).toBe(true);
    expect(isAnalysing({ status: 'running', analysed: 0, total: 1 })).toBe(true);
    expect(isAnalysing({ status: 'done', analysed: 1, total: 1 })).toBe(false);
    expect(isAnalysing(null)).toBe(false);
    expect(isAnalysing(undefined)).toBe(false);
  });
});
