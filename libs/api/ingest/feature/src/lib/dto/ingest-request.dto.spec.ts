import { HttpException, type ArgumentMetadata } from '@nestjs/common';
import { errorAnswer, RequestValidationPipe } from '@returnlens/api/shared/util';
import {
  BatchesQueryDto,
  BatchIdParamsDto,
  IngestQueryDto,
  KindParamsDto,
  MappingPresetDto,
  PresetNameParamsDto,
  RejectedQueryDto,
} from './ingest-request.dto';

const pipe = new RequestValidationPipe();
const parse = (metatype: unknown, value: unknown, type: ArgumentMetadata['type'] = 'query') =>
  pipe.transform(value, { type, metatype } as ArgumentMetadata);

/** The status and body the client reads for a refused input. */
function refusal(metatype: unknown, value: unknown, type: ArgumentMetadata['type'] = 'query') {
  try {
    parse(metatype, value, type);
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const { status, body } = errorAnswer(error);
    return { status, body };
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('ingest request schemas', () => {
  it('answers an unknown kind with 404, as an unknown address', () => {
    expect(parse(KindParamsDto, { kind: 'claims' }, 'param')).toEqual({ kind: 'claims' });
    expect(refusal(KindParamsDto, { kind: 'robots' }, 'param')).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        code: 'unknown_kind',
        params: { kind: 'robots', kinds: 'suppliers, products, sales, claims, feedback' },
        message: 'Unknown kind "robots"; use one of suppliers, products, sales, claims, feedback.',
      },
    });
  });

  it('takes the upload options and refuses any other parameter', () => {
    expect(
      parse(IngestQueryDto, { preset: 'helpdesk', dryRun: 'true', encoding: 'windows-1251' }),
    ).toEqual({ preset: 'helpdesk', dryRun: 'true', encoding: 'windows-1251' });
    expect(parse(IngestQueryDto, { delimiter: 'tab' })).toEqual({ delimiter: 'tab' });
    expect(refusal(IngestQueryDto, { dryrun: 'true' }).body).toMatchObject({
      field: 'dryrun',
      message: 'property dryrun should not exist',
    });
    expect(refusal(IngestQueryDto, { dryRun: 'yes' }).body).toMatchObject({
      field: 'dryRun',
      message: 'dryRun must be true or false',
    });
    expect(refusal(IngestQueryDto, { delimiter: ':' }).body).toMatchObject({
      field: 'delimiter',
      message: 'delimiter must be one of , ; | tab',
    });
    expect(refusal(IngestQueryDto, { encoding: 'utf 8' }).body).toMatchObject({
      field: 'encoding',
      message: 'encoding must be a name such as utf-8 or windows-1251',
    });
  });

  it('reads a batch id as a number, refusing words as ParseIntPipe did', () => {
    expect(parse(BatchIdParamsDto, { id: '42' }, 'param')).toEqual({ id: 42 });
    for (const id of ['abc', '4.2', '', '1'.repeat(400)])
      expect(refusal(BatchIdParamsDto, { id }, 'param')).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed (numeric string is expected)',
        },
      });
  });

  it('refuses a batch id no batch can have (0, negative, beyond 2^53 − 1 or bigint)', () => {
    expect(parse(BatchIdParamsDto, { id: '9007199254740991' }, 'param')).toEqual({
      id: 9007199254740991,
    });
    for (const id of ['0', '-1', '-0', '9007199254740992', '9223372036854775808', '9'.repeat(20)])
      expect([id, refusal(BatchIdParamsDto, { id }, 'param')]).toEqual([
        id,
        {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'The batch id must be a whole number from 1 to 9007199254740991.',
          },
        },
      ]);
  });

  it('refuses control characters in the upload options, naming the parameter', () => {
    expect(refusal(IngestQueryDto, { preset: 'helpdesk\u0000' }).body).toMatchObject({
      field: 'preset',
      message: expect.stringContaining('preset must not contain control characters such as NUL'),
    });
    expect(refusal(IngestQueryDto, { preset: 'help\u001bdesk' }).body).toMatchObject({
      field: 'preset',
    });
    expect(refusal(IngestQueryDto, { encoding: 'utf-8\u0000' }).body).toMatchObject({
      field: 'encoding',
    });
    // Any other text is looked up as sent (an unknown name is a 400 from the lookup).
    expect(parse(IngestQueryDto, { preset: "' OR 1=1 --" })).toEqual({ preset: "' OR 1=1 --" });
  });

  it('refuses a NUL anywhere in a mapping preset, naming the field', () => {
    const body = (mapping: unknown) => ({ kind: 'claims', mapping });
    expect(
      refusal(MappingPresetDto, body({ columns: { reason_text: 'Com\u0000ment' } }), 'body').body,
    ).toMatchObject({
      field: 'mapping.columns.reason_text',
      message: expect.stringContaining('contains a NUL character'),
    });
    expect(
      refusal(
        MappingPresetDto,
        body({ columns: {}, values: { type: { 'R\u0000': 'return' } } }),
        'body',
      ).body,
    ).toMatchObject({ field: 'mapping.values.type.R\u0000' });
    expect(
      refusal(MappingPresetDto, body({ columns: {}, extra: ['\u0000'] }), 'body').body,
    ).toMatchObject({ field: 'mapping.extra.0' });
  });

  it('reads list limits leniently, ignoring other parameters', () => {
    expect(parse(BatchesQueryDto, {})).toEqual({ limit: 50 });
    expect(parse(BatchesQueryDto, { limit: '9999', other: 'x' })).toEqual({ limit: 500 });
    expect(parse(RejectedQueryDto, { format: 'csv' })).toEqual({
      format: 'csv',
      offset: 0,
      limit: 100,
    });
    expect(parse(RejectedQueryDto, { offset: '-5', limit: '2000' })).toEqual({
      offset: 0,
      limit: 1000,
    });
  });

  it('checks a preset’s name and body', () => {
    expect(parse(PresetNameParamsDto, { name: 'Helpdesk export 2.1' }, 'param')).toEqual({
      name: 'Helpdesk export 2.1',
    });
    expect(refusal(PresetNameParamsDto, { name: '../etc' }, 'param')).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'A preset name has 1–100 letters, digits, spaces, dots, dashes or underscores.',
      },
    });
    const mapping = { columns: { external_id: 'Ticket' }, dateFormat: 'dd.mm.yyyy' };
    expect(parse(MappingPresetDto, { kind: 'claims', mapping }, 'body')).toEqual({
      kind: 'claims',
      mapping,
    });
    expect(refusal(MappingPresetDto, { kind: 'robots', mapping }, 'body').body).toMatchObject({
      field: 'kind',
      message: 'kind must be one of suppliers, products, sales, claims, feedback',
    });
    expect(refusal(MappingPresetDto, { kind: 'claims', mapping: 'x' }, 'body').body).toMatchObject({
      field: 'mapping',
      message: 'mapping must be an object with "columns"',
    });
    expect(
      refusal(MappingPresetDto, { kind: 'claims', mapping: { values: {} } }, 'body').body,
    ).toMatchObject({
      field: 'mapping.columns',
      message: 'mapping must be an object with "columns"',
    });
    expect(
      refusal(MappingPresetDto, { kind: 'claims', mapping, extra: 1 }, 'body').body,
    ).toMatchObject({ field: 'extra', message: 'property extra should not exist' });
  });
});
