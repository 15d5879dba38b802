import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DsrRequestView, ErasureAssessment } from '@werkpad/shared';
import { currentUser, packed } from '../../../../testing/users';
import { buildAbility } from '../../../core/auth/ability';
import { AuthService } from '../../../core/auth/auth.service';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { DsrDetailPage } from './dsr-detail-page';

const DESK = packed([
  { action: 'read', subject: 'DataSubjectRequest' },
  { action: 'update', subject: 'DataSubjectRequest' },
  { action: 'export', subject: 'DataSubjectRequest' },
]);

function request(overrides: Partial<DsrRequestView> = {}): DsrRequestView {
  return {
    id: 'r1',
    reference: 'AVG-2026-000007',
    clientId: 'c1',
    type: 'erasure',
    channel: 'letter',
    receivedOn: '2026-11-20',
    description: 'Wil alles laten wissen',
    processingObjectedTo: null,
    dueOn: '2026-12-20',
    extendedDueOn: null,
    extensionReason: null,
    daysLeft: 28,
    overdue: false,
    identity: {
      documentType: 'passport',
      documentNumberEnd: '12AB',
      seenOn: '2026-11-21',
      verifiedByName: 'Fenna',
    },
    status: 'open',
    outcome: null,
    outcomeGround: null,
    completedOn: null,
    completedByName: null,
    registeredByName: 'Fenna',
    dossierRef: null,
    erasureList: null,
    ...overrides,
  };
}

async function render(view: DsrRequestView) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      ...provideDutchDates(),
      {
        provide: AuthService,
        useValue: { user: signal(currentUser(['admin'], DESK)), ability: signal(buildAbility(DESK)) },
      },
    ],
  });
  const fixture = TestBed.createComponent(DsrDetailPage);
  fixture.componentRef.setInput('id', view.id);
  const backend = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  backend.expectOne('/api/dsr-requests/r1').flush(view);
  await fixture.whenStable();
  return { fixture, backend, root: fixture.nativeElement as HTMLElement };
}

describe('DsrDetailPage', () => {
  it('R-RET-06: an erasure request shows what can go now and what must be kept, with the ground', async () => {
    const { backend, fixture, root } = await render(request());
    const assessment: ErasureAssessment = {
      clientId: 'c1',
      assessedOn: '2026-11-22',
      erasableNow: [
        {
          trajectoryId: 't1',
          trajectoryType: 'bemiddeling',
          part: 'file',
          reason: 'Bewaartermijn verstreken',
        },
      ],
      mustKeep: [
        {
          trajectoryId: null,
          trajectoryType: null,
          part: 'client',
          keepUntil: '2031-06-30',
          ground: 'Participatiewet',
        },
      ],
    };
    backend.expectOne('/api/clients/c1/erasure-assessment').flush(assessment);
    await fixture.whenStable();
    const text = root.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Wat nu gewist kan worden');
    expect(text).toMatch(/Bemiddeling naar betaald werk, [a-z ]+: Bewaartermijn verstreken/);
    expect(text).toContain('Cliëntgegevens tot 30-06-2031: Participatiewet');

    // What may go now goes through the request's own destruction list.
    const prepare = Array.from(root.querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Vernietigingslijst opstellen',
    );
    prepare?.click();
    const post = backend.expectOne('/api/dsr-requests/r1/erasure-list');
    expect(post.request.method).toBe('POST');
    post.flush({ id: 'l1', reference: 'VV-2026-0002' });
    backend.expectOne('/api/dsr-requests/r1').flush(
      request({
        erasureList: { id: 'l1', reference: 'VV-2026-0002', status: 'approved', hasCertificate: false },
      }),
    );
    await fixture.whenStable();
    const after = root.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(after).toContain('Vernietigingslijst VV-2026-0002: goedgekeurd.');
    expect(after).toContain('Leg eerst de beslissing vast');

    // What must be kept becomes the ground of a partly granted decision (R-RET-06).
    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Bewaarplicht als grond overnemen')
      ?.click();
    await fixture.whenStable();
    const ground = root.querySelector<HTMLInputElement>('input[formcontrolname="ground"]');
    expect(ground?.value).toBe('Cliëntgegevens: Participatiewet');
  });

  it('R-RET-06: a request whose dossier was destroyed shows the reference and no letter to make', async () => {
    const { root } = await render(
      request({
        clientId: null,
        dossierRef: '0123456789abcdef',
        status: 'completed',
        outcome: 'granted',
        completedOn: '2026-11-22',
        completedByName: 'Fenna',
        erasureList: { id: 'l1', reference: 'VV-2026-0002', status: 'completed', hasCertificate: true },
      }),
    );
    const text = root.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Vernietigd (kenmerk 0123456789abcdef)');
    expect(text).toContain('de brief kan niet opnieuw worden gemaakt');
    expect(text).not.toContain('Brief met de beslissing downloaden');
    expect(text).toContain('Verklaring van vernietiging downloaden');
  });

  it('R-DSR-02: shows the identity check without a copy, and an access request offers the export', async () => {
    const { root } = await render(request({ type: 'access' }));
    const text = root.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('nummer eindigt op 12AB');
    expect(text).toContain('Er is geen kopie bewaard.');
    expect(
      Array.from(root.querySelectorAll('button')).some((b) => b.textContent?.includes('Export downloaden')),
    ).toBe(true);
  });

  it('R-CONS-02: a withdrawal request lists the consents and withdraws one at once', async () => {
    const { backend, fixture, root } = await render(request({ type: 'withdrawal' }));
    const consent = {
      id: 'k1',
      clientId: 'c1',
      purpose: 'whatsapp' as const,
      recipient: null,
      categories: [],
      givenOn: '2026-01-10',
      form: 'written' as const,
      recordedBy: 'u1',
      recordedByName: 'Coach',
      recordedAt: '2026-01-10T10:00:00Z',
      evidenceDocumentId: null,
      evidenceReference: null,
      validUntil: null,
      withdrawnOn: null,
      withdrawnRecordedBy: null,
      withdrawnRecordedByName: null,
      valid: true,
    };
    backend.expectOne('/api/dsr-requests/r1/consents').flush([consent]);
    await fixture.whenStable();
    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.includes('Intrekken'))
      ?.click();
    const call = backend.expectOne('/api/dsr-requests/r1/consents/k1/withdraw');
    expect(call.request.method).toBe('POST');
    call.flush({ ...consent, withdrawnOn: '2026-11-22', valid: false });
    await fixture.whenStable();
    expect(root.textContent).toContain('ingetrokken op 22-11-2026');
  });

  it('R-DSR-01: a rectification request lists the corrections since it came in, old and new', async () => {
    const { backend, fixture, root } = await render(request({ type: 'rectification' }));
    backend.expectOne('/api/dsr-requests/r1/changes').flush([
      {
        field: 'phone',
        category: 'contact',
        oldValue: '0611111111',
        newValue: '0622222222',
        changedAt: '2026-11-21T10:00:00Z',
        changedByName: 'Coach Eén',
      },
    ]);
    await fixture.whenStable();
    expect(root.textContent?.replace(/\s+/g, ' ')).toContain('phone: 0611111111 → 0622222222 (Coach Eén)');
  });
});
