import {
  ChangeDetectionStrategy,
  Component,
  inject,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { BusinessCalendarSettings } from '@returnlens/shared/contracts';
import { SettingsApi, problemsOf, type FieldProblem } from '@returnlens/web/shared/data-access';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  calendarBody,
  calendarErrors,
  calendarSummary,
  errorAt,
  errorsByField,
  hasErrors,
  toggled,
  WEEKDAYS,
  withHoliday,
  type FieldErrors,
} from './settings-forms';
import type { Translate } from './i18n/translate';

type Calendar = BusinessCalendarSettings;
const DAYS = WEEKDAYS.map((d) => d.day);

/** Time zones this browser knows, offered while typing (any IANA zone may be typed). */
const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

const FIELDS = ['timeZone', 'workingDays', 'hours', 'holidays'];

/** A field path in words (`hours.1` → "Opening period 2"). */
function labelOf(field: string, t: Translate): string {
  const [head, index] = field.split('.');
  if (head === 'hours' && index !== undefined)
    return t('settings.calendar.labels.period', { n: Number(index) + 1 });
  if (head === 'holidays' && index !== undefined)
    return t('settings.calendar.labels.holiday', { n: Number(index) + 1 });
  return FIELDS.includes(head) ? t(`settings.calendar.labels.${head}`) : field;
}

/** The shop's time zone, working days, opening hours and holidays: the business-hours SLA clock. */
@Component({
  selector: 'rl-calendar-panel',
  imports: [TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-panel.html',
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class CalendarPanelComponent {
  private readonly api = inject(SettingsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly t: Translate = (key, params) => this.transloco.translate(key, params);
  readonly changed = output<void>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly zones = ZONES;
  protected readonly label = (field: string): string => labelOf(field, this.t);
  protected readonly errorAt = errorAt;
  protected readonly calendar = this.api.calendarResource();
  protected readonly form = linkedSignal<Calendar | null>(() =>
    this.calendar.hasValue() ? this.calendar.value() : null,
  );
  protected readonly newHoliday = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);

  private edit(change: (c: Calendar) => Calendar): void {
    this.form.update((c) => (c ? change(c) : c));
    this.stored.set(null);
  }

  protected setZone(timeZone: string): void {
    this.edit((c) => ({ ...c, timeZone }));
  }

  protected setDay(day: number, on: boolean): void {
    this.edit((c) => ({ ...c, workingDays: toggled(DAYS, c.workingDays, day, on) }));
  }

  protected setHours(index: number, end: 'start' | 'end', value: string): void {
    this.edit((c) => ({
      ...c,
      hours: c.hours.map((p, i) => (i === index ? { ...p, [end]: value } : p)),
    }));
  }

  protected addPeriod(): void {
    this.edit((c) => ({ ...c, hours: [...c.hours, { start: '13:00', end: '17:00' }] }));
  }

  protected removePeriod(index: number): void {
    this.edit((c) => ({ ...c, hours: c.hours.filter((_, i) => i !== index) }));
  }

  protected addHoliday(): void {
    const date = this.newHoliday();
    if (!date) return;
    this.edit((c) => ({ ...c, holidays: withHoliday(c.holidays, date) }));
    this.newHoliday.set('');
  }

  protected removeHoliday(date: string): void {
    this.edit((c) => ({ ...c, holidays: c.holidays.filter((d) => d !== date) }));
  }

  protected holidayText(date: string): string {
    const d = new Date(`${date}T12:00:00Z`);
    return Number.isNaN(d.getTime())
      ? date
      : new Intl.DateTimeFormat(this.transloco.getActiveLang(), {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(d);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    if (!form) return;
    const errors = calendarErrors(form, undefined, this.t);
    this.show(Object.entries(errors).map(([field, message]) => ({ field, message })));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const saved = await this.api.saveCalendar(calendarBody(form));
      this.calendar.set(saved);
      this.stored.set(calendarSummary(saved, this.t));
      this.changed.emit();
    } catch (error) {
      this.show(problemsOf(error, this.t('settings.calendar.saveFailed')));
    } finally {
      this.saving.set(false);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.errors.set(errorsByField(problems));
    this.stored.set(null);
  }
}
