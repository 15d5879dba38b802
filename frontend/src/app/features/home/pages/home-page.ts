import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { permittedNavItems } from '../../../core/layout/nav-items';
import { RoleLabelsPipe } from '../../../shared/role-labels.pipe';

@Component({
  selector: 'wp-home-page',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatIconModule, RoleLabelsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (auth.user(); as user) {
      <h1>Welkom, {{ user.displayName }}</h1>
      <p class="roles">
        Uw {{ user.roles.length === 1 ? 'rol' : 'rollen' }}: <strong>{{ user.roles | roleLabels }}</strong>
      </p>

      @if (features().length > 0) {
        <h2 class="features-heading">Waar wilt u mee verder?</h2>
        <ul class="features">
          @for (feature of features(); track feature.path) {
            <li>
              <mat-card appearance="outlined" class="feature">
                <mat-card-header>
                  <mat-icon mat-card-avatar aria-hidden="true">{{ feature.icon }}</mat-icon>
                  <h3 mat-card-title>{{ feature.label }}</h3>
                </mat-card-header>
                <mat-card-content>
                  <p>{{ feature.description }}</p>
                </mat-card-content>
                <mat-card-actions>
                  <a mat-button [routerLink]="feature.path">{{ feature.cardAction }}</a>
                </mat-card-actions>
              </mat-card>
            </li>
          }
        </ul>
      } @else {
        <p>Er zijn voor uw rol nog geen onderdelen beschikbaar in Werkpad.</p>
      }
    }
  `,
  styles: `
    .roles {
      margin: 0 0 24px;
    }
    .features-heading {
      margin-top: 8px;
    }
    .features {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    }
    .feature {
      height: 100%;
    }
    .feature h3 {
      margin: 0;
    }
    .feature mat-icon {
      color: var(--mat-sys-primary);
      font-size: 32px;
      width: 32px;
      height: 32px;
    }
  `,
})
export class HomePage {
  protected readonly auth = inject(AuthService);
  /** "Start" is this page itself; the cards show the other places the user may go. */
  protected readonly features = computed(() =>
    permittedNavItems(this.auth.ability()).filter((item) => item.cardAction !== undefined),
  );
}
