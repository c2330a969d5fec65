import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments?: readonly {
    readonly filename: string;
    readonly contentType: string;
    readonly content: Buffer;
  }[];
  /** One-click unsubscribe (RFC 8058): `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  readonly unsubscribeUrl?: string | null;
  /** The delivery id, as `X-Returnlens-Delivery`. */
  readonly deliveryId?: string;
}

/** A failure that another attempt will not fix (no SMTP server configured). */
export class PermanentDeliveryError extends Error {}

/**
 * E-mail over SMTP with nodemailer: `SMTP_URL` (`smtp://user:pass@host:587` upgrades with
 * STARTTLS when the server offers it; `smtps://` is TLS from the start), from `SMTP_FROM`.
 * HTML and plain-text parts, attachments, and the one-click unsubscribe headers.
 */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private transporter(): Transporter {
    const url = this.config.notify.smtpUrl;
    if (!url) throw new PermanentDeliveryError('SMTP_URL is not set: e-mail cannot be sent');
    this.transport ??= createTransport(url, {
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as never);
    return this.transport;
  }

  /** Sends one message; resolves with the server's answer, rejects with its error. */
  async send(mail: OutgoingMail): Promise<string> {
    const headers: Record<string, string> = {};
    if (mail.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    if (mail.deliveryId) headers['X-Returnlens-Delivery'] = mail.deliveryId;
    const info = await this.transporter().sendMail({
      from: this.config.notify.smtpFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers,
      attachments: (mail.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    });
    const rejected = (info.rejected ?? []) as unknown[];
    if (rejected.length)
      throw new Error(`the SMTP server refused ${rejected.map(String).join(', ')}`);
    return String(info.response ?? '');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
