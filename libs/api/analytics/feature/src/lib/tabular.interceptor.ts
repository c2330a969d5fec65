import {
  BadRequestException,
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { pickTable, toArrow, toCsv } from '@returnlens/api/analytics/util';
import { requestedFormat } from '@returnlens/api/shared/util';

/**
 * Every analytics answer as JSON (default), CSV or Arrow IPC. CSV and Arrow carry one table
 * of the answer: `?table=` names it, else the first list of records.
 */
@Injectable()
export class TabularInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const format = requestedFormat(req);
    return next.handle().pipe(
      map((body) => {
        if (format === 'json') return body;
        const tableName = typeof req.query['table'] === 'string' ? req.query['table'] : undefined;
        let rows: Record<string, unknown>[];
        try {
          rows = pickTable(body, tableName);
        } catch (error) {
          throw new BadRequestException({ field: 'table', message: (error as Error).message });
        }
        const base = `${req.path.split('/').filter(Boolean).slice(-1)[0] ?? 'export'}${tableName ? `-${tableName}` : ''}`;
        if (format === 'csv') {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="${base}.csv"`);
          return new StreamableFile(Buffer.from(toCsv(rows), 'utf8'));
        }
        res.setHeader('Content-Type', 'application/vnd.apache.arrow.stream');
        res.setHeader('Content-Disposition', `attachment; filename="${base}.arrow"`);
        return new StreamableFile(toArrow(rows));
      }),
    );
  }
}
