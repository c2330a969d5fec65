import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FilterError } from '@returnlens/api/analytics/util';
import { localizeErrorBody, requestLanguage } from '@returnlens/api/shared/util';

/** A bad filter or page parameter → 400 naming the parameter, in the request's language. */
@Catch(FilterError)
export class FilterErrorFilter implements ExceptionFilter {
  catch(error: FilterError, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      field: error.field,
      ...(error.code ? { code: error.code, params: error.params ?? {} } : {}),
      message: error.message,
    };
    http
      .getResponse<Response>()
      .status(400)
      .json(localizeErrorBody(body, requestLanguage(http.getRequest<Request>())));
  }
}
