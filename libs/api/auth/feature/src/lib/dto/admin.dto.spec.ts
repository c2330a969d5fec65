import { HttpException, type ArgumentMetadata } from '@nestjs/common';
import { errorAnswer, RequestValidationPipe } from '@returnlens/api/shared/util';
import { AuditQueryDto, IdParamsDto, NewTokenDto, NewUserDto, UserChangeDto } from './admin.dto';
import { LoginDto, PasswordChangeDto } from './auth.dto';

const pipe = new RequestValidationPipe();
const parse = (metatype: unknown, value: unknown, type: ArgumentMetadata['type'] = 'body') =>
  pipe.transform(value, { type, metatype } as ArgumentMetadata);

/** The status and body the client reads for a refused input. */
function refusal(metatype: unknown, value: unknown, type: ArgumentMetadata['type'] = 'body') {
  try {
    parse(metatype, value, type);
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const { status, body } = errorAnswer(error);
    return { status, body };
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

const sentence = (message: string) => ({
  status: 400,
  body: { statusCode: 400, error: 'Bad Request', message },
});

describe('auth and admin request schemas', () => {
  it('answers a malformed sign-in or password change with the shape to send', () => {
    expect(parse(LoginDto, { email: 'a@b.c', password: 'pw', extra: 1 })).toEqual({
      email: 'a@b.c',
      password: 'pw',
    });
    expect(refusal(LoginDto, { email: 'a@b.c' })).toEqual(
      sentence('Send {"email": "…", "password": "…"} to sign in.'),
    );
    expect(refusal(LoginDto, { email: 'a@b.c', password: 'x'.repeat(201) })).toEqual(
      sentence('Send {"email": "…", "password": "…"} to sign in.'),
    );
    expect(refusal(PasswordChangeDto, undefined)).toEqual(
      sentence('Send {"current": "…", "next": "…"}.'),
    );
  });

  it('checks new users, user changes and tokens', () => {
    expect(parse(NewUserDto, { email: 'x@shop.test', name: '  Ann ', roles: ['buyer'] })).toEqual({
      email: 'x@shop.test',
      name: 'Ann',
      roles: ['buyer'],
    });
    expect(refusal(NewUserDto, { email: 'x@shop.test', roles: [] })).toEqual(
      sentence('Send {"email": "…", "name": "…", "roles": ["buyer"]}.'),
    );
    expect(parse(UserChangeDto, { disabled: true })).toEqual({ disabled: true });
    expect(refusal(UserChangeDto, { disabled: true, email: 'new@shop.test' })).toEqual(
      sentence('Send any of {"name": "…", "roles": ["buyer"], "disabled": true}.'),
    );
    expect(refusal(NewTokenDto, { name: 'robot', scopes: ['root'] })).toEqual(
      sentence('Send {"name": "…", "scopes": ["ingest", "read", "admin"]}.'),
    );
  });

  it('answers an id that is not a whole number with 404', () => {
    expect(parse(IdParamsDto, { id: '17' }, 'param')).toEqual({ id: '17' });
    for (const id of ['x', '1.5', '1'.repeat(19)])
      expect(refusal(IdParamsDto, { id }, 'param')).toEqual({
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: 'No such id.' },
      });
  });

  it('reads the audit limit leniently', () => {
    expect(parse(AuditQueryDto, {}, 'query')).toEqual({ limit: 200 });
    expect(parse(AuditQueryDto, { limit: '5000' }, 'query')).toEqual({ limit: 1000 });
    expect(parse(AuditQueryDto, { limit: 'all' }, 'query')).toEqual({ limit: 200 });
  });
});
