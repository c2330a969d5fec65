import type { INestApplication } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiResponse,
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
} from '@nestjs/swagger';
import { cleanupOpenApiDoc, createZodDto, type ZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ErrorBody } from '../errors/error-response';
import { describes } from './schema-match';
import { isLoopback } from './security';

/** The body of every error answer (error-response.ts). */
export const errorBodySchema = describes<ErrorBody & { readonly field?: string }>()(
  z
    .object({
      statusCode: z.number().int().describe('The HTTP status, repeated'),
      error: z.string().describe('Its reason phrase, e.g. "Bad Request"'),
      message: z
        .union([z.string(), z.array(z.string())])
        .describe(
          'What is wrong, in words a person can act on; in the request’s language (`?lang=`, the user’s, `Accept-Language`, the shop’s) when the error has a `code`',
        ),
      code: z
        .string()
        .optional()
        .describe('A stable name of the error, e.g. `sign_in_failed`, `unauthenticated`'),
      params: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('The values the message of the `code` puts in'),
      field: z
        .string()
        .optional()
        .describe('The query parameter, path parameter or body field that is wrong'),
      errorId: z.string().optional().describe('For a 500: the id under which the error was logged'),
    })
    .catchall(z.unknown())
    .describe(
      'An error answer. Some carry more: `errors` (every problem of a settings body), `suggestion` (a 422 mapping suggestion), `batch` (the failed batch), `code`.',
    ),
);

export class ErrorBodyDto extends createZodDto(errorBodySchema) {}

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'A parameter, header or body is not valid: `field` names it, `message` says why',
  401: 'Not signed in, or the API token is unknown or revoked',
  403: 'The role or token scope does not give access, or a cookie-borne change lacks the X-XSRF-TOKEN header',
  404: 'There is no such resource',
  409: 'The batch is still being loaded',
  413: 'The JSON body is too large',
  415: 'The Content-Type is not one the endpoint reads',
  422: 'No confident mapping of the file: the answer carries a `suggestion`',
  429: 'Too many requests: wait the Retry-After seconds',
  500: 'An unexpected error, logged under `errorId`',
  503: 'The database is unavailable or busy: retry after Retry-After seconds',
};

/** Error answers of a route (or of every route of a controller), with the error body's schema. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_TEXT[status] ?? 'Error',
        type: ErrorBodyDto.Output,
      }),
    ),
  );
}

/** The answer of a route: its status and the zod DTO of its JSON body. */
export function ApiAnswer(
  type: ZodDto,
  options: { status?: number; description?: string } = {},
): MethodDecorator {
  return ApiResponse({
    status: options.status ?? 200,
    description: options.description ?? 'OK',
    type: type.Output,
  });
}

/** The encodings of every analytics answer (TabularInterceptor). */
export const TABULAR_CONTENT_TYPES = [
  'application/json',
  'text/csv',
  'application/vnd.apache.arrow.stream',
] as const;

/**
 * An analytics answer: JSON by default; one of its tables as CSV (`?format=csv` or
 * `Accept: text/csv`) or as an Arrow IPC stream (`?format=arrow`).
 */
export function ApiTabularAnswer(type: ZodDto, description = 'OK'): MethodDecorator {
  const output = type.Output;
  return applyDecorators(
    ApiExtraModels(output),
    ApiResponse({
      status: 200,
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(output) } },
        'text/csv': {
          schema: {
            type: 'string',
            description:
              'One table of the answer (`?table=`, default: the first list of records), UTF-8 with a BOM, formula-safe',
          },
        },
        'application/vnd.apache.arrow.stream': {
          schema: {
            type: 'string',
            format: 'binary',
            description: 'The same table as an Apache Arrow IPC stream',
          },
        },
      },
    }),
  );
}

/**
 * Whether the API description is served: `API_DOCS=on` always, `off` never, `auto` (the
 * default) only when the API listens on loopback — beyond it the description (every route,
 * parameter and answer) is not handed to anonymous callers.
 */
export function servesApiDocs(config: Pick<AppConfig, 'apiDocs' | 'host'>): boolean {
  return config.apiDocs === 'auto' ? isLoopback(config.host) : config.apiDocs === 'on';
}

/**
 * The OpenAPI description of the whole API at /api/docs (JSON at /api/docs-json), when the
 * configuration serves it (`servesApiDocs`); otherwise both addresses answer 404.
 */
export function setupOpenApi(app: INestApplication): void {
  if (!servesApiDocs(app.get<AppConfig>(APP_CONFIG))) return;
  const config = new DocumentBuilder()
    .setTitle('Returnlens API')
    .setDescription(
      'Ingestion of claims, feedback, sales and the catalogue; analytics of return causes, supplier defect rates, SLAs and sentiment. Metric definitions: GET /api/analytics/definitions.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API token (npm run token -- create)',
    })
    .build();
  // Parameters, bodies and answers come from the routes' zod DTOs; the clean-up turns
  // nestjs-zod's intermediate form into plain OpenAPI.
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
