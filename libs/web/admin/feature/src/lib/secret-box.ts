import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

/** A secret shown once (a one-time password, an API token), with a copy button. */
@Component({
  selector: 'rl-secret-box',
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
        <button type="button" (click)="copy(box)">{{ copied() ? 'Copied' : 'Copy' }}</button>
      </div>
      <p class="secret-note">{{ note() }}</p>
      <button type="button" class="done" (click)="done.emit()">Done — hide it</button>
    </div>
  `,
  styleUrl: './admin.scss',
})
export class SecretBoxComponent {
  readonly title = input.required<string>();
  readonly secret = input.required<string>();
  readonly note = input('It is shown only now: copy it before you close this box.');
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
