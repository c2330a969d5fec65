import {
  FILTER_KEYS,
  type AnalyticsFilters,
  type DigestRole,
  type FilterKey,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import type { CsvValue } from '@returnlens/api/shared/util';
import { ENGLISH, notifyText, type NotifyText } from '../i18n/notify-text';
import { escapeHtml } from './format';

/** One sentence of a digest, optionally with a link (to the item's page on the dashboard). */
export interface DigestLine {
  readonly text: string;
  readonly href?: string;
  readonly linkText?: string;
}

export interface DigestSection {
  readonly title: string;
  readonly lines: readonly DigestLine[];
  /** A closing remark under the lines (what was tested, how many more are in the CSV). */
  readonly note?: string;
}

/** A table of the digest, attached as CSV (`always`: attached whether or not CSVs were asked for). */
export interface DigestTable {
  readonly filename: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
  readonly always?: boolean;
}

/** Everything a digest says, before it is written as HTML and as plain text. */
export interface DigestContent {
  readonly role: DigestRole;
  /** The reader's language: every text below is in it, and the HTML says it (`lang`, `dir`). */
  readonly language: UiLanguage;
  readonly subject: string;
  /** "Owner digest". */
  readonly kicker: string;
  /** "Week 48, 2026". */
  readonly title: string;
  /** "23–29 Nov 2026 · Supplier: SUP-001". */
  readonly scope: string;
  /** The summary line; for a quiet digest the one line it has. */
  readonly headline: string;
  readonly quiet: boolean;
  readonly period: string;
  readonly sections: readonly DigestSection[];
  readonly items: readonly string[];
  readonly link: string;
  readonly linkText: string;
  readonly unsubscribeUrl: string | null;
  readonly tables: readonly DigestTable[];
}

/** "Owner digest", in the reader's words. */
export function roleTitle(role: DigestRole, text: NotifyText = ENGLISH): string {
  return text.t(`role.${role}`);
}

/** Filters whose values are the product's vocabulary (written as words), by their word group. */
const VOCABULARY_FILTERS: Partial<Record<FilterKey, 'channel' | 'type' | 'reason'>> = {
  channel: 'channel',
  type: 'type',
  reason: 'reason',
};

/**
 * A filter's values in words: channels, claim types and reasons by the product's vocabulary
 * (`web_form` → "Web form", "Formularz"), the rest (suppliers, products, the shop's own
 * reasons) as the shop wrote them.
 */
export function filterValues(
  key: FilterKey,
  values: readonly string[],
  text: NotifyText = ENGLISH,
): string {
  const group = VOCABULARY_FILTERS[key];
  return values.map((value) => (group ? text.word(group, value, value) : value)).join(', ');
}

/** The value filters in words ("Supplier: SUP-001 · Channel: Email"), '' for none. */
export function describeFilters(filters: AnalyticsFilters, text: NotifyText = ENGLISH): string {
  return FILTER_KEYS.filter((key) => filters[key]?.length)
    .map((key) => `${text.t(`filter.${key}`)}: ${filterValues(key, filters[key] ?? [], text)}`)
    .join(' · ');
}

/**
 * A dashboard address: `publicUrl` + the page + its own parameters (`week`, `from`, `to`) + the
 * value filters as the web app reads them (`?supplier=A,B&channel=email`).
 */
export function dashboardUrl(
  publicUrl: string,
  path: string,
  filters: AnalyticsFilters,
  extra: Readonly<Record<string, string | undefined>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values?.length) params.set(key, values.join(','));
  }
  const query = params.toString().replace(/%2C/g, ',');
  return `${publicUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}

/** The shop as the subject names it: the dashboard's host ("Returnlens (shop.example.com)"). */
export function shopName(publicUrl: string): string {
  try {
    return `Returnlens (${new URL(publicUrl).host})`;
  } catch {
    return 'Returnlens';
  }
}

// ---- plain text

/** The plain-text part: the same sentences, links written out. */
export function renderText(c: DigestContent, attachments: readonly string[] = []): string {
  const { t, locale } = notifyText(c.language);
  const out: string[] = [];
  out.push(`${c.kicker} · ${c.title}`);
  if (c.scope) out.push(c.scope);
  out.push('', c.headline);
  for (const section of c.sections) {
    out.push('', section.title.toLocaleUpperCase(locale));
    for (const line of section.lines) {
      out.push(`- ${line.text}`);
      if (line.href) out.push(`  ${line.linkText ? `${line.linkText}: ` : ''}${line.href}`);
    }
    if (section.note) out.push(section.note);
  }
  out.push('', `${c.linkText}: ${c.link}`);
  if (attachments.length) out.push(t('digest.attached', { files: attachments.join(', ') }));
  if (c.unsubscribeUrl) out.push('', `${t('digest.unsubscribe')}: ${c.unsubscribeUrl}`);
  return `${out.join('\n')}\n`;
}

// ---- HTML (tables and inline styles only: what mail clients render)

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const MUTED = '#5b6472';
const TEXT = '#111827';
const ACCENT = '#1d4ed8';

function lineHtml(line: DigestLine, text: NotifyText): string {
  const link = line.href
    ? ` <a href="${escapeHtml(line.href)}" style="color:${ACCENT};text-decoration:underline;">${escapeHtml(line.linkText ?? text.t('digest.open'))}</a>`
    : '';
  return (
    `<tr><td valign="top" width="16" style="${FONT}width:16px;font-size:14px;line-height:21px;color:${MUTED};padding:3px 0;">&#8226;</td>` +
    `<td style="${FONT}font-size:14px;line-height:21px;color:${TEXT};padding:3px 0;">${escapeHtml(line.text)}${link}</td></tr>`
  );
}

function sectionHtml(section: DigestSection, text: NotifyText): string {
  return (
    `<tr><td style="padding:14px 28px 4px 28px;">` +
    `<h2 style="${FONT}margin:0 0 6px 0;font-size:16px;line-height:22px;color:${TEXT};">${escapeHtml(section.title)}</h2>` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${section.lines.map((line) => lineHtml(line, text)).join('')}</table>` +
    (section.note
      ? `<p style="${FONT}margin:6px 0 0 0;font-size:12px;line-height:18px;color:${MUTED};">${escapeHtml(section.note)}</p>`
      : '') +
    `</td></tr>`
  );
}

/**
 * The HTML part: one table layout, inline styles, no script, no external CSS or image; every
 * text escaped. In the reader's language: `lang` and `dir` on the document and again on the
 * layout table (some mail clients drop the `<html>` element), the headline's bar on the start
 * side (the right in Hebrew).
 */
export function renderHtml(c: DigestContent, attachments: readonly string[] = []): string {
  const text = notifyText(c.language);
  const { t, dir } = text;
  const start = dir === 'rtl' ? 'right' : 'left';
  const rows: string[] = [];
  rows.push(
    `<tr><td style="${FONT}padding:22px 28px 0 28px;font-size:12px;line-height:16px;letter-spacing:1px;text-transform:uppercase;color:${MUTED};">Returnlens &#183; ${escapeHtml(c.kicker)}</td></tr>`,
    `<tr><td style="padding:4px 28px 0 28px;"><h1 style="${FONT}margin:0;font-size:22px;line-height:28px;color:${TEXT};">${escapeHtml(c.title)}</h1>` +
      (c.scope
        ? `<p style="${FONT}margin:2px 0 0 0;font-size:13px;line-height:18px;color:${MUTED};">${escapeHtml(c.scope)}</p>`
        : '') +
      `</td></tr>`,
    `<tr><td style="padding:16px 28px 4px 28px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
      `<td style="${FONT}padding:12px 14px;font-size:15px;line-height:22px;font-weight:bold;color:${TEXT};background:${c.quiet ? '#f3f4f6' : '#eef2ff'};border-${start}:4px solid ${c.quiet ? '#9ca3af' : ACCENT};" data-testid="digest-headline">${escapeHtml(c.headline)}</td>` +
      `</tr></table></td></tr>`,
  );
  for (const section of c.sections) rows.push(sectionHtml(section, text));
  rows.push(
    `<tr><td style="padding:18px 28px 6px 28px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
      `<td style="background:${ACCENT};border-radius:6px;"><a href="${escapeHtml(c.link)}" style="${FONT}display:inline-block;padding:10px 18px;font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(c.linkText)}</a></td>` +
      `</tr></table></td></tr>`,
  );
  const footer: string[] = [];
  if (attachments.length)
    footer.push(escapeHtml(t('digest.attached', { files: attachments.join(', ') })));
  if (c.unsubscribeUrl)
    footer.push(
      `${escapeHtml(t('digest.why', { role: c.role }))} ` +
        `<a href="${escapeHtml(c.unsubscribeUrl)}" style="color:${MUTED};text-decoration:underline;">${escapeHtml(t('digest.unsubscribe'))}</a>`,
    );
  if (footer.length)
    rows.push(
      `<tr><td style="${FONT}padding:14px 28px 22px 28px;font-size:12px;line-height:18px;color:${MUTED};border-top:1px solid #e5e7eb;">${footer.join('<br>')}</td></tr>`,
    );
  return (
    `<!DOCTYPE html><html lang="${c.language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(c.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f4f6;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:24px 10px;">` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="width:100%;max-width:640px;background:#ffffff;border:1px solid #e5e7eb;direction:${dir};text-align:${start};">` +
    rows.join('') +
    `</table></td></tr></table></body></html>`
  );
}
