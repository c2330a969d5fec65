import {
  applyDecorators,
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  InternalServerErrorException,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Req,
  RequestTimeoutException,
  Res,
  ServiceUnavailableException,
  StreamableFile,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiHeader,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { BatchReport } from '@returnlens/shared/contracts';
import {
  AccountsService,
  actorOf,
  Allow,
  type AuthedRequest,
} from '@returnlens/api/auth/data-access';
import { RateLimitGuard } from '@returnlens/api/auth/data-access';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ApiAnswer,
  ApiErrorResponses,
  changesOf,
  isDatabaseUnavailable,
  nulField,
  requestLanguage,
} from '@returnlens/api/shared/util';
import {
  BatchesQueryDto,
  BatchIdParamsDto,
  IngestQueryDto,
  KindParamsDto,
  MappingPresetDto,
  PresetNameParamsDto,
  RejectedQueryDto,
} from './dto/ingest-request.dto';
import {
  BatchListDto,
  BatchReportDto,
  MappingPresetAnswerDto,
  MappingPresetListDto,
  MappingSuggestionDto,
  RejectedRowsDto,
} from './dto/ingest-response.dto';
import {
  BatchStore,
  IdempotencyKeyReusedError,
  IngestService,
  MappingPresets,
  type RequestMapping,
  UploadsBusyError,
  UploadStalledError,
} from '@returnlens/api/ingest/data-access';
import {
  BatchFailedError,
  BatchInProgressError,
  BatchNotFoundError,
  EmptyBatchError,
  formatOf,
  InputError,
  localizeBatchReport,
  localizeRejectedRow,
  MappingColumnsError,
  MappingNeededError,
  MappingPresetError,
  rejectedRowsCsvStream,
  type RejectedRow,
} from '@returnlens/api/ingest/util';

/** The file formats an upload may have, by Content-Type (formatOf). */
const FILE_TYPES = [
  'text/csv',
  'application/json',
  'application/x-ndjson',
  'application/vnd.apache.arrow.stream',
];

/** An upload's body: the file itself, streamed (never a JSON envelope or a form). */
function ApiFileBody(description: string): MethodDecorator {
  return applyDecorators(
    ApiConsumes(...FILE_TYPES),
    ApiBody({
      required: true,
      description,
      schema: { type: 'string', format: 'binary' },
    }),
    ApiHeader({
      name: 'Content-Type',
      required: true,
      description:
        'The file format: text/csv (also application/csv, text/tab-separated-values; charset=… declares a CSV encoding), application/json (an array of objects), application/x-ndjson (also application/jsonl), application/vnd.apache.arrow.stream (or .file)',
      schema: { type: 'string', enum: FILE_TYPES },
    }),
  );
}

/**
 * The X-Mapping header: a whole mapping, or a partial one without `columns` (only
 * `defaults`, `values` …), which is merged with the suggestion for the file.
 */
function mappingFrom(header: string | undefined): RequestMapping | undefined {
  if (!header) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    throw new BadRequestException({
      statusCode: 400,
      code: 'mapping_not_json',
      message: 'The X-Mapping header is not valid JSON.',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'mapping_not_object',
      message:
        'The mapping must be a JSON object: {"columns": {field: column}, "defaults": …, "values": …}.',
    });
  }
  const columns = (parsed as { columns?: unknown }).columns;
  if (
    columns !== undefined &&
    (typeof columns !== 'object' || columns === null || Array.isArray(columns))
  ) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'mapping_columns_not_object',
      message: 'The mapping\'s "columns" must be an object of field → column name.',
    });
  }
  for (const part of ['defaults', 'values'] as const) {
    const value = (parsed as Record<string, unknown>)[part];
    if (
      value !== undefined &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    )
      throw new BadRequestException({
        statusCode: 400,
        code: 'mapping_part_not_object',
        params: { part },
        message: `The mapping's "${part}" must be an object.`,
      });
  }
  // PostgreSQL stores no NUL (the mapping is kept with the batch, as jsonb).
  const nul = nulField(parsed);
  if (nul !== null) {
    throw new BadRequestException({
      field: `X-Mapping.${nul}`,
      message: `X-Mapping ${nul} contains a NUL character (\\u0000), which cannot be stored`,
    });
  }
  return parsed as RequestMapping;
}

/** Whose Idempotency-Key it is: the token's or the signed-in user's. */
function principalOf(request: Request): string | undefined {
  const principal = (request as AuthedRequest).principal;
  return principal ? `${principal.kind}:${principal.id}` : undefined;
}

/** File names are shown, never used as paths. */
function displayName(name: string | undefined): string | undefined {
  let decoded = name;
  try {
    decoded = name ? decodeURIComponent(name) : name; // browsers send it URI-encoded
  } catch {
    // not encoded
  }
  return decoded
    ? [...decoded]
        .filter((ch) => ch.charCodeAt(0) >= 0x20)
        .join('')
        .split(/[\\/]/)
        .pop()
        ?.slice(0, 255)
    : undefined;
}

@ApiTags('ingest')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller()
@Allow('ingest')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly batches: BatchStore,
    private readonly mappingPresets: MappingPresets,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * Loads a file of one kind. Format by Content-Type; mapping from the X-Mapping header,
   * else `?preset=`, else a confident suggestion from the headers (422 with the suggestion
   * otherwise). `?dryRun=true` validates and previews without storing.
   */
  @Post('ingest/:kind')
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ login: true })
  @ApiFileBody('The file: every row of one kind, any size (streamed, never buffered whole)')
  @ApiHeader({
    name: 'X-Mapping',
    required: false,
    description:
      'The mapping as JSON: {"columns": {"field": "column", …}, "values": …, "defaults": …, "dateFormat": …, "timeZone": …, "decimalSeparator": …}. Without "columns" (e.g. {"defaults": {"type": "complaint"}}) it is merged with the suggestion from the file’s headers and first rows.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Sending the same key again with the same file answers with the first batch’s report instead of loading the file twice (its first 200 characters count). A key is the caller’s (token or user) for one kind; the same key with a different file is refused with 422.',
  })
  @ApiHeader({
    name: 'X-File-Name',
    required: false,
    description: 'The file’s name, shown in the batch list (URI-encoded; never used as a path)',
  })
  @ApiAnswer(BatchReportDto, { status: 201, description: 'Loaded: the batch report' })
  @ApiAnswer(BatchReportDto, {
    status: 200,
    description: 'Dry run (?dryRun=true): validated and previewed, nothing stored',
  })
  @ApiErrorResponses(404, 408, 409, 415, 422, 429, 500)
  async upload(
    @Param() { kind }: KindParamsDto,
    @Query() query: IngestQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-mapping') mappingHeader: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-file-name') fileName: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BatchReport> {
    try {
      const { format, charset } = formatOf(contentType);
      const report = await this.ingest.ingest({
        kind,
        format,
        body: request,
        mapping: mappingFrom(mappingHeader),
        preset: query.preset,
        dryRun: query.dryRun === 'true',
        idempotencyKey: idempotencyKey?.slice(0, 200),
        principal: principalOf(request),
        sourceName: displayName(fileName),
        encoding: query.encoding ?? charset,
        delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
      });
      response.status(report.status === 'dry_run' ? 200 : 201);
      return localizeBatchReport(report, requestLanguage(request as AuthedRequest));
    } catch (error) {
      // Refused or stalled, its body unread: the connection closes after the answer.
      const stalled =
        error instanceof UploadStalledError ||
        (error instanceof BatchFailedError && error.cause instanceof UploadStalledError);
      if (error instanceof UploadsBusyError || stalled) response.setHeader('Connection', 'close');
      if (error instanceof UploadsBusyError) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw this.httpError(error);
    }
  }

  /** Reads the headers of a file (the first 64 kB are enough) and suggests a mapping. */
  @Post('ingest/:kind/suggest')
  @ApiFileBody('The file, or only its beginning: the first 64 kB are read')
  @ApiAnswer(MappingSuggestionDto, { status: 201, description: 'The suggested mapping' })
  @ApiErrorResponses(404, 415)
  async suggest(
    @Param() { kind }: KindParamsDto,
    @Query() query: IngestQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
  ) {
    try {
      const { format, charset } = formatOf(contentType);
      const suggestion = await this.ingest.suggest(kind, format, request, {
        encoding: query.encoding ?? charset,
        delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
      });
      request.resume(); // the rest of the body is not needed
      return suggestion;
    } catch (error) {
      throw this.httpError(error);
    }
  }

  @Get('batches')
  @ApiAnswer(BatchListDto, { description: 'The latest batches, newest first' })
  async list(@Query() { limit }: BatchesQueryDto) {
    return this.batches.list(limit);
  }

  @Get('batches/:id')
  @ApiAnswer(BatchReportDto)
  @ApiErrorResponses(404)
  async batch(
    @Param() { id }: BatchIdParamsDto,
    @Req() request: AuthedRequest,
  ): Promise<BatchReport> {
    return localizeBatchReport(await this.reportOf(id), requestLanguage(request));
  }

  /** Every rejected row of a batch with its errors, as JSON pages or as a CSV download. */
  @Get('batches/:id/rejected')
  @ApiExtraModels(RejectedRowsDto.Output)
  @ApiResponse({
    status: 200,
    description: 'A page of rejected rows as JSON, or every one as CSV (?format=csv)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RejectedRowsDto.Output) } },
      'text/csv': {
        schema: {
          type: 'string',
          description:
            'Columns row, field, value, message, original; formula-safe. Ends, when the batch kept only its first INGEST_REJECTED_ROWS_KEPT rejected rows, with the others counted by field and message',
        },
      },
    },
  })
  @ApiErrorResponses(404)
  async rejected(
    @Param() { id }: BatchIdParamsDto,
    @Query() { format, offset, limit, lang }: RejectedQueryDto,
    @Req() request: AuthedRequest,
  ) {
    // The problems are written in the request's language; the CSV's column labels only when
    // the address names one (`lang`), so scripts keep stable columns.
    const language = requestLanguage(request);
    const report = localizeBatchReport(await this.reportOf(id), language);
    if (format === 'csv') {
      // Streamed: rows read a page at a time as the client takes them (a million rejected
      // rows cost a page of memory); the rows not kept in full are summarised at the end.
      const stored = this.batches.rejectedRows(id);
      async function* rows(): AsyncGenerator<RejectedRow> {
        for await (const row of stored) yield localizeRejectedRow(row, language);
      }
      return new StreamableFile(rejectedRowsCsvStream(rows(), report, lang || null, language), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="batch-${id}-rejected.csv"`,
      });
    }
    const rows = await this.batches.rejectedPage(id, offset, limit);
    return { batchId: String(id), rows: rows.map((row) => localizeRejectedRow(row, language)) };
  }

  /** Also on the Settings page: `settings` opens the presets as `ingest` does. */
  @Get('mapping-presets')
  @Allow('ingest', 'settings')
  @ApiAnswer(MappingPresetListDto, { description: 'The saved mappings, by name' })
  presets() {
    return this.mappingPresets.list();
  }

  /** Saved and recorded in the audit log with what changed. */
  @Put('mapping-presets/:name')
  @Allow('ingest', 'settings')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiAnswer(MappingPresetAnswerDto, { description: 'Saved (created or replaced)' })
  async savePreset(
    @Param() { name }: PresetNameParamsDto,
    @Body() body: MappingPresetDto,
    @Req() request: AuthedRequest,
  ) {
    const previous = (await this.mappingPresets.list()).find((p) => p.name === name);
    await this.mappingPresets.save(name, body.kind, body.mapping);
    const changes = changesOf(previous && { kind: previous.kind, mapping: previous.mapping }, {
      kind: body.kind,
      mapping: body.mapping,
    });
    await this.accounts.audit(
      actorOf(request.principal),
      previous ? 'mapping_preset_changed' : 'mapping_preset_created',
      name,
      request.ip,
      !previous ? { kind: body.kind } : Object.keys(changes).length ? changes : undefined,
    );
    return { name, kind: body.kind, mapping: body.mapping };
  }

  private async reportOf(id: number): Promise<BatchReport> {
    try {
      return await this.batches.report(String(id));
    } catch (error) {
      throw this.httpError(error);
    }
  }

  private httpError(error: unknown): Error {
    if (error instanceof UploadsBusyError)
      return new ServiceUnavailableException({
        statusCode: 503,
        code: 'uploads_busy',
        params: { limit: error.limit },
        message: error.message,
      });
    if (error instanceof UploadStalledError) return new RequestTimeoutException(error.message);
    if (error instanceof BatchFailedError && error.cause instanceof UploadStalledError) {
      return new RequestTimeoutException({
        statusCode: 408,
        message: `Nothing was stored: ${error.message}`,
        batch: error.report,
      });
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return new UnprocessableEntityException({
        statusCode: 422,
        field: 'Idempotency-Key',
        message: error.message,
      });
    }
    if (error instanceof MappingNeededError) {
      return new UnprocessableEntityException({
        statusCode: 422,
        message: error.message,
        suggestion: error.suggestion,
      });
    }
    if (error instanceof InputError && /Content-Type/.test(error.message))
      return new UnsupportedMediaTypeException(error.message);
    if (error instanceof EmptyBatchError)
      return new BadRequestException({
        statusCode: 400,
        code: 'empty_file',
        message: error.message,
      });
    if (
      error instanceof InputError ||
      error instanceof MappingPresetError ||
      error instanceof MappingColumnsError
    ) {
      return new BadRequestException(error.message);
    }
    // Not the file's fault: the global filter answers 503 with Retry-After.
    if (error instanceof BatchFailedError && isDatabaseUnavailable(error.cause)) return error;
    if (error instanceof BatchFailedError && error.internal) {
      return new InternalServerErrorException({
        statusCode: 500,
        message: `Nothing was stored: ${error.message}`,
        batch: error.report,
      });
    }
    if (error instanceof BatchFailedError) {
      return new BadRequestException({
        statusCode: 400,
        message: `Nothing was stored: ${error.message}`,
        batch: error.report,
      });
    }
    if (error instanceof BatchInProgressError) return new ConflictException(error.message);
    if (error instanceof BatchNotFoundError)
      return new NotFoundException({
        statusCode: 404,
        code: 'batch_not_found',
        params: { id: error.id },
        message: error.message,
      });
    return error as Error;
  }
}
