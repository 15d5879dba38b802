import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { EmergencyAccessGrant } from '@werkpad/shared';
import { currentUser, DPO_RULES, packed } from '../../../../testing/users';
import { buildAbility } from '../../../core/auth/ability';
import { AuthService } from '../../../core/auth/auth.service';
import { EmergencyBanner } from './emergency-banner';

const HOUR = 3_600_000;

function grant(overrides: Partial<EmergencyAccessGrant> = {}): EmergencyAccessGrant {
  return {
    id: 'g1',
    clientId: 'c-42',
    userId: 'u-coach',
    reason: 'crisis_contact',
    explanation: 'Cliënt belt in paniek over de uitkering',
    startedAt: new Date(Date.now() - 0.5 * HOUR).toISOString(),
    expiresAt: new Date(Date.now() + 0.5 * HOUR).toISOString(),
    endedAt: null,
    ...overrides,
  };
}

function setUp(rules: ReturnType<typeof packed>) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      {
        provide: AuthService,
        useValue: {
          user: signal(currentUser(['coach'], rules)),
          isAuthenticated: signal(true),
          ability: signal(buildAbility(rules)),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(EmergencyBanner);
  return {
    fixture,
    backend: TestBed.inject(HttpTestingController),
    text: () => (fixture.nativeElement as HTMLElement).textContent ?? '',
  };
}

const CAN_REQUEST = packed([
  { action: 'read', subject: 'Client', conditions: { coachId: 'u-coach' } },
  { action: 'create', subject: 'EmergencyAccess' },
]);

describe('EmergencyBanner', () => {
  it('shows active emergency access until its end, in Dutch time, and ends it on request', async () => {
    const { fixture, backend, text } = setUp(CAN_REQUEST);
    await fixture.whenStable();
    const active = grant({ expiresAt: '2099-07-01T12:35:00Z' });
    backend
      .expectOne('/api/emergency-access/mine')
      .flush([active, grant({ id: 'expired', expiresAt: new Date(Date.now() - 1000).toISOString() })]);
    await fixture.whenStable();
    // Summer time: 12:35 UTC is 14:35 in the Netherlands. The expired grant is not shown.
    expect(text()).toContain('Noodtoegang tot 14:35 voor 1 cliënt');
    expect(text().match(/Noodtoegang tot/g)).toHaveLength(1);

    const end = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Beëindigen'),
    );
    end?.click();
    backend
      .expectOne({ method: 'POST', url: '/api/emergency-access/g1/end' })
      .flush({ ...active, endedAt: new Date().toISOString() });
    await fixture.whenStable();
    expect(text()).not.toContain('Noodtoegang tot');
    expect(text()).toContain('De noodtoegang is beëindigd.');
    backend.verify();
  });

  it('does not ask the API for users who may not request emergency access (the FG)', async () => {
    const { fixture, backend, text } = setUp(DPO_RULES);
    await fixture.whenStable();
    backend.expectNone('/api/emergency-access/mine');
    expect(text()).not.toContain('Noodtoegang tot');
  });
});
