import { HttpException, type ArgumentMetadata } from '@nestjs/common';
import { errorAnswer, RequestValidationPipe } from '@returnlens/api/shared/util';
import { CalendarDto, SlaPoliciesDto } from './settings.dto';

const pipe = new RequestValidationPipe();
const parse = (metatype: unknown, value: unknown) =>
  pipe.transform(value, { type: 'body', metatype } as ArgumentMetadata);

function refusal(metatype: unknown, value: unknown) {
  try {
    parse(metatype, value);
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const { status, body } = errorAnswer(error);
    return { status, body };
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

const policy = {
  name: 'First response',
  metric: 'first_response',
  targetHours: 24,
  claimTypes: ['return'],
};

describe('settings request schemas', () => {
  it('fills a policy’s defaults', () => {
    expect(parse(SlaPoliciesDto, [policy])).toEqual([
      { ...policy, clock: 'calendar', resolutions: null, atRiskHours: 4 },
    ]);
  });

  it('lists every problem of a body it refuses, with its field', () => {
    expect(refusal(SlaPoliciesDto, [{ ...policy, targetHours: -1, claimTypes: [] }])).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'sla_policies_invalid',
        message: 'The SLA policies are not valid.',
        errors: [
          { field: '0.targetHours', message: 'Too small: expected number to be >0' },
          { field: '0.claimTypes', message: 'Too small: expected array to have >=1 items' },
        ],
      },
    });
    expect(refusal(SlaPoliciesDto, []).body).toMatchObject({
      errors: [{ field: '(body)', message: 'Too small: expected array to have >=1 items' }],
    });
  });

  it('checks the calendar’s opening periods', () => {
    const calendar = {
      timeZone: 'Europe/Warsaw',
      workingDays: [1, 2, 3, 4, 5],
      hours: [{ start: '09:00', end: '17:00' }],
    };
    expect(parse(CalendarDto, calendar)).toEqual({ ...calendar, holidays: [] });
    expect(
      refusal(CalendarDto, {
        ...calendar,
        timeZone: 'Mars/Base',
        hours: [{ start: '18:00', end: '09:00' }],
      }).body,
    ).toMatchObject({
      message: 'The calendar is not valid.',
      errors: [
        { field: 'timeZone', message: 'an IANA time zone such as Europe/Warsaw' },
        { field: 'hours.0', message: 'start must be before end' },
      ],
    });
  });
});
