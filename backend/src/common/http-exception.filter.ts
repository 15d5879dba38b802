import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type ApiErrorBody, type ApiFieldError } from '@werkpad/shared';
import { type Response } from 'express';

import { RequestContext } from './request-context';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const GENERIC: Readonly<Record<number, string>> = {
  404: 'Niet gevonden.',
  429: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  500: 'Er is een onverwachte fout opgetreden. Probeer het later opnieuw.',
};

function messageOf(response: unknown, status: number): { message: string; errors?: ApiFieldError[] } {
  if (typeof response === 'string') return { message: response };
  if (typeof response === 'object' && response !== null) {
    const body = response as { message?: unknown; errors?: ApiFieldError[] };
    if (Array.isArray(body.message)) return { message: body.message.join('; '), errors: body.errors };
    if (typeof body.message === 'string') return { message: body.message, errors: body.errors };
  }
  return { message: GENERIC[status] ?? 'Er ging iets mis.' };
}

/**
 * One error shape for the whole API (ApiErrorBody). Unexpected errors become a 500 with a generic
 * Dutch message and the request id: stack traces, SQL and values never reach the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = RequestContext.current()?.requestId;
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let content: { message: string; errors?: ApiFieldError[] } = { message: GENERIC[500] };
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      content = status === 429 ? { message: GENERIC[429] } : messageOf(exception.getResponse(), status);
    } else {
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
    }
    const body: ApiErrorBody = {
      statusCode: status,
      error: STATUS_TEXT[status] ?? 'Error',
      message: content.message,
      ...(content.errors ? { errors: content.errors } : {}),
      ...(requestId ? { requestId } : {}),
    };
    if (!response.headersSent) response.status(status).json(body);
  }
}
