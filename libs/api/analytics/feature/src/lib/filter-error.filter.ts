import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { FilterError } from '@returnlens/api/analytics/util';

/** A bad filter or page parameter → 400 naming the parameter. */
@Catch(FilterError)
export class FilterErrorFilter implements ExceptionFilter {
  catch(error: FilterError, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      field: error.field,
      message: error.message,
    });
  }
}
