import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { type CurrentUser, ROLE_LABELS } from '@werkpad/shared';

@Component({
  selector: 'wp-user-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button class="user-button" [matMenuTriggerFor]="menu">
      <mat-icon aria-hidden="true">account_circle</mat-icon>
      <!-- The hidden prefix gives the button a stable accessible name that still contains the visible text. -->
      <span class="cdk-visually-hidden">Gebruikersmenu: </span>{{ user().displayName }}
    </button>
    <mat-menu #menu="matMenu">
      <div class="menu-user">
        <div class="menu-user__name">{{ user().displayName }}</div>
        <div class="menu-user__roles">{{ roleLabels() }}</div>
      </div>
      <button mat-menu-item type="button" (click)="logout.emit()">
        <mat-icon aria-hidden="true">logout</mat-icon>
        <span>Uitloggen</span>
      </button>
    </mat-menu>
  `,
  styles: `
    .menu-user {
      padding: 8px 16px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      margin-bottom: 4px;
    }
    .menu-user__name {
      font: var(--mat-sys-title-small);
    }
    .menu-user__roles {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class UserMenu {
  readonly user = input.required<CurrentUser>();
  readonly logout = output();
  protected readonly roleLabels = computed(() =>
    this.user()
      .roles.map((role) => ROLE_LABELS[role])
      .join(', '),
  );
}
