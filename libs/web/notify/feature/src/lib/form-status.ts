import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FieldProblem } from '@returnlens/web/shared/data-access';

/**
 * Beside a form's button: every problem that stops it (the form's own checks or the API's
 * list, each with its field), or what was stored.
 */
@Component({
  selector: 'rl-notify-form-status',
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
        <span aria-hidden="true">✓ </span><span dir="auto">{{ text }}</span>
      </p>
    }
  `,
  styleUrl: './notify-form.scss',
})
export class NotifyFormStatusComponent {
  readonly problems = input<readonly FieldProblem[]>([]);
  readonly stored = input<string | null>(null);
  readonly verb = input('Not created');
  /** A field path in words (`schedule.hour` → "Hour"). */
  readonly label = input<(field: string) => string>((field) => field);
}
