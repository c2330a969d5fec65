import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { NotifyWebhookPayload } from '@returnlens/shared/contracts';

/** `sha256=<hex HMAC-SHA256(secret, body)>`: what `X-Returnlens-Signature` carries. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Why a request failed, for the delivery history: the status and the start of the answer. */
function describeFailure(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer within 10 s';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message ?? 'request failed'} (${cause})` : (e?.message ?? String(error));
}

/**
 * Webhooks: POST of the JSON payload (Slack reads its `text`), signed with the
 * subscription's secret. A 2xx answer is success; anything else is an error naming the HTTP
 * status and the first 200 characters of the answer (retried by the DeliveryService).
 */
@Injectable()
export class WebhookChannel {
  async post(
    url: string,
    payload: NotifyWebhookPayload,
    secret: string | null,
    deliveryId: string,
  ): Promise<number> {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Returnlens-Webhook/1',
      'X-Returnlens-Delivery': deliveryId,
    };
    if (secret) headers['X-Returnlens-Signature'] = webhookSignature(secret, body);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new Error(describeFailure(error));
    }
    const text = await response.text().catch(() => '');
    if (response.status < 200 || response.status >= 300)
      throw new Error(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    return response.status;
  }
}
