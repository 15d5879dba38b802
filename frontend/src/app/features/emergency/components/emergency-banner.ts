import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import type { EmergencyAccessGrant } from '@werkpad/shared';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchTime } from '../emergency-form';
import { EmergencyAccessService } from '../services/emergency-access.service';

/** Expired grants leave the banner within this time; the API has ended them at expiry already. */
const TICK_MS = 30_000;

/**
 * Shown above every page while the user has emergency access, so it is never forgotten: until when,
 * for how many clients, and a button to end it at once. Only users who may request emergency access
 * (coach, income consultant) ask the API for their grants.
 */
@Component({
  selector: 'wp-emergency-banner',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (emergency.active().length > 0) {
      <section class="banner" aria-label="Noodtoegang actief">
        @for (grant of emergency.active(); track grant.id) {
          <div class="row">
            <mat-icon aria-hidden="true">emergency</mat-icon>
            <span [id]="'noodtoegang-' + grant.id" class="text"
              >Noodtoegang tot {{ time(grant.expiresAt) }} voor 1 cliënt</span
            >
            <a
              mat-button
              [routerLink]="['/clienten', grant.clientId]"
              [attr.aria-describedby]="'noodtoegang-' + grant.id"
              >Dossier openen</a
            >
            <button
              mat-stroked-button
              type="button"
              (click)="end(grant)"
              [attr.aria-describedby]="'noodtoegang-' + grant.id"
            >
              Beëindigen
            </button>
          </div>
        }
      </section>
    }
    <div class="cdk-visually-hidden" role="status">{{ message() ?? '' }}</div>
    @if (error(); as error) {
      <div class="alert alert--error" role="alert">{{ error }}</div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .banner {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 8px;
      padding: 4px 12px;
      margin: 0 0 16px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .text {
      font-weight: 500;
      margin-right: auto;
    }
  `,
})
export class EmergencyBanner {
  protected readonly emergency = inject(EmergencyAccessService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly time = dutchTime;

  constructor() {
    // Asks again whenever the signed-in user changes; someone who may not ask gets an empty banner.
    effect(() => {
      const user = this.auth.user();
      const allowed = this.auth.isAuthenticated() && this.auth.ability().can('create', 'EmergencyAccess');
      untracked(() => (allowed && user ? this.emergency.refresh() : this.emergency.clear()));
    });
    const timer = setInterval(() => this.emergency.now.set(new Date()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected end(grant: EmergencyAccessGrant): void {
    this.error.set(null);
    this.emergency.end(grant.id).subscribe({
      next: () => {
        this.message.set('De noodtoegang is beëindigd.');
        // The file is no longer readable: leave it rather than show errors.
        if (this.router.url.startsWith(`/clienten/${grant.clientId}`)) void this.router.navigateByUrl('/');
      },
      error: (error: unknown) =>
        this.error.set(
          apiErrorMessage(error, 'De noodtoegang kon niet worden beëindigd. Probeer het opnieuw.'),
        ),
    });
  }
}
