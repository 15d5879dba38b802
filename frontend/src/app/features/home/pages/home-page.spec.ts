import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PackedRule, Role } from '@werkpad/shared';
import { ADMIN_RULES, COACH_RULES, currentUser } from '../../../../testing/users';
import { AuthService } from '../../../core/auth/auth.service';
import { HomePage } from './home-page';

async function renderAs(roles: Role[], rules: PackedRule[]): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const backend = TestBed.inject(HttpTestingController);
  TestBed.inject(AuthService).login({ username: 'anna', password: 'geheim' }).subscribe();
  backend.expectOne('/api/auth/login').flush({ accessToken: 'jwt', expiresIn: 900 });
  backend.expectOne('/api/auth/me').flush(currentUser(roles, rules));

  const fixture = TestBed.createComponent(HomePage);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const links = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);

describe('HomePage', () => {
  it('welcomes the user by name and lists their roles in Dutch', async () => {
    const root = await renderAs(['coach', 'dpo'], COACH_RULES);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Welkom, Anna de Vries');
    expect(root.textContent).toContain('Trajectbegeleider, Functionaris Gegevensbescherming');
  });

  it('offers a coach only the caseload', async () => {
    expect(links(await renderAs(['coach'], COACH_RULES))).toEqual([['Caseload bekijken', '/clienten']]);
  });

  it('offers an admin only user management', async () => {
    expect(links(await renderAs(['admin'], ADMIN_RULES))).toEqual([
      ['Accounts beheren', '/beheer/gebruikers'],
    ]);
  });
});
