import {
  calendarBody,
  calendarErrors,
  calendarSummary,
  errorAt,
  errorsByField,
  newPolicy,
  policiesBody,
  policyErrors,
  policyFormOf,
  reportingBody,
  reportingErrors,
  reportingFormOf,
  withHoliday,
} from './settings-forms';

const REPORTING = {
  returnWindowDays: 30,
  targets: { processingHours: 24, satisfaction: 0.95, repeatContact: 0.1, returnShare: 0.03 },
};

const CALENDAR = {
  timeZone: 'Europe/Warsaw',
  workingDays: [1, 2, 3, 4, 5],
  hours: [{ start: '09:00', end: '17:00' }],
  holidays: ['2026-12-25'],
};

describe('reporting form', () => {
  it('shows shares in percent and stores them as shares', () => {
    const form = reportingFormOf(REPORTING);
    expect(form).toEqual({
      returnWindowDays: '30',
      processingHours: '24',
      satisfaction: '95',
      repeatContact: '10',
      returnShare: '3',
    });
    expect(reportingBody(form)).toEqual(REPORTING);
    expect(reportingBody({ ...form, returnShare: '2,5', returnWindowDays: ' 45 ' })).toEqual({
      returnWindowDays: 45,
      targets: { ...REPORTING.targets, returnShare: 0.025 },
    });
  });

  it('names each field that is out of range, by the API’s path', () => {
    const form = reportingFormOf(REPORTING);
    expect(reportingErrors(form)).toEqual({});
    expect(
      reportingErrors({
        ...form,
        returnWindowDays: '400',
        processingHours: '0',
        satisfaction: '120',
      }),
    ).toEqual({
      returnWindowDays: 'The return window is a whole number of days from 1 to 365.',
      'targets.processingHours': 'Hours: more than 0, at most 8760 (a year).',
      'targets.satisfaction': 'A share from 0 to 100 %.',
    });
    expect(reportingErrors({ ...form, returnWindowDays: '7.5' })).toHaveProperty(
      'returnWindowDays',
    );
    expect(reportingErrors({ ...form, repeatContact: '' })).toHaveProperty([
      'targets.repeatContact',
    ]);
  });
});

describe('business calendar form', () => {
  const anyZone = () => true;

  it('accepts a valid calendar and refuses an unknown zone', () => {
    expect(calendarErrors(CALENDAR, anyZone)).toEqual({});
    expect(calendarErrors({ ...CALENDAR, timeZone: 'Mars/Base' }, () => false)).toEqual({
      timeZone: 'An IANA time zone such as Europe/Warsaw.',
    });
  });

  it('says which opening period is wrong, and when periods overlap', () => {
    expect(
      calendarErrors(
        {
          ...CALENDAR,
          workingDays: [],
          hours: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '11:00' },
            { start: '9', end: '10:00' },
          ],
        },
        anyZone,
      ),
    ).toEqual({
      workingDays: 'Choose at least one working day.',
      'hours.1': 'The period starts before it ends.',
      'hours.2': 'Times as HH:MM, e.g. 09:00.',
    });
    expect(
      calendarErrors(
        {
          ...CALENDAR,
          hours: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
        anyZone,
      ),
    ).toEqual({ hours: 'Opening periods must not overlap.' });
    expect(calendarErrors({ ...CALENDAR, hours: [] }, anyZone)).toEqual({
      hours: 'Give at least one opening period.',
    });
  });

  it('keeps holidays in order, each once; refuses one that is no date', () => {
    expect(withHoliday(['2026-12-25', '2026-12-26'], '2026-12-24')).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(withHoliday(['2026-12-25'], '2026-12-25')).toEqual(['2026-12-25']);
    expect(calendarErrors({ ...CALENDAR, holidays: ['25.12.2026'] }, anyZone)).toEqual({
      'holidays.0': '“25.12.2026” is no date (YYYY-MM-DD).',
    });
  });

  it('sends days, periods and holidays sorted, and says the calendar in a line', () => {
    const body = calendarBody({
      timeZone: ' Europe/Warsaw ',
      workingDays: [5, 1],
      hours: [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
      holidays: ['2026-12-26', '2026-12-24'],
    });
    expect(body).toEqual({
      timeZone: 'Europe/Warsaw',
      workingDays: [1, 5],
      hours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      holidays: ['2026-12-24', '2026-12-26'],
    });
    expect(calendarSummary(body)).toBe(
      'Mon, Fri · 08:00–12:00, 13:00–17:00 · Europe/Warsaw · 2 holidays',
    );
  });
});

describe('SLA policies form', () => {
  const policy = {
    id: 3,
    name: 'First response',
    metric: 'first_response' as const,
    targetHours: 24,
    clock: 'business' as const,
    claimTypes: ['return', 'complaint'],
    resolutions: null,
    atRiskHours: 4,
  };

  it('round-trips a stored policy, and a new one starts complete', () => {
    expect(policiesBody([policyFormOf(policy)])).toEqual([policy]);
    expect(policyErrors([newPolicy()])).toEqual({ '0.name': 'Name the policy.' });
    expect(policiesBody([{ ...newPolicy(), name: ' Refund ' }])[0]).not.toHaveProperty('id');
  });

  it('names each problem by the policy’s position, as the API does', () => {
    const form = policyFormOf(policy);
    expect(
      policyErrors([
        form,
        { ...form, id: undefined, name: 'first response', targetHours: '0', atRiskHours: '-1' },
        { ...form, id: undefined, name: 'Refunds', claimTypes: [], resolutions: [] },
      ]),
    ).toEqual({
      '1.name': 'Another policy has this name.',
      '1.targetHours': 'Hours: more than 0.',
      '1.atRiskHours': 'Hours: 0 or more.',
      '2.claimTypes': 'Choose at least one claim type.',
      '2.resolutions': 'Choose a resolution, or count any.',
    });
    expect(policyErrors([])).toEqual({ '': 'Keep at least one SLA policy.' });
  });
});

describe('the API’s problems beside the fields', () => {
  it('keeps the first problem of each field and finds a part’s problem for its field', () => {
    const errors = errorsByField([
      { field: 'hours.1', message: 'start must be before end' },
      { field: 'timeZone', message: 'an IANA time zone such as Europe/Warsaw' },
      { field: 'timeZone', message: 'second' },
      { field: '', message: 'The calendar is not valid.' },
    ]);
    expect(errors).toEqual({
      'hours.1': 'start must be before end',
      timeZone: 'an IANA time zone such as Europe/Warsaw',
      '': 'The calendar is not valid.',
    });
    expect(errorAt(errors, 'hours')).toBe('start must be before end');
    expect(errorAt(errors, 'holidays')).toBeNull();
  });
});
