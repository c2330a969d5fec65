import { createHmac } from 'node:crypto';
import { webhookSignature } from '../channels/webhook.channel';
import { webhookText } from './message-renderer';
import { MAX_ATTEMPTS, retryDelaySeconds } from './delivery.types';

describe('delivery rules', () => {
  it('waits the base, then four times it, over three attempts', () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(retryDelaySeconds(30, 1)).toBe(30);
    expect(retryDelaySeconds(30, 2)).toBe(120);
    expect(retryDelaySeconds(1, 1)).toBe(1);
  });

  it('signs the raw body with HMAC-SHA256 of the secret', () => {
    const body = '{"text":"Zażółć"}';
    expect(webhookSignature('s3cret', body)).toBe(
      `sha256=${createHmac('sha256', 's3cret').update(Buffer.from(body, 'utf8')).digest('hex')}`,
    );
    expect(webhookSignature('other', body)).not.toBe(webhookSignature('s3cret', body));
  });

  it('writes the Slack text: subject, the sentences as bullets, the link', () => {
    expect(webhookText('Owner digest', ['A moved', 'B moved'], 'quiet', 'http://x/weekly')).toBe(
      'Owner digest\n• A moved\n• B moved\nhttp://x/weekly',
    );
    expect(webhookText('Owner digest', [], 'Nothing moved.', 'http://x')).toBe(
      'Owner digest\nNothing moved.\nhttp://x',
    );
  });
});
