import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  isUiLanguage,
  permissionsOf,
  type AnalyticsFilters,
  type DigestRole,
  type Permission,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import {
  RecordsQuery,
  ScorecardsQuery,
  SlaQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import { AccountsService, hashToken, newToken } from '@returnlens/api/auth/data-access';
import {
  APP_CONFIG,
  csvText,
  DEFAULT_SHOP_ID,
  minuteNow,
  type AppConfig,
} from '@returnlens/api/shared/util';
import {
  composeBuyer,
  composeManager,
  composeOwner,
  EVIDENCE_SUPPLIERS,
  fileSafe,
  flaggedSuppliers,
  type DigestBase,
} from './compose';
import { DigestPdfError, renderDashboardPdf, type PdfPage } from './pdf';
import {
  dashboardUrl,
  renderHtml,
  renderText,
  type DigestContent,
  type DigestTable,
} from './render';

export interface DigestRequest {
  readonly role: DigestRole;
  readonly filters: AnalyticsFilters;
  /** The previous delivered slot of this subscription (manager: breaches since then); null: 7 days ago. */
  readonly since: Date | null;
  /** PUBLIC_URL or http://localhost:<PORT>, no trailing slash. */
  readonly publicUrl: string;
  readonly unsubscribeUrl: string | null;
  readonly attachPdf: boolean;
  readonly attachCsv: boolean;
  /** Whose view the PDF is rendered as (null: an owner's view). */
  readonly userId: string | null;
  /**
   * The language to write in; when not given, the reader's: `userId`'s own choice, else the
   * shop's default, else English.
   */
  readonly language?: UiLanguage | null;
}

export interface DigestAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface DigestMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Nothing significant (skipped when the subscription says `whenQuiet: 'skip'`). */
  readonly quiet: boolean;
  /** The sentences (movers, suppliers, breaches): the webhook's `items`. */
  readonly items: string[];
  /** The ISO week the digest is about, e.g. `2026-W48`. */
  readonly period: string;
  /** The same view on the dashboard, with the filters. */
  readonly link: string;
  readonly attachments: DigestAttachment[];
}

/** An evidence pack lists at most this many claims (the newest). */
export const EVIDENCE_ROWS = 5_000;
/** The PDF's session lives this long at most (it is removed as soon as the PDF is printed). */
const PDF_SESSION_MINUTES = 5;
const DAY_MS = 86_400_000;

/** Which dashboard page each digest's PDF prints, and the permission the reader needs for it. */
const PDF_OF: Readonly<
  Record<DigestRole, { page: PdfPage; path: string; permission: Permission }>
> = {
  owner: { page: 'weekly', path: '/weekly', permission: 'claims' },
  manager: { page: 'weekly', path: '/weekly', permission: 'claims' },
  buyer: { page: 'suppliers', path: '/suppliers', permission: 'suppliers' },
};

/**
 * The three role digests (docs/notifications.md): the figures the dashboard shows — the weekly
 * report, the suppliers scorecard, the SLA report — written for their reader as HTML and plain
 * text, with the tables as CSV and the weekly report as a PDF printed by headless Chromium.
 */
@Injectable()
export class DigestBuilder {
  constructor(
    private readonly weekly: WeeklyQuery,
    private readonly scorecards: ScorecardsQuery,
    private readonly slaQuery: SlaQuery,
    private readonly records: RecordsQuery,
    private readonly accounts: AccountsService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(request: DigestRequest, now = minuteNow()): Promise<DigestMessage> {
    // A digest is about the latest complete week: a subscription's filters narrow, never pin a period.
    const filters: AnalyticsFilters = Object.fromEntries(
      Object.entries(request.filters).filter(([key]) => key !== 'from' && key !== 'to'),
    );
    const language = request.language ?? (await this.readerLanguage(request.userId));
    const base: DigestBase = {
      publicUrl: request.publicUrl.replace(/\/+$/, ''),
      filters,
      unsubscribeUrl: request.unsubscribeUrl,
      language,
    };
    const report = await this.weekly.weekly(filters, now);
    let content: DigestContent;
    switch (request.role) {
      case 'owner':
        content = composeOwner(report, base);
        break;
      case 'buyer': {
        const scorecard = await this.scorecards.suppliers({ ...filters, to: report.week.week });
        const flagged = flaggedSuppliers(report.movers, scorecard).slice(0, EVIDENCE_SUPPLIERS);
        const evidence = new Map<string, DigestTable>();
        for (const f of flagged)
          evidence.set(
            f.supplierId,
            await this.evidencePack(f.supplierId, {
              ...filters,
              supplier: [f.supplierId],
              from: scorecard.period.from.week,
              to: scorecard.period.to.week,
            }),
          );
        content = composeBuyer({ report, scorecard, evidence }, base);
        break;
      }
      case 'manager': {
        const sla = await this.slaQuery.sla(filters, 'calendar', now, false, null);
        const since = request.since ?? new Date(now.getTime() - 7 * DAY_MS);
        content = composeManager({ report, sla, since, now }, base);
        break;
      }
    }

    const attachments: DigestAttachment[] = content.tables
      .filter((t) => t.always || request.attachCsv)
      .map((t) => ({
        filename: t.filename,
        contentType: 'text/csv; charset=utf-8',
        content: Buffer.from(csvText(t.header, t.rows), 'utf8'),
      }));
    if (request.attachPdf) {
      const pdf = PDF_OF[request.role];
      const path =
        pdf.page === 'weekly'
          ? dashboardUrl('', pdf.path, filters, { week: report.week.week })
          : // The digest's own link, on the API's address instead of PUBLIC_URL.
            content.link.slice(base.publicUrl.length);
      attachments.push({
        filename: `${pdf.page === 'weekly' ? 'weekly-report' : 'suppliers'}-${content.period}.pdf`,
        contentType: 'application/pdf',
        content: await this.pdf(request.userId, pdf.page, path, pdf.permission, language),
      });
    }
    const names = attachments.map((a) => a.filename);
    return {
      subject: content.subject,
      text: renderText(content, names),
      html: renderHtml(content, names),
      quiet: content.quiet,
      items: [...content.items],
      period: content.period,
      link: content.link,
      attachments,
    };
  }

  /**
   * The language a reader is written to in: the one they chose (kept with their account), else
   * the shop's default (an admin's setting), else English. Without a reader, the shop's.
   */
  async readerLanguage(userId: string | null): Promise<UiLanguage> {
    const [row] = await this.db.query<{ language: string | null }[]>(
      `SELECT coalesce(
          (SELECT language FROM users WHERE shop_id = $1 AND id = $2::bigint),
          (SELECT default_language FROM shop_settings WHERE shop_id = $1)
        ) AS language`,
      [DEFAULT_SHOP_ID, userId],
    );
    return isUiLanguage(row?.language) ? row.language : 'en';
  }

  /** The HTML of a digest without attachments (the Subscriptions page's preview). */
  async preview(request: DigestRequest, now = minuteNow()): Promise<string> {
    return (await this.build({ ...request, attachPdf: false, attachCsv: false }, now)).html;
  }

  /**
   * A supplier's evidence pack: its defect claims of the period as the supplier pages show
   * them (product, reason, the customer's words; nothing of how the claim was handled),
   * newest first, through the same export the dashboard's CSV download uses.
   */
  private async evidencePack(supplierId: string, filters: AnalyticsFilters): Promise<DigestTable> {
    const cursor = await this.records
      .supplierClaimExport(
        filters,
        { page: 1, pageSize: EVIDENCE_ROWS, sort: 'openedAt', order: 'desc' },
        { defect: true },
      )
      .open();
    const rows: (readonly unknown[])[] = [];
    try {
      for (let batch = await cursor.next(); batch !== null; batch = await cursor.next()) {
        rows.push(...batch);
        if (rows.length >= EVIDENCE_ROWS) break;
      }
    } finally {
      await cursor.close();
    }
    return {
      filename: `evidence-${fileSafe(supplierId)}.csv`,
      header: cursor.columns.map((c) => c.name),
      rows: rows.slice(0, EVIDENCE_ROWS) as DigestTable['rows'],
      always: true,
    };
  }

  /**
   * The page as PDF, rendered for the subscriber (or, without one, the first owner account):
   * a session of a few minutes is opened for the browser and removed right after.
   */
  private async pdf(
    userId: string | null,
    page: PdfPage,
    path: string,
    permission: Permission,
    language: UiLanguage,
  ): Promise<Buffer> {
    const [user] = await this.db.query<
      { id: string; email: string; roles: string[]; must: boolean; disabled: boolean }[]
    >(
      `SELECT id::text, email, roles, must_change_password AS must, disabled_at IS NOT NULL AS disabled
         FROM users
        WHERE shop_id = $1 AND ${userId === null ? `'owner' = ANY(roles) AND disabled_at IS NULL AND NOT must_change_password` : 'id = $2::bigint'}
        ORDER BY id LIMIT 1`,
      userId === null ? [DEFAULT_SHOP_ID] : [DEFAULT_SHOP_ID, userId],
    );
    const who = userId === null ? 'an owner account' : `user ${userId}`;
    if (!user)
      throw new DigestPdfError(
        userId === null
          ? 'The PDF needs an owner account with a password of its own to render the dashboard as; there is none'
          : `The PDF is rendered as ${who}, who does not exist`,
      );
    if (user.disabled)
      throw new DigestPdfError(`The PDF is rendered as ${user.email}, whose account is disabled`);
    if (user.must)
      throw new DigestPdfError(
        `The PDF is rendered as ${user.email}, who must choose a new password first (sign in once)`,
      );
    if (!permissionsOf({ roles: user.roles }).includes(permission))
      throw new DigestPdfError(
        `The PDF shows the ${page === 'weekly' ? 'weekly report' : 'suppliers scorecard'}, which ${user.email} may not open (needs the ${permission} permission)`,
      );
    const sessionId = newToken('');
    const sessionHash = hashToken(sessionId);
    const csrf = newToken('');
    await this.db.query(
      `INSERT INTO sessions (id_hash, user_id, csrf_hash, expires_at, ip, user_agent)
       VALUES ($1, $2::bigint, $3, now() + make_interval(mins => $4), '127.0.0.1', 'Returnlens digest PDF')`,
      [sessionHash, user.id, hashToken(csrf), PDF_SESSION_MINUTES],
    );
    try {
      return await renderDashboardPdf({
        origin: this.origin(),
        path,
        page,
        sessionId,
        csrf,
        language,
      });
    } finally {
      await this.accounts.signOut(sessionHash);
    }
  }

  /** The API's own address on this machine: it serves the dashboard (not PUBLIC_URL). */
  private origin(): string {
    const host = this.config.host;
    const local = ['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(host);
    const name = local ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return `http://${name}:${this.config.port}`;
  }
}
