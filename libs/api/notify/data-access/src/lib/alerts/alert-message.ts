import {
  FILTER_KEYS,
  type AlertKind,
  type AlertMetric,
  type AnalyticsFilters,
  type NotifyWebhookPayload,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import { escapeHtml } from '../digest/format';
import { filterValues } from '../digest/render';
import { ENGLISH, notifyText, type NotifyText } from '../i18n/notify-text';

/** An alert's message, rendered when its event is created (the delivery sends it as is). */
export interface AlertMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly payload: NotifyWebhookPayload;
}

export interface AlertMessageInput {
  readonly ruleName: string;
  readonly metric: AlertMetric;
  readonly kind: AlertKind;
  readonly filters: AnalyticsFilters;
  readonly quietHours: number;
  /** The event's period (`2026-W47`, `2026-W47:SUP-7`) and the ISO week it is about. */
  readonly period: string;
  readonly week: string;
  readonly sentence: string;
  /** The dashboard view of the figure. */
  readonly link: string;
  readonly unsubscribeUrl: string;
  readonly at: Date;
  /** The language of the rule's owner (else the shop's): the frame around the sentence is in it. */
  readonly language?: UiLanguage;
}

/** The dashboard page that shows a figure. */
const PAGES: Readonly<Record<AlertMetric, string>> = {
  sla_attainment: '/sla',
  return_rate: '/weekly',
  claims: '/weekly',
  refunds_paid: '/money',
  net_sentiment: '/feedback',
  defect_rate: '/suppliers',
};

/**
 * The dashboard view of an alert's figure: its page with the rule's filters and the week (the
 * filter bar's URL parameters); a supplier's own page for a supplier's alert.
 */
export function alertLink(
  publicUrl: string,
  metric: AlertMetric,
  filters: AnalyticsFilters,
  week: string,
  supplierId?: string,
): string {
  const params = new URLSearchParams();
  if (PAGES[metric] === '/weekly') params.set('week', week);
  else {
    params.set('from', week);
    params.set('to', week);
  }
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values?.length) params.set(key, values.join(','));
  }
  const page = supplierId ? `/suppliers/${encodeURIComponent(supplierId)}` : PAGES[metric];
  return `${publicUrl}${page}?${params.toString()}`;
}

/** The filters in words: `Supplier SUP-7; Channel Email` (empty: none). */
export function filtersInWords(filters: AnalyticsFilters, text: NotifyText = ENGLISH): string {
  return FILTER_KEYS.filter((k) => filters[k]?.length)
    .map((k) => `${text.t(`filter.${k}`)} ${filterValues(k, filters[k]!, text)}`)
    .join('; ');
}

/**
 * Subject, plain text, HTML (inline styles, no scripts, every user text escaped) and the
 * webhook body (Slack reads `text`).
 */
export function renderAlertMessage(input: AlertMessageInput): AlertMessage {
  const words = notifyText(input.language);
  const { t, dir } = words;
  const subject = t('alert.subject', { rule: input.ruleName, week: input.week });
  const scope = filtersInWords(input.filters, words);
  const about = t(scope ? 'alert.aboutFiltered' : 'alert.about', {
    metric: t(`alert.metric.${input.metric}`),
    kind: t(`alert.kind.${input.kind}`),
    filters: scope,
  });
  const quiet =
    input.quietHours > 0 ? t('alert.quietHours', { hours: input.quietHours }) : t('alert.once');
  const rule = t('alert.rule', { rule: input.ruleName, about, quiet });
  const text = [
    input.sentence,
    '',
    t('alert.seeAt', { link: input.link }),
    '',
    rule,
    t('alert.stopAt', { link: input.unsubscribeUrl }),
  ].join('\n');
  const p = 'margin:0 0 12px 0;';
  const start = dir === 'rtl' ? 'right' : 'left';
  const html = `<!DOCTYPE html>
<html lang="${words.language}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #dfe3e8;border-radius:6px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:15px;line-height:1.5;direction:${dir};text-align:${start};">
<tr><td style="padding:20px 24px 4px 24px;">
<p style="${p}font-size:12px;color:#b42318;text-transform:uppercase;letter-spacing:0.05em;font-weight:bold;">${escapeHtml(t('alert.kicker', { week: input.week }))}</p>
<h1 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;color:#1f2933;">${escapeHtml(input.ruleName)}</h1>
<p style="${p}font-size:16px;border-${start}:4px solid #b42318;padding-${start}:12px;padding-top:4px;padding-bottom:4px;">${escapeHtml(input.sentence)}</p>
<p style="${p}"><a href="${escapeHtml(input.link)}" style="color:#1d4ed8;">${escapeHtml(t('alert.see'))}</a></p>
</td></tr>
<tr><td style="padding:8px 24px 20px 24px;border-top:1px solid #dfe3e8;font-size:12px;color:#52606d;">
<p style="${p}">${escapeHtml(rule)}</p>
<p style="margin:0;"><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#52606d;">${escapeHtml(t('alert.stop'))}</a></p>
</td></tr>
</table></td></tr></table>
</body></html>`;
  const payload: NotifyWebhookPayload = {
    text: `${subject}\n${input.sentence}\n${input.link}`,
    kind: 'alert',
    subject,
    period: input.period,
    items: [input.sentence],
    link: input.link,
    sentAt: input.at.toISOString(),
  };
  return { subject, text, html, payload };
}
