import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { COACH_RULES, currentUser } from '../../../testing/users';
import { abilityGuard, authGuard } from './auth.guards';
import { AuthService } from './auth.service';

@Component({ selector: 'wp-dummy', template: '' })
class Dummy {}

describe('route guards', () => {
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'inloggen', component: Dummy },
          { path: 'geen-toegang', component: Dummy },
          {
            path: '',
            canActivate: [authGuard],
            children: [
              {
                path: 'clienten',
                component: Dummy,
                canActivate: [abilityGuard],
                data: { ability: ['read', 'Client'] },
              },
              {
                path: 'beheer/gebruikers',
                component: Dummy,
                canActivate: [abilityGuard],
                data: { ability: ['manage', 'User'] },
              },
            ],
          },
        ]),
      ],
    });
    router = TestBed.inject(Router);
  });

  function signInAsCoach(): void {
    const backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ username: 'anna', password: 'geheim' }).subscribe();
    backend.expectOne('/api/auth/login').flush({ accessToken: 'jwt', expiresIn: 900 });
    backend.expectOne('/api/auth/me').flush(currentUser(['coach'], COACH_RULES));
  }

  it('sends visitors to the login page with a return URL', async () => {
    await RouterTestingHarness.create('/beheer/gebruikers');
    expect(router.url).toBe('/inloggen?returnUrl=%2Fbeheer%2Fgebruikers');
  });

  it('lets a coach see the caseload', async () => {
    signInAsCoach();
    await RouterTestingHarness.create('/clienten');
    expect(router.url).toBe('/clienten');
  });

  it('sends a coach away from user management to "geen toegang"', async () => {
    signInAsCoach();
    await RouterTestingHarness.create('/beheer/gebruikers');
    expect(router.url).toBe('/geen-toegang');
  });
});
