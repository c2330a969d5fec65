export * from './digest-builder';
export { DigestPdfError, renderDashboardPdf, PDF_PAGES, type PdfPage } from './pdf';
export { escapeHtml } from './format';
/** The digests' number formats (the dashboard's), for other messages that quote figures. */
export * as digestFormat from './format';
export {
  atRiskSentence,
  breachSentence,
  kpiSentence,
  moverSentence,
  quietLine,
  slaPolicySentence,
  supplierLimitSentence,
  supplierRiseSentence,
  type KpiLine,
} from './sentences';
export { dashboardUrl } from './render';
