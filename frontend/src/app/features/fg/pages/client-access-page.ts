import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ClientAccessOverview } from '@werkpad/shared';
import { catchError, of, switchMap, tap } from 'rxjs';
import { apiErrorMessage, httpStatus } from '../../../core/http/api-error';
import {
  actionLabel,
  categoryLabels,
  dutchDateTime,
  formatNumber,
  groundLabel,
  isUuid,
  resultLabel,
  roleLabels,
} from '../fg-labels';
import { FgService } from '../services/fg.service';

/**
 * Who looked at one client's data, oldest first, as NEN 7513 asks an access overview to show: when,
 * which organisation unit and role, which user, which categories, which action, on what ground, and
 * whether emergency access was used. Answers a data subject's access request; client ids only.
 */
@Component({
  selector: 'wp-client-access-page',
  imports: [RouterLink, MatIconModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-access-page.html',
  styleUrl: './fg-page.scss',
})
export class ClientAccessPage {
  private readonly fg = inject(FgService);

  /** From the route (withComponentInputBinding). */
  readonly clientId = input.required<string>();

  protected readonly overview = signal<ClientAccessOverview | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = [
    'occurredAt',
    'organisationUnit',
    'roles',
    'user',
    'categories',
    'action',
    'result',
    'ground',
    'emergency',
  ];
  protected readonly label = {
    action: actionLabel,
    categories: categoryLabels,
    dateTime: dutchDateTime,
    ground: groundLabel,
    number: formatNumber,
    result: resultLabel,
    roles: roleLabels,
  };

  constructor() {
    toObservable(this.clientId)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
          this.overview.set(null);
        }),
        switchMap((clientId) => {
          if (!isUuid(clientId)) return of(null);
          return this.fg.clientOverview(clientId).pipe(
            catchError((error: unknown) => {
              this.error.set(
                httpStatus(error) === 404
                  ? 'Er is geen cliënt met dit id.'
                  : apiErrorMessage(
                      error,
                      'Het toegangsoverzicht kon niet worden geladen. Probeer het opnieuw.',
                    ),
              );
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((overview) => {
        if (!overview && !this.error()) this.error.set('Dit is geen geldig cliënt-id.');
        this.overview.set(overview);
        this.loading.set(false);
      });
  }
}
