import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotifyWebhookPayload } from '@returnlens/shared/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';
import { DigestBuilder, type DigestMessage } from '../digest/digest-builder';
import type { OutgoingMail } from '../channels/email.channel';
import type { DeliveryRow, DigestSpec } from './delivery.types';

/** A delivery's message as it goes out, or the reason it does not. */
export type Rendered =
  | { readonly skip: true; readonly subject: string; readonly reason: string }
  | {
      readonly skip: false;
      readonly subject: string;
      readonly mail: Omit<OutgoingMail, 'to' | 'deliveryId'>;
      readonly payload: NotifyWebhookPayload;
    };

/** The Slack-compatible `text`: the subject, the sentences as bullets, the link. */
export function webhookText(
  subject: string,
  items: readonly string[],
  fallback: string,
  link: string,
): string {
  const body = items.length ? items.map((item) => `• ${item}`).join('\n') : fallback;
  return `${subject}\n${body}\n${link}`;
}

/**
 * Turns a queued delivery into what its channel sends: an alert's pre-rendered message, or a
 * digest built now (DigestBuilder) for the subscription's role, filters and attachments —
 * with the unsubscribe link, and `since` the subscription's previous delivered slot. A quiet
 * scheduled digest of a subscription that says `skip` is not sent.
 */
@Injectable()
export class MessageRenderer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digests: DigestBuilder,
  ) {}

  unsubscribeUrl(token: string): string {
    return `${this.config.notify.publicUrl}/api/unsubscribe/${encodeURIComponent(token)}`;
  }

  async render(row: DeliveryRow): Promise<Rendered> {
    if (row.message) {
      const [rule] = row.alertRuleId
        ? await this.db.query('SELECT unsubscribe_token AS token FROM alert_rules WHERE id = $1', [
            row.alertRuleId,
          ])
        : [];
      const m = row.message;
      return {
        skip: false,
        subject: m.subject,
        mail: {
          subject: m.subject,
          text: m.text,
          html: m.html,
          unsubscribeUrl: rule ? this.unsubscribeUrl(rule.token) : null,
        },
        payload: { ...m.payload, sentAt: new Date().toISOString() },
      };
    }
    const source = await this.digestSource(row);
    const email = row.channel === 'email';
    const unsubscribeUrl = source.token ? this.unsubscribeUrl(source.token) : null;
    const message: DigestMessage = await this.digests.build({
      role: source.spec.role,
      filters: source.spec.filters,
      since: source.since,
      publicUrl: this.config.notify.publicUrl,
      unsubscribeUrl,
      attachPdf: email && source.spec.attachPdf,
      attachCsv: email && source.spec.attachCsv,
      userId: source.spec.userId,
      language: source.spec.language ?? null,
    });
    if (message.quiet && source.whenQuiet === 'skip' && row.trigger === 'schedule')
      return {
        skip: true,
        subject: message.subject,
        reason: 'nothing significant; the subscription skips quiet digests',
      };
    const fallback = message.text.split('\n').find((line) => line.trim()) ?? message.subject;
    return {
      skip: false,
      subject: message.subject,
      mail: {
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments,
        unsubscribeUrl,
      },
      payload: {
        text: webhookText(message.subject, message.items, fallback, message.link),
        kind: 'digest',
        role: source.spec.role,
        subject: message.subject,
        period: message.period,
        items: message.items,
        link: message.link,
        sentAt: new Date().toISOString(),
      },
    };
  }

  /** The digest's role, filters and options: the subscription's as they are now, or the row's own. */
  private async digestSource(row: DeliveryRow): Promise<{
    spec: DigestSpec;
    token: string | null;
    since: Date | null;
    whenQuiet: 'note' | 'skip';
  }> {
    if (row.subscriptionId) {
      const [s] = await this.db.query(
        `SELECT role, filters, attach_pdf AS "attachPdf", attach_csv AS "attachCsv", user_id::text AS "userId",
            unsubscribe_token AS token, when_quiet AS "whenQuiet",
            (SELECT max(d.slot) FROM notify_deliveries d
              WHERE d.subscription_id = s.id AND d.status = 'sent' AND d.trigger = 'schedule' AND d.id <> $2) AS since
          FROM notify_subscriptions s WHERE id = $1`,
        [row.subscriptionId, row.id],
      );
      if (!s) throw new Error(`subscription ${row.subscriptionId} no longer exists`);
      return {
        spec: {
          role: s.role,
          filters: s.filters,
          attachPdf: s.attachPdf,
          attachCsv: s.attachCsv,
          userId: s.userId,
        },
        token: s.token,
        since: s.since ? new Date(s.since) : null,
        whenQuiet: s.whenQuiet,
      };
    }
    if (!row.digest) throw new Error('the delivery has neither a message nor a digest to render');
    return { spec: row.digest, token: null, since: null, whenQuiet: 'note' };
  }
}
