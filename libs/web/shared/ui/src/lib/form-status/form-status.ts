import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One problem that stops a form: `field` is a dotted path, or `''` for the whole form. */
export interface FormStatusProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Beside a form's button: every problem that stops it (the form's own checks or the API's
 * list, each with its field), or what was stored.
 */
@Component({
  selector: 'rl-form-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length) {
      <div class="problems" role="alert" data-testid="problems">
        <p>
          {{ verb() }} —
          {{ problems().length === 1 ? 'one problem' : problems().length + ' problems' }}:
        </p>
        <ul>
          @for (p of problems(); track $index) {
            <li>
              @if (p.field) {
                <span class="field">{{ label()(p.field) }}</span>:
              }
              <span dir="auto">{{ p.message }}</span>
            </li>
          }
        </ul>
      </div>
    } @else if (stored(); as text) {
      <p class="stored" role="status" data-testid="stored">
        @if (storedPrefix(); as prefix) {
          <span aria-hidden="true">✓</span> {{ prefix }} <span dir="auto">{{ text }}</span>
        } @else {
          <span aria-hidden="true">✓ </span><span dir="auto">{{ text }}</span>
        }
      </p>
    }
  `,
  styleUrl: './form-status.scss',
})
export class FormStatusComponent {
  readonly problems = input<readonly FormStatusProblem[]>([]);
  readonly stored = input<string | null>(null);
  /** What did not happen, before the count of problems ("Not saved — 2 problems:"). */
  readonly verb = input('Not saved');
  /** The words before what was stored ("✓ Stored: …"); `null` shows the check mark alone. */
  readonly storedPrefix = input<string | null>('Stored:');
  /** A field path in words (`targets.satisfaction` → "Satisfaction"). */
  readonly label = input<(field: string) => string>((field) => field);
}
