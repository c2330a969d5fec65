import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ChartMenuComponent } from '../chart-menu/chart-menu';
import { injectPanelText } from './i18n/panels-scope';

/** Stands for the Data page's link inside the translated hint, which is split around it. */
const LINK = '\u0000';

export type PanelState = 'loading' | 'error' | 'empty' | 'ready';

/**
 * A chart or table section: a title that states the finding, the metric's definition in
 * one line, the "⋯" menu, and a state that is never a blank chart — the chart's frame while
 * loading, what failed and a retry on error, why it is empty and what to do.
 */
@Component({
  selector: 'rl-panel',
  imports: [ChartMenuComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="panel"
      [attr.aria-labelledby]="id() + '-title'"
      [attr.aria-busy]="state() === 'loading'"
    >
      <header>
        <div class="titles">
          <h2 [id]="id() + '-title'" [attr.data-testid]="id() + '-title'">
            {{ state() === 'loading' ? (loadingTitle() ?? text('loading')) : heading() }}
          </h2>
          @if (subtitle()) {
            <p class="definition">{{ subtitle() }}</p>
          }
        </div>
        @if (menu()) {
          <rl-chart-menu
            [subject]="menuSubject() || heading()"
            [csvHref]="state() === 'ready' ? csvHref() : null"
            [records]="records()"
            [explain]="explain()"
            (viewRecords)="viewRecords.emit()"
            (why)="why.emit()"
          />
        }
      </header>
      @switch (state()) {
        @case ('loading') {
          <div
            class="skeleton"
            [style.height.px]="height()"
            [attr.aria-label]="text('loading')"
          ></div>
        }
        @case ('error') {
          <div class="state error" role="alert">
            <p>{{ errorMessage() || text('failed') }}</p>
            <button type="button" (click)="retry.emit()">{{ text('retry') }}</button>
          </div>
        }
        @case ('empty') {
          <div class="state empty" [style.min-height.px]="emptyHeight()">
            <p>{{ emptyText() ?? text('empty') }}</p>
            @let hint = hintParts(text('emptyHint', { link: marker }));
            <p class="hint">
              {{ hint[0] }}<a routerLink="/data">{{ text('dataLink') }}</a
              >{{ hint[1] }}
            </p>
          </div>
        }
        @default {
          <ng-content />
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .panel {
      background: var(--rl-surface);
      border: 1px solid var(--rl-border);
      border-radius: 10px;
      padding: 16px;
      height: 100%;
      box-sizing: border-box;
      break-inside: avoid;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 12px;
    }
    .titles {
      min-width: 0;
    }
    h2 {
      margin: 0;
      font-size: 1.05rem;
      line-height: 1.3;
    }
    .definition {
      margin: 4px 0 8px;
      color: var(--rl-text-muted);
      font-size: 0.83rem;
    }
    .skeleton {
      margin-top: 8px;
      border-radius: 8px;
      background: linear-gradient(
        90deg,
        var(--rl-surface-muted),
        var(--rl-surface),
        var(--rl-surface-muted)
      );
    }
    .state {
      padding: 16px 0;
      color: var(--rl-text-muted);
    }
    .state p {
      margin: 0 0 6px;
    }
    .hint {
      font-size: 0.85rem;
    }
    .error p {
      color: var(--rl-text);
    }
    .error button {
      border: 1px solid var(--rl-accent);
      background: var(--rl-accent);
      color: var(--rl-surface);
      border-radius: 6px;
      padding: 6px 14px;
      cursor: pointer;
    }
    @media print {
      .panel {
        border-color: #ccc;
      }
      .hint {
        display: none;
      }
    }
  `,
})
export class PanelComponent {
  /** Used for the heading's id and test id. */
  readonly id = input.required<string>();
  readonly heading = input.required<string>();
  /** The heading while loading; "Loading…" in the interface language when none. */
  readonly loadingTitle = input<string | null>(null);
  readonly subtitle = input('');
  readonly state = input<PanelState>('ready');
  readonly errorMessage = input<string | null>(null);
  /** Why it is empty; "Nothing matches the filters." in the interface language when none. */
  readonly emptyText = input<string | null>(null);
  /** Height of the loading frame: the chart's own height, so nothing jumps. */
  readonly height = input(300);
  readonly emptyHeight = input(0);
  readonly menu = input(true);
  readonly menuSubject = input('');
  readonly csvHref = input<string | null>(null);
  readonly records = input(true);
  readonly explain = input(true);
  readonly retry = output<void>();
  readonly viewRecords = output<void>();
  readonly why = output<void>();

  protected readonly text = injectPanelText();
  protected readonly marker = LINK;
  /** The hint's words before and after the link (a language may put the link anywhere). */
  protected hintParts(hint: string): [string, string] {
    const at = hint.indexOf(LINK);
    return at < 0 ? [`${hint} `, ''] : [hint.slice(0, at), hint.slice(at + LINK.length)];
  }
}
