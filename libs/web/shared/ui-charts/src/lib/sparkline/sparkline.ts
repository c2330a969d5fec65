import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { sparklinePath } from '../supplier-options';

/** A small inline SVG trend for table rows: cheap enough for dozens per page. */
@Component({
  selector: 'rl-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      [attr.width]="width()"
      [attr.height]="height()"
      [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
      role="img"
      [attr.aria-label]="label()"
    >
      <path [attr.d]="path()" fill="none" [attr.stroke]="color()" stroke-width="1.5" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
  `,
})
export class SparklineComponent {
  readonly values = input.required<readonly (number | null)[]>();
  readonly label = input('');
  readonly width = input(90);
  readonly height = input(24);
  readonly color = input('currentColor');
  protected readonly path = computed(() =>
    sparklinePath(this.values(), this.width(), this.height()),
  );
}
