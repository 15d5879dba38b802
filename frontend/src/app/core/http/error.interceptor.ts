import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { httpStatus, isServerOrNetworkError, requestIdOf } from './api-error';
import { NAVIGATION_CRITICAL } from './navigation-critical';

/** Sends failures of navigation-critical calls to the error or no-access page; rethrows in any case. */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.context.get(NAVIGATION_CRITICAL)) return next(request);
  const router = inject(Router);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (isServerOrNetworkError(error)) {
        const referentie = requestIdOf(error);
        void router.navigate(['/fout'], { queryParams: referentie ? { referentie } : {} });
      } else if (httpStatus(error) === 403) {
        void router.navigate(['/geen-toegang']);
      }
      return throwError(() => error);
    }),
  );
};
