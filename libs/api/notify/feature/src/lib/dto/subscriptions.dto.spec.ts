import { HttpException, type ArgumentMetadata } from '@nestjs/common';
import { errorAnswer, RequestValidationPipe } from '@returnlens/api/shared/util';
import {
  SubscriptionBodyDto,
  SubscriptionChangeDto,
  SubscriptionIdParamsDto,
  targetProblem,
  UnsubscribeTokenParamsDto,
} from './subscriptions.dto';

const pipe = new RequestValidationPipe();
const parse = (metatype: unknown, value: unknown, type: ArgumentMetadata['type'] = 'body') =>
  pipe.transform(value, { type, metatype } as ArgumentMetadata);

function refusal(metatype: unknown, value: unknown, type: ArgumentMetadata['type'] = 'body') {
  try {
    parse(metatype, value, type);
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return errorAnswer(error);
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('subscription request schemas', () => {
  it('fills in the defaults: weekly on Monday at 08:00, a note when quiet, no attachments', () => {
    expect(
      parse(SubscriptionBodyDto, { role: 'buyer', channel: 'email', target: ' b@shop.test ' }),
    ).toEqual({
      role: 'buyer',
      channel: 'email',
      target: 'b@shop.test',
      schedule: { frequency: 'weekly', weekday: 1, hour: 8 },
      filters: {},
      whenQuiet: 'note',
      attachPdf: false,
      attachCsv: false,
    });
  });

  it('names the field that is wrong', () => {
    const field = (value: unknown) =>
      (refusal(SubscriptionBodyDto, value).body as { field?: string }).field;
    expect(field({ role: 'ceo', channel: 'email', target: 'a@b.c' })).toBe('role');
    expect(field({ role: 'owner', channel: 'email', target: 'nobody' })).toBe('target');
    expect(field({ role: 'owner', channel: 'webhook', target: 'a@b.c' })).toBe('target');
    expect(
      field({
        role: 'owner',
        channel: 'email',
        target: 'a@b.c',
        schedule: { frequency: 'daily', hour: 24 },
      }),
    ).toBe('schedule.hour');
    expect(
      field({ role: 'owner', channel: 'email', target: 'a@b.c', filters: { colour: ['red'] } }),
    ).toBe('filters.colour');
    expect(field({ role: 'owner', channel: 'email', target: 'a@b.c', extra: 1 })).toBe('extra');
    expect(refusal(SubscriptionChangeDto, { paused: 'yes' }).body).toMatchObject({
      field: 'paused',
    });
  });

  it('checks targets against their channel', () => {
    expect(targetProblem('email', 'olga@shop.example')).toBeNull();
    expect(targetProblem('email', 'Olga <olga@shop.example>')).toContain('e-mail address');
    expect(targetProblem('webhook', 'https://hooks.slack.com/services/T/B/X')).toBeNull();
    expect(targetProblem('webhook', 'javascript:alert(1)')).toContain('http(s) URL');
  });

  it('answers ids and tokens that cannot exist with 404', () => {
    expect(refusal(SubscriptionIdParamsDto, { id: 'x' }, 'param').status).toBe(404);
    expect(refusal(UnsubscribeTokenParamsDto, { token: 'short' }, 'param').status).toBe(404);
    expect(parse(UnsubscribeTokenParamsDto, { token: 'abcdefghijklmnop_-12' }, 'param')).toEqual({
      token: 'abcdefghijklmnop_-12',
    });
  });
});
