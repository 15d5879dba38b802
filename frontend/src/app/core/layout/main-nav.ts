import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink, RouterLinkActive } from '@angular/router';
import type { AppAbility } from '../auth/ability';
import { permittedNavItems } from './nav-items';

/** The role-aware main navigation: a plain list of links, so screen readers announce "list, 4 items". */
@Component({
  selector: 'wp-main-nav',
  imports: [RouterLink, RouterLinkActive, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav aria-label="Hoofdnavigatie">
      <ul class="nav-list">
        @for (item of items(); track item.path) {
          <li>
            <a
              class="nav-link"
              [routerLink]="item.path"
              routerLinkActive="nav-link--active"
              [routerLinkActiveOptions]="{ exact: item.path === '/' }"
              ariaCurrentWhenActive="page"
            >
              <mat-icon aria-hidden="true">{{ item.icon }}</mat-icon>
              <span>{{ item.label }}</span>
            </a>
          </li>
        }
      </ul>
    </nav>
  `,
  styleUrl: './main-nav.scss',
})
export class MainNav {
  readonly ability = input.required<AppAbility>();
  protected readonly items = computed(() => permittedNavItems(this.ability()));
}
