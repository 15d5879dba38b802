import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { isApiUrl, isTokenlessAuthUrl } from './auth-endpoints';
import { AuthService } from './auth.service';
import { RETRY_ON_UNAUTHORIZED } from './http-context';

function withBearer<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the in-memory access token to API calls. Access tokens live 15 minutes, so a 401 usually
 * means "expired": refresh once with the cookie and replay the call; when even that fails the
 * session is over and the user is sent to the login page with the reason.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url) || isTokenlessAuthUrl(request.url)) return next(request);

  const auth = inject(AuthService);
  const router = inject(Router);

  return next(withBearer(request, auth.accessToken())).pipe(
    catchError((error: unknown) => {
      const expired = error instanceof HttpErrorResponse && error.status === 401;
      if (!expired || !request.context.get(RETRY_ON_UNAUTHORIZED)) return throwError(() => error);

      return auth.refresh().pipe(
        catchError(() => {
          auth.clearSession();
          void router.navigate(['/inloggen'], { queryParams: { reden: 'verlopen' } });
          return throwError(() => error);
        }),
        switchMap((token) => next(withBearer(request, token))),
      );
    }),
  );
};
