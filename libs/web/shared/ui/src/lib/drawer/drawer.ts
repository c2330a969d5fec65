import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { injectPanelText } from '../panel/i18n/panels-scope';

/** A side panel over the page (records, definitions); Escape or × closes it. */
@Component({
  selector: 'rl-drawer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  template: `
    <div class="backdrop" (click)="closed.emit()" aria-hidden="true"></div>
    <aside
      class="drawer"
      role="dialog"
      aria-modal="true"
      [attr.aria-labelledby]="id() + '-title'"
      [attr.data-testid]="id()"
    >
      <header>
        <h2 [id]="id() + '-title'" tabindex="-1">{{ heading() }}</h2>
        <button
          type="button"
          class="close"
          [attr.aria-label]="text('close')"
          (click)="closed.emit()"
        >
          ×
        </button>
      </header>
      <div class="body"><ng-content /></div>
    </aside>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      background: rgb(0 0 0 / 30%);
      z-index: 40;
    }
    .drawer {
      position: fixed;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(920px, 96vw);
      z-index: 41;
      background: var(--rl-background);
      color: var(--rl-text);
      border-left: 1px solid var(--rl-border);
      box-shadow: -8px 0 24px rgb(0 0 0 / 25%);
      display: flex;
      flex-direction: column;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 12px;
      padding: 16px 20px 8px;
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
      outline: none;
    }
    .close {
      border: 1px solid var(--rl-border);
      background: var(--rl-surface);
      color: var(--rl-text);
      border-radius: 6px;
      width: 32px;
      height: 32px;
      font-size: 1.2rem;
      cursor: pointer;
    }
    .close:focus-visible {
      outline: 2px solid var(--rl-accent);
    }
    .body {
      overflow: auto;
      padding: 0 20px 20px;
      flex: 1;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
})
export class DrawerComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly id = input('drawer');
  readonly heading = input.required<string>();
  readonly closed = output<void>();
  protected readonly text = injectPanelText();

  constructor() {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('h2')?.focus());
  }
}
