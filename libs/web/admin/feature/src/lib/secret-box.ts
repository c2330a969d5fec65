import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** A secret shown once (a one-time password, an API token), with a copy button. */
@Component({
  selector: 'rl-secret-box',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="secret" role="status" [attr.data-testid]="testId()">
      <p class="secret-title">{{ title() }}</p>
      <div class="secret-row">
        <input
          #box
          type="text"
          readonly
          [value]="secret()"
          [attr.aria-label]="title()"
          (focus)="box.select()"
          data-testid="secret-value"
        />
        <button type="button" (click)="copy(box)">
          {{ (copied() ? 'admin.secret.copied' : 'admin.secret.copy') | transloco }}
        </button>
      </div>
      <p class="secret-note">{{ note() ?? ('admin.secret.note' | transloco) }}</p>
      <button type="button" class="done" (click)="done.emit()">
        {{ 'admin.secret.done' | transloco }}
      </button>
    </div>
  `,
  styleUrl: './admin.scss',
})
export class SecretBoxComponent {
  readonly title = input.required<string>();
  readonly secret = input.required<string>();
  /** The note under the secret, in words (default: copy it before closing). */
  readonly note = input<string | null>(null);
  readonly testId = input('secret');
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
