import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** A page whose content has not been built yet: says so plainly and what it will show. */
@Component({
  selector: 'rl-planned-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ heading() }}</h1>
    <p class="question">{{ question() }}</p>
    @if (contents()) {
      <section class="panel">
        <p>This page is not built yet. It will show {{ contents() }}.</p>
        <p>Meanwhile the <a routerLink="/weekly">Weekly report</a> shows what came back and why.</p>
      </section>
    } @else {
      <p><a routerLink="/weekly">Go to the Weekly report</a></p>
    }
  `,
  styles: `
    h1 {
      margin: 0 0 4px;
      font-size: 1.6rem;
    }
    .question {
      color: var(--rl-text-muted);
      margin: 0 0 16px;
    }
    .panel {
      background: var(--rl-surface);
      border: 1px solid var(--rl-border);
      border-radius: 10px;
      padding: 16px;
    }
    a {
      color: var(--rl-accent);
    }
  `,
})
export class PlannedPage {
  readonly heading = input('');
  readonly question = input('');
  readonly contents = input('');
}
