import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { injectPanelText } from '../panel/i18n/panels-scope';

/**
 * The "⋯" menu of a chart: export its data as CSV or Arrow, view the records behind it, and read
 * why the number is what it is. Keyboard: Enter/Space opens, Escape closes.
 */
@Component({
  selector: 'rl-chart-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(keydown.escape)': 'close(true)',
  },
  template: `
    <button
      #trigger
      type="button"
      class="trigger"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="text('menu.moreFor', { subject: subject() ?? text('menu.thisChart') })"
      (click)="toggle()"
      data-testid="chart-menu"
    >
      ⋯
    </button>
    @if (open()) {
      <div class="menu" role="menu" [attr.aria-label]="subject() ?? text('menu.thisChart')">
        @if (csvHref(); as href) {
          <a role="menuitem" [href]="href" download (click)="close(false)">{{
            text('menu.exportCsv')
          }}</a>
        }
        @if (arrowHref(); as href) {
          <a role="menuitem" [href]="href" download (click)="close(false)">{{
            text('menu.exportArrow')
          }}</a>
        }
        @if (records()) {
          <button type="button" role="menuitem" (click)="choose('records')">
            {{ text('menu.viewRecords') }}
          </button>
        }
        @if (explain()) {
          <button type="button" role="menuitem" (click)="choose('explain')">
            {{ text('menu.why') }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .trigger {
      border: 1px solid var(--rl-border);
      background: var(--rl-surface);
      color: var(--rl-text);
      border-radius: 6px;
      width: 32px;
      height: 28px;
      cursor: pointer;
      font-size: 1.1rem;
      line-height: 1;
    }
    .trigger:focus-visible,
    .menu a:focus-visible,
    .menu button:focus-visible {
      outline: 2px solid var(--rl-accent);
      outline-offset: 1px;
    }
    .menu {
      position: absolute;
      inset-inline-end: 0;
      top: 32px;
      z-index: 20;
      min-width: 170px;
      background: var(--rl-surface);
      border: 1px solid var(--rl-border);
      border-radius: 8px;
      box-shadow: 0 6px 20px rgb(0 0 0 / 18%);
      display: flex;
      flex-direction: column;
      padding: 4px;
    }
    .menu a,
    .menu button {
      text-align: start;
      padding: 7px 10px;
      border: 0;
      background: transparent;
      color: var(--rl-text);
      font: inherit;
      font-size: 0.9rem;
      border-radius: 4px;
      cursor: pointer;
      text-decoration: none;
    }
    .menu a:hover,
    .menu button:hover {
      background: var(--rl-surface-muted);
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
})
export class ChartMenuComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** What the menu is about, for its accessible name ("More for Claims by reason"); "this chart" when none. */
  readonly subject = input<string | null>(null);
  readonly csvHref = input<string | null>(null);
  /** The same table as Arrow IPC (typed columns), beside the CSV: the CSV address, format=arrow. */
  protected readonly arrowHref = computed(() => {
    const csv = this.csvHref();
    return csv && /[?&]format=csv(&|$)/.test(csv)
      ? csv.replace(/([?&])format=csv(?=&|$)/, '$1format=arrow')
      : null;
  });
  readonly records = input(true);
  readonly explain = input(true);
  readonly viewRecords = output<void>();
  readonly why = output<void>();

  protected readonly text = injectPanelText();
  protected readonly open = signal(false);

  protected toggle(): void {
    this.open.update((open) => !open);
    if (this.open()) {
      queueMicrotask(() =>
        this.host.nativeElement.querySelector<HTMLElement>('[role=menuitem]')?.focus(),
      );
    }
  }

  protected choose(action: 'records' | 'explain'): void {
    this.close(false);
    if (action === 'records') this.viewRecords.emit();
    else this.why.emit();
  }

  protected close(refocus: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (refocus) this.host.nativeElement.querySelector<HTMLElement>('.trigger')?.focus();
  }

  protected onDocumentClick(event: Event): void {
    if (!this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }
}
