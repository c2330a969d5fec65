import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

/**
 * A webhook's signing secret, shown once after it is created, with how the receiver checks
 * the `X-Returnlens-Signature` header.
 */
@Component({
  selector: 'rl-webhook-secret',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="secret" role="status" data-testid="webhook-secret">
      <p class="secret-title">
        Signing secret of the webhook to <bdi class="break">{{ target() }}</bdi>
      </p>
      <div class="secret-row">
        <input
          #box
          type="text"
          readonly
          [value]="secret()"
          aria-label="Signing secret"
          (focus)="box.select()"
          data-testid="secret-value"
        />
        <button type="button" (click)="copy(box)">{{ copied() ? 'Copied' : 'Copy' }}</button>
      </div>
      <p class="secret-note">
        It is shown only now: store it where the receiver reads it. Every POST carries
        <code>X-Returnlens-Signature: sha256=&lt;hex&gt;</code>, the HMAC-SHA256 of the raw request
        body with this secret. Compute it over the body exactly as received and compare in constant
        time, e.g. in Node.js:
      </p>
      <pre><code>const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.headers['x-returnlens-signature']));</code></pre>
      <p class="secret-note">
        The body is JSON with a Slack-compatible <code>text</code>;
        <code>X-Returnlens-Delivery</code>
        names the delivery (the same id on a retry).
      </p>
      <button type="button" class="done" (click)="done.emit()">Done — hide it</button>
    </div>
  `,
  styleUrls: ['./notify.scss', './notify-form.scss'],
})
export class WebhookSecretComponent {
  readonly target = input.required<string>();
  readonly secret = input.required<string>();
  readonly done = output<void>();
  protected readonly copied = signal(false);

  protected async copy(box: HTMLInputElement): Promise<void> {
    box.select();
    try {
      await navigator.clipboard.writeText(this.secret());
      this.copied.set(true);
    } catch {
      // No clipboard access (insecure context): the text stays selected for Ctrl+C.
      this.copied.set(false);
    }
  }
}
