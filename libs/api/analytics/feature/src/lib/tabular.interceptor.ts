import {
  BadRequestException,
  Injectable,
  SetMetadata,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import {
  arrowExportStream,
  csvExportStream,
  pickTable,
  TableExport,
  toArrow,
  toCsv,
} from '@returnlens/api/analytics/util';
import { explicitLanguage, requestedFormat } from '@returnlens/api/shared/util';

const ROW_EXPORT = 'returnlens:row-export';

/**
 * Marks a records route: as CSV or Arrow it answers every row through a cursor (a
 * `TableExport`), not a page, so the export is neither read from nor kept in the answer cache.
 */
export const ExportsEveryRow = () => SetMetadata(ROW_EXPORT, true);

/**
 * Every analytics answer as JSON (default), CSV or Arrow IPC. CSV and Arrow carry one table
 * of the answer: `?table=` names it, else the first list of records; `?lang=` writes a CSV's
 * header as labels in that language (Arrow keeps field names). A records route answers a
 * `TableExport` instead, streamed row by row (memory holds one batch, whatever the size).
 */
@Injectable()
export class TabularInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const format = requestedFormat(req);
    // Column labels only when asked for by name: machine clients keep the field names.
    const lang = explicitLanguage(req);
    if (format !== 'json' && this.reflector.get<boolean>(ROW_EXPORT, context.getHandler())) {
      // The documented per-request switch of the answer cache: computed alone, not stored
      // (the cache key leaves the format out, and a page is not the export).
      req.headers['cache-control'] = 'no-store';
    }
    return next.handle().pipe(
      mergeMap(async (body) => {
        if (format === 'json') return body;
        const tableName = typeof req.query['table'] === 'string' ? req.query['table'] : undefined;
        const base = `${req.path.split('/').filter(Boolean).slice(-1)[0] ?? 'export'}${tableName ? `-${tableName}` : ''}`;
        if (body instanceof TableExport) {
          const cursor = await body.open();
          return this.file(
            res,
            format,
            base,
            format === 'csv' ? csvExportStream(cursor, lang) : arrowExportStream(cursor),
          );
        }
        let rows: Record<string, unknown>[];
        try {
          rows = pickTable(body, tableName);
        } catch (error) {
          throw new BadRequestException({ field: 'table', message: (error as Error).message });
        }
        return this.file(
          res,
          format,
          base,
          format === 'csv' ? Buffer.from(toCsv(rows, lang), 'utf8') : toArrow(rows),
        );
      }),
    );
  }

  private file(
    res: Response,
    format: 'csv' | 'arrow',
    base: string,
    content: Uint8Array | Readable,
  ): StreamableFile {
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${base}.csv"`);
    } else {
      res.setHeader('Content-Type', 'application/vnd.apache.arrow.stream');
      res.setHeader('Content-Disposition', `attachment; filename="${base}.arrow"`);
    }
    return content instanceof Uint8Array
      ? new StreamableFile(content)
      : new StreamableFile(content);
  }
}
