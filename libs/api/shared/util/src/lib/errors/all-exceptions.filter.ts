import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { errorAnswer, sendErrorAnswer } from './error-response';
import { requestLanguage } from '../i18n/request-language';

/**
 * The error contract of every route (registered in main.ts): HttpExceptions keep their
 * status and message; a lost database is a 503 with Retry-After; anything else a 500 with
 * an error id that is logged with the full error. Errors with a `code` speak the request's
 * language (`requestLanguage`: `?lang=`, the user's, `Accept-Language`, the shop's).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    sendErrorAnswer(
      http.getResponse<Response>(),
      errorAnswer(error, request, requestLanguage(request)),
    );
  }
}

/**
 * The same contract for errors raised by Express middleware before Nest routes the request
 * (body-parser's 413 and bad JSON); register it right after that middleware.
 */
export function expressErrorHandler(
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (response.headersSent) return next(error);
  sendErrorAnswer(response, errorAnswer(error, request, requestLanguage(request)));
}
