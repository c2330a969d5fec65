import {
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
  ParseIntPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  INGEST_KINDS,
  type BatchReport,
  type IngestKind,
  type IngestMapping,
} from '@returnlens/shared/contracts';
import { Allow } from '@returnlens/api/auth/data-access';
import { RateLimitGuard } from '@returnlens/api/auth/data-access';
import { SkipThrottle } from '@nestjs/throttler';
import { isDatabaseUnavailable } from '@returnlens/api/shared/util';
import { IngestQueryDto, MappingPresetDto } from './dto/ingest-query.dto';
import { BatchStore, IngestService, MappingPresets } from '@returnlens/api/ingest/data-access';
import {
  BatchFailedError,
  BatchInProgressError,
  BatchNotFoundError,
  EmptyBatchError,
  formatOf,
  InputError,
  MappingColumnsError,
  MappingNeededError,
  MappingPresetError,
  rejectedRowsCsv,
} from '@returnlens/api/ingest/util';

function kindOf(value: string): IngestKind {
  if (!(INGEST_KINDS as readonly string[]).includes(value)) {
    throw new NotFoundException(`Unknown kind "${value}"; use one of ${INGEST_KINDS.join(', ')}.`);
  }
  return value as IngestKind;
}

function mappingFrom(header: string | undefined): IngestMapping | undefined {
  if (!header) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    throw new BadRequestException('The X-Mapping header is not valid JSON.');
  }
  const columns = (parsed as { columns?: unknown })?.columns;
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    throw new BadRequestException('The mapping needs "columns": an object of field → column name.');
  }
  return parsed as IngestMapping;
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
@Controller()
@Allow('ingest')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly batches: BatchStore,
    private readonly mappingPresets: MappingPresets,
  ) {}

  /**
   * Loads a file of one kind. Format by Content-Type; mapping from the X-Mapping header,
   * else `?preset=`, else a confident suggestion from the headers (422 with the suggestion
   * otherwise). `?dryRun=true` validates and previews without storing.
   */
  @Post('ingest/:kind')
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ login: true })
  async upload(
    @Param('kind') kindParam: string,
    @Query() query: IngestQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-mapping') mappingHeader: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-file-name') fileName: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BatchReport> {
    const kind = kindOf(kindParam);
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
        sourceName: displayName(fileName),
        encoding: query.encoding ?? charset,
        delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
      });
      response.status(report.status === 'dry_run' ? 200 : 201);
      return report;
    } catch (error) {
      throw this.httpError(error);
    }
  }

  /** Reads the headers of a file (the first 64 kB are enough) and suggests a mapping. */
  @Post('ingest/:kind/suggest')
  async suggest(
    @Param('kind') kindParam: string,
    @Query() query: IngestQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
  ) {
    const kind = kindOf(kindParam);
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
  async list(@Query('limit') limit = '50') {
    const n = Math.min(500, Math.max(1, Number.parseInt(limit, 10) || 50));
    return this.batches.list(n);
  }

  @Get('batches/:id')
  async batch(@Param('id', ParseIntPipe) id: number): Promise<BatchReport> {
    try {
      return await this.batches.report(String(id));
    } catch (error) {
      throw this.httpError(error);
    }
  }

  /** Every rejected row of a batch with its errors, as JSON pages or as a CSV download. */
  @Get('batches/:id/rejected')
  async rejected(
    @Param('id', ParseIntPipe) id: number,
    @Query('format') format: string | undefined,
    @Query('offset') offset = '0',
    @Query('limit') limit = '100',
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.batch(id);
    if (format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="batch-${id}-rejected.csv"`);
      return rejectedRowsCsv(await this.batches.rejectedAll(id));
    }
    const rows = await this.batches.rejectedPage(
      id,
      Math.max(0, Number(offset) || 0), Math.min(1000, Math.max(1, Number(limit) || 100)),
    );
    return { batchId: String(id), rows };
  }

  @Get('mapping-presets')
  presets() {
    return this.mappingPresets.list();
  }

  @Put('mapping-presets/:name')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async savePreset(@Param('name') name: string, @Body() body: MappingPresetDto) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/.test(name)) {
      throw new BadRequestException(
        'A preset name has 1–100 letters, digits, spaces, dots, dashes or underscores.',
      );
    }
    await this.mappingPresets.save(name, kindOf(body.kind), body.mapping);
    return { name, kind: body.kind, mapping: body.mapping };
  }

  private httpError(error: unknown): Error {
    if (error instanceof MappingNeededError) {
      return new UnprocessableEntityException({
        statusCode: 422,
        message: error.message,
        suggestion: error.suggestion,
      });
    }
    if (error instanceof InputError && /Content-Type/.test(error.message))
      return new UnsupportedMediaTypeException(error.message);
    if (
      error instanceof InputError ||
      error instanceof EmptyBatchError ||
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
    if (error instanceof BatchNotFoundError) return new NotFoundException(error.message);
    return error as Error;
  }
}
