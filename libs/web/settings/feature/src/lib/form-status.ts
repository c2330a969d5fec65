import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FieldProblem } from '@returnlens/web/shared/data-access';

/**
 * Beside a section's Save: every problem that stops the save (the form's own checks or the
 * API's list, each with its field), or what was stored.
 */
@Component({
  selector: 'rl-form-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length) {
      <div class="problems" role="alert" data-testid="problems">
        <p>
          Not saved —
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
        <span aria-hidden="true">✓</span> Stored: <span dir="auto">{{ text }}</span>
      </p>
    }
  `,
  styleUrl: './settings.scss',
})
export class FormStatusComponent {
  readonly problems = input<readonly FieldProblem[]>([]);
  readonly stored = input<string | null>(null);
  /** A field path in words (`targets.satisfaction` → "Satisfaction"). */
  readonly label = input<(field: string) => string>((field) => field);
}
