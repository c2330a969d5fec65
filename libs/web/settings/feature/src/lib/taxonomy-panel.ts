import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { OwnChannel, OwnReason } from '@returnlens/shared/contracts';
import {
  DomainLabels,
  SettingsApi,
  problemsOf,
  type FieldProblem,
} from '@returnlens/web/shared/data-access';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import { words } from './settings-forms';

/** A change waiting for Save: `reason:<code>` or `channel:<code>` → the chosen category or group. */
type Pending = Readonly<Record<string, string>>;

/**
 * The shop's own reason codes and channels (values of its exports that are none of the
 * built-in ones), each put in a built-in category or channel group by a rule the shop edits.
 */
@Component({
  selector: 'rl-taxonomy-panel',
  imports: [TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './taxonomy-panel.html',
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class TaxonomyPanelComponent {
  private readonly api = inject(SettingsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly domain = inject(DomainLabels);
  readonly changed = output<void>();

  protected readonly taxonomy = this.api.taxonomyResource();
  protected readonly reasons = computed(() =>
    this.taxonomy.hasValue() ? this.taxonomy.value().reasons : [],
  );
  protected readonly channels = computed(() =>
    this.taxonomy.hasValue() ? this.taxonomy.value().channels : [],
  );
  protected readonly categories = computed(() =>
    this.taxonomy.hasValue() ? this.taxonomy.value().categories : [],
  );
  protected readonly groups = computed(() =>
    this.taxonomy.hasValue() ? this.taxonomy.value().channelGroups : [],
  );

  protected readonly pending = signal<Pending>({});
  protected readonly pendingCount = computed(() => Object.keys(this.pending()).length);
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected categoryOf(reason: OwnReason): string {
    return this.pending()[`reason:${reason.code}`] ?? reason.category;
  }

  protected groupOf(channel: OwnChannel): string {
    return this.pending()[`channel:${channel.code}`] ?? channel.group;
  }

  /** A built-in reason category in the interface language (the API's label otherwise). */
  protected categoryLabel(code: string | null): string {
    if (!code) return '';
    const label = this.categories().find((c) => c.code === code)?.label ?? code;
    return this.domain.label('category', code, label);
  }

  /** A built-in channel group in the interface language. */
  protected groupLabel(code: string): string {
    if (code === 'other') return this.transloco.translate('settings.taxonomy.otherGroup');
    return this.domain.label('channel', code, words(code));
  }

  protected setReason(reason: OwnReason, category: string): void {
    this.choose(`reason:${reason.code}`, category, reason.category);
  }

  protected setChannel(channel: OwnChannel, group: string): void {
    this.choose(`channel:${channel.code}`, group, channel.group);
  }

  private choose(key: string, value: string, current: string): void {
    this.pending.update((p) => {
      const next: Record<string, string> = { ...p };
      if (value === current) delete next[key];
      else next[key] = value;
      return next;
    });
    this.stored.set(null);
    this.problems.set([]);
  }

  protected async save(): Promise<void> {
    const pending = this.pending();
    const labels = new Map<string, string>([
      ...this.reasons().map((r) => [`reason:${r.code}`, r.label] as const),
      ...this.channels().map((c) => [`channel:${c.code}`, c.label] as const),
    ]);
    this.saving.set(true);
    this.problems.set([]);
    const done: string[] = [];
    const problems: FieldProblem[] = [];
    for (const [key, value] of Object.entries(pending)) {
      const [kind, ...rest] = key.split(':');
      const code = rest.join(':');
      const name = labels.get(key) ?? code;
      try {
        if (kind === 'reason') await this.api.setReasonCategory(code, value);
        else await this.api.setChannelGroup(code, value);
        done.push(
          `“${name}” → ${kind === 'reason' ? this.categoryLabel(value) : this.groupLabel(value)}`,
        );
        this.pending.update((p) => {
          const next: Record<string, string> = { ...p };
          delete next[key];
          return next;
        });
      } catch (error) {
        problems.push({
          field: name,
          message: problemsOf(error, this.transloco.translate('settings.common.notSaved'))[0]
            .message,
        });
      }
    }
    this.saving.set(false);
    this.problems.set(problems);
    if (done.length) {
      this.stored.set(
        this.transloco.translate('settings.taxonomy.stored', { changes: done.join(' · ') }),
      );
      this.taxonomy.reload();
      this.changed.emit();
    }
  }
}
