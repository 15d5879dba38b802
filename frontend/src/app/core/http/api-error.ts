import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ApiFieldError } from '@werkpad/shared';

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).message === 'string';
}

/** The API's error body, when the response carries one (proxies and network failures do not). */
export function apiErrorBody(error: unknown): ApiErrorBody | null {
  return error instanceof HttpErrorResponse && isApiErrorBody(error.error) ? error.error : null;
}

/** The API's messages are Dutch and meant for users; anything else gets the caller's fallback. */
export function apiErrorMessage(error: unknown, fallback: string): string {
  return apiErrorBody(error)?.message ?? fallback;
}

export function apiFieldErrors(error: unknown): readonly ApiFieldError[] {
  return apiErrorBody(error)?.errors ?? [];
}

export function httpStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** Status 0 is a network failure (server down, connection lost); 5xx is the server's own failure. */
export function isServerOrNetworkError(error: unknown): boolean {
  const status = httpStatus(error);
  return status !== null && (status === 0 || status >= 500);
}

/** The reference users can quote to the helpdesk; matches the server's log line. */
export function requestIdOf(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  return apiErrorBody(error)?.requestId ?? error.headers?.get('x-request-id') ?? null;
}
