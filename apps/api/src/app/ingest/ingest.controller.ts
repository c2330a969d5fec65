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
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  INGEST_KINDS,
  type BatchReport,
  type IngestKind,
  type IngestMapping,
} from '@returnlens/shared/contracts';
import { Allow } from '../auth/access.decorators';
import { RateLimitGuard } from '../auth/rate-limit.guard';
import { SkipThrottle } from '@nestjs/throttler';
import { DEFAULT_SHOP_ID } from '../database/shop-owned';
import { isDatabaseUnavailable } from '../errors/error-classification';
import { IngestQueryDto, MappingPresetDto } from './dto/ingest-query.dto';
import {
  BatchFailedError,
  BatchInProgressError,
  BatchNotFoundError,
  EmptyBatchError,
  IngestService,
  MappingColumnsError,
  MappingNeededError,
  MappingPresetError,
} from './ingest.service';
import { formatOf, InputError } from './readers';
import { rejectedRowsCsv } from './rejected-rows.csv';

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
    @InjectDataSource() private readonly db: DataSource,
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
    return this.db.query(
      `SELECT id::text, kind, format, status, source_name AS "sourceName", received_count AS received,
              inserted_count AS inserted, updated_count AS updated, unchanged_count AS unchanged,
              rejected_count AS rejected, unlinked_count AS unlinked, started_at AS "startedAt",
              finished_at AS "finishedAt", error
         FROM ingest_batches WHERE shop_id = $1 ORDER BY ingest_batches.id DESC LIMIT $2`,
      [DEFAULT_SHOP_ID, n],
    );
  }

  @Get('batches/:id')
  async batch(@Param('id', ParseIntPipe) id: number): Promise<BatchReport> {
    try {
      return await this.ingest.report(String(id));
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
      const rows = await this.db.query(
        'SELECT row_number AS "rowNumber", raw, errors FROM rejected_rows WHERE batch_id = $1 ORDER BY row_number',
        [id],
      );
      return rejectedRowsCsv(rows);
    }
    const rows = await this.db.query(
      `SELECT row_number AS "rowNumber", raw, errors FROM rejected_rows WHERE batch_id = $1
        ORDER BY row_number OFFSET $2 LIMIT $3`,
      [id, Math.max(0, Number(offset) || 0), Math.min(1000, Math.max(1, Number(limit) || 100))],
    );
    return { batchId: String(id), rows };
  }

  @Get('mapping-presets')
  presets() {
    return this.db.query(
      'SELECT name, kind, mapping, updated_at AS "updatedAt" FROM mapping_presets WHERE shop_id = $1 ORDER BY name',
      [DEFAULT_SHOP_ID],
    );
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
    kindOf(body.kind);
    await this.db.query(
      `INSERT INTO mapping_presets (shop_id, name, kind, mapping) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id, name) DO UPDATE SET kind = EXCLUDED.kind, mapping = EXCLUDED.mapping, updated_at = now()`,
      [DEFAULT_SHOP_ID, name, body.kind, JSON.stringify(body.mapping)],
    );
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
