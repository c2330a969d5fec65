import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A webhook's signing secret, shown once after it is created, with how the receiver checks
 * the `X-Returnlens-Signature` header.
 */
@Component({
  selector: 'rl-webhook-secret',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="secret" role="status" data-testid="webhook-secret">
      <p class="secret-title">
        {{ 'subscriptions.webhook.title' | transloco: { target: isolate(target()) } }}
      </p>
      <div class="secret-row">
        <input
          #box
          type="text"
          readonly
          [value]="secret()"
          [attr.aria-label]="'subscriptions.webhook.label' | transloco"
          (focus)="box.select()"
          data-testid="secret-value"
        />
        <button type="button" (click)="copy(box)">
          {{ (copied() ? 'subscriptions.common.copied' : 'subscriptions.common.copy') | transloco }}
        </button>
      </div>
      <p class="secret-note">{{ 'subscriptions.webhook.note1' | transloco }}</p>
      <pre dir="ltr"><code>X-Returnlens-Signature: sha256=&lt;hex&gt;</code></pre>
      <p class="secret-note">{{ 'subscriptions.webhook.note2' | transloco }}</p>
      <pre
        dir="ltr"
      ><code>const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.headers['x-returnlens-signature']));</code></pre>
      <p class="secret-note">{{ 'subscriptions.webhook.note3' | transloco }}</p>
      <button type="button" class="done" (click)="done.emit()">
        {{ 'subscriptions.common.done' | transloco }}
      </button>
    </div>
  `,
  styleUrls: ['./notify.scss', './notify-form.scss'],
})
export class WebhookSecretComponent {
  readonly target = input.required<string>();
  readonly secret = input.required<string>();
  readonly done = output<void>();
  protected readonly copied = signal(false);

  /** An address kept in its own direction inside a sentence (Unicode first-strong isolate). */
  protected isolate(text: string): string {
    return `\u2068${text}\u2069`;
  }

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
