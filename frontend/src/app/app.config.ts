import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeNl from '@angular/common/locales/nl';
import {
  type ApplicationConfig,
  ErrorHandler,
  inject,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { errorInterceptor } from './core/http/error.interceptor';
import { GlobalErrorHandler } from './core/http/global-error-handler';
import { WerkpadTitleStrategy } from './core/layout/page-title.strategy';
import { provideDutchDates } from './shared/dutch-dates';
import { DutchPaginatorIntl } from './shared/dutch-paginator-intl';

// 'nl-NL' resolves to this 'nl' data (Angular falls back from region to language).
registerLocaleData(localeNl);

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    // The auth interceptor is outermost so that a refreshed retry passes the error interceptor again.
    provideHttpClient(withInterceptors([authInterceptor, errorInterceptor])),
    // Restores a session from the refresh cookie before the first navigation runs its guards.
    provideAppInitializer(() => inject(AuthService).restoreSession()),
    { provide: LOCALE_ID, useValue: 'nl-NL' },
    { provide: TitleStrategy, useExisting: WerkpadTitleStrategy },
    { provide: ErrorHandler, useClass: GlobalErrorHandler },
    { provide: MatPaginatorIntl, useClass: DutchPaginatorIntl },
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } },
    // Datepickers read and write dd-mm-jjjj; the API gets YYYY-MM-DD through toIsoDate (no UTC shift).
    ...provideDutchDates(),
  ],
};
