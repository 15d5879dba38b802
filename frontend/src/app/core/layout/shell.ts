import { ChangeDetectionStrategy, Component, type ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { EmergencyBanner } from '../../features/emergency/components/emergency-banner';
import { AuthService } from '../auth/auth.service';
import { MainNav } from './main-nav';
import { APP_NAME } from './page-title.strategy';
import { UserMenu } from './user-menu';

/** Skip link, banner, main navigation (signed-in only) and the main landmark around every page. */
@Component({
  selector: 'wp-shell',
  imports: [RouterOutlet, MatToolbarModule, EmergencyBanner, MainNav, UserMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  protected readonly appName = APP_NAME;

  constructor() {
    // A single-page app does not reset focus on navigation; moving it to <main> tells screen-reader
    // and keyboard users the content changed. The first navigation is the page load and is left alone.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.focusMain());
  }

  /** The <base href> would turn "#hoofdinhoud" into a link to the home page, so focus by hand. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/inloggen'));
  }

  private focusMain(): void {
    this.main().nativeElement.focus();
  }
}
