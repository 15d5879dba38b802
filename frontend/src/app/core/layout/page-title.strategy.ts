import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const APP_NAME = 'Werkpad';

/** Routes name only the page ("Inloggen"); every tab reads "<page> – Werkpad" (WCAG 2.4.2). */
@Injectable({ providedIn: 'root' })
export class WerkpadTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} – ${APP_NAME}` : APP_NAME);
  }
}
