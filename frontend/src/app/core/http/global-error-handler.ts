import { ErrorHandler, inject, Injectable, Injector } from '@angular/core';
import { Router } from '@angular/router';
import { isServerOrNetworkError, requestIdOf } from './api-error';

/**
 * Last resort for errors nobody handled. Programming errors are only logged (navigating away on
 * each one could loop); an unhandled server or network failure gets the friendly error page.
 */
@Injectable()
export class GlobalErrorHandler implements ErrorHandler {
  // The Router is resolved lazily: ErrorHandler is created before the router exists.
  private readonly injector = inject(Injector);

  handleError(error: unknown): void {
    console.error(error);
    if (!isServerOrNetworkError(error)) return;
    const router = this.injector.get(Router);
    if (router.url.startsWith('/fout')) return;
    const referentie = requestIdOf(error);
    void router.navigate(['/fout'], { queryParams: referentie ? { referentie } : {} });
  }
}
