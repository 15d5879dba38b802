import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import type { DisclosurePackage, DisclosureView } from '@werkpad/shared';
import { of } from 'rxjs';
import { provideDutchDates } from '../../../../shared/dutch-dates';
import { ClientDisclosures } from './client-disclosures';
import { PackageDialog } from './package-dialog';
import { ReportReviewDialog } from './report-review-dialog';

registerLocaleData(localeNl);

function disclosure(overrides: Partial<DisclosureView> = {}): DisclosureView {
  return {
    id: 'd1',
    clientId: 'c1',
    trajectoryId: 't1',
    recipient: { type: 'uwv', organisation: 'UWV Ede', country: 'NL' },
    categories: ['identity'],
    fields: ['firstName'],
    channel: 'secure_portal',
    purpose: 'Rapportage',
    ruleId: 'uwv',
    ruleVersion: '2026-11-22.1',
    legalBasis: 'Wet SUWI',
    consentId: null,
    disclosedBy: 'u1',
    disclosedByName: 'Anna de Vries',
    // 23:30 UTC on 2 March is 3 March in the Netherlands: the API's sending day.
    disclosedAt: '2026-03-02T23:30:00.000Z',
    digest: 'b'.repeat(64),
    isReport: true,
    reviewStatus: 'not_shown',
    shownToClientOn: null,
    ...overrides,
  };
}

const buttons = (root: HTMLElement, text: string) =>
  Array.from(root.querySelectorAll('button')).filter((b) => b.textContent?.includes(text));

describe('ClientDisclosures: report review (R-SHARE-06)', () => {
  function render(canRecordReview: boolean, answer: DisclosureView | undefined) {
    const open = jest.fn(() => ({ afterClosed: () => of(answer) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        { provide: MatDialog, useValue: { open } },
      ],
    });
    const fixture = TestBed.createComponent(ClientDisclosures);
    fixture.componentRef.setInput('clientId', 'c1');
    fixture.componentRef.setInput('canRecordReview', canRecordReview);
    fixture.detectChanges();
    const backend = TestBed.inject(HttpTestingController);
    return { fixture, open, backend, root: fixture.nativeElement as HTMLElement };
  }

  const LIST = [
    disclosure(),
    disclosure({ id: 'd2', isReport: false, reviewStatus: null }),
    disclosure({ id: 'd3', reviewStatus: 'shown_before_sending', shownToClientOn: '2026-03-01' }),
  ];

  it('offers "Cliënt heeft het gezien" only on a report the client has not seen', async () => {
    const { fixture, backend, root } = render(true, undefined);
    backend.expectOne('/api/clients/c1/disclosures').flush(LIST);
    await fixture.whenStable();
    const rows = root.querySelectorAll('tr.mat-mdc-row');
    expect(buttons(rows[0] as HTMLElement, 'Cliënt heeft het gezien')).toHaveLength(1);
    expect(buttons(rows[1] as HTMLElement, 'Cliënt heeft het gezien')).toHaveLength(0);
    expect(buttons(rows[2] as HTMLElement, 'Cliënt heeft het gezien')).toHaveLength(0);
    expect(rows[2].textContent).toContain('Vóór verzending aan de cliënt getoond (01-03-2026)');
    // Every disclosure can be looked at as it was sent.
    expect(buttons(root, 'Bekijk verzonden gegevens')).toHaveLength(3);
  });

  it('hides the action from users who may not record it', async () => {
    const { fixture, backend, root } = render(false, undefined);
    backend.expectOne('/api/clients/c1/disclosures').flush(LIST);
    await fixture.whenStable();
    expect(buttons(root, 'Cliënt heeft het gezien')).toHaveLength(0);
  });

  it('shows the recorded review in the row once the dialog closes with it', async () => {
    const updated = disclosure({ reviewStatus: 'shown_after_sending', shownToClientOn: '2026-03-04' });
    const { fixture, backend, root, open } = render(true, updated);
    backend.expectOne('/api/clients/c1/disclosures').flush([disclosure()]);
    await fixture.whenStable();
    buttons(root, 'Cliënt heeft het gezien')[0].click();
    await fixture.whenStable();
    expect(open).toHaveBeenCalledWith(ReportReviewDialog, expect.anything());
    const row = root.querySelector('tr.mat-mdc-row');
    expect(row?.textContent).toContain('Na verzending aan de cliënt getoond (04-03-2026)');
    expect(buttons(root, 'Cliënt heeft het gezien')).toHaveLength(0);
  });
});

describe('ReportReviewDialog', () => {
  async function setUp() {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        { provide: MAT_DIALOG_DATA, useValue: { clientId: 'c1', disclosure: disclosure() } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ReportReviewDialog);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const fill = async (moment: 'Vóór verzending' | 'Na verzending', date: string) => {
      await (await loader.getHarness(MatRadioButtonHarness.with({ label: moment }))).check();
      await (await loader.getHarness(MatInputHarness)).setValue(date);
      root.querySelector('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };
    return { fixture, close, root, fill, backend: TestBed.inject(HttpTestingController) };
  }

  it('names the report and its Dutch sending day', async () => {
    const { root } = await setUp();
    expect(root.textContent).toContain('Rapport aan UWV Ede (UWV), verzonden op 03-03-2026.');
  });

  it('sends the moment and the day, and closes with the updated disclosure', async () => {
    const { fill, backend, close } = await setUp();
    await fill('Na verzending', '04-03-2026');
    const request = backend.expectOne('/api/clients/c1/disclosures/d1/review');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ status: 'shown_after_sending', shownOn: '2026-03-04' });
    const updated = disclosure({ reviewStatus: 'shown_after_sending', shownToClientOn: '2026-03-04' });
    request.flush(updated);
    expect(close).toHaveBeenCalledWith(updated);
  });

  it('refuses "vóór verzending" on a day after sending without asking the API', async () => {
    const { fill, backend, root } = await setUp();
    await fill('Vóór verzending', '04-03-2026');
    backend.expectNone('/api/clients/c1/disclosures/d1/review');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Vóór verzending: de datum moet op of vóór 03-03-2026 liggen.',
    );
  });

  it('asks for the moment when none is chosen', async () => {
    const { fixture, backend, root } = await setUp();
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    backend.expectNone('/api/clients/c1/disclosures/d1/review');
    expect(root.textContent).toContain('Kies of de cliënt het rapport vóór of na verzending zag.');
  });

  it("shows the server's 409 and 400 messages", async () => {
    const { fixture, fill, backend, root, close } = await setUp();
    await fill('Vóór verzending', '01-03-2026');
    backend
      .expectOne('/api/clients/c1/disclosures/d1/review')
      .flush(
        { statusCode: 409, message: 'Voor dit rapport is al vastgelegd wanneer de cliënt het zag.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Voor dit rapport is al vastgelegd wanneer de cliënt het zag.',
    );
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    backend.expectOne('/api/clients/c1/disclosures/d1/review').flush(
      {
        statusCode: 400,
        message: 'Ongeldige invoer',
        errors: [{ field: 'shownOn', messages: ['shownOn moet op of vóór de verzenddatum liggen'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'shownOn moet op of vóór de verzenddatum liggen',
    );
    expect(close).not.toHaveBeenCalled();
  });
});

describe('PackageDialog', () => {
  it('shows the summary of what was sent and the digest recorded with it', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        { provide: MAT_DIALOG_DATA, useValue: { clientId: 'c1', disclosure: disclosure() } },
      ],
    });
    const fixture = TestBed.createComponent(PackageDialog);
    const backend = TestBed.inject(HttpTestingController);
    const pkg: DisclosurePackage = {
      disclosureId: 'd1',
      generatedAt: '2026-03-02T23:30:00.000Z',
      recipient: { type: 'uwv', organisation: 'UWV Ede', country: 'NL' },
      ground: 'Wet SUWI',
      categories: ['identity'],
      data: {},
      summary: 'Aan UWV Ede: identiteit.',
    };
    backend.expectOne('/api/clients/c1/disclosures/d1/package').flush(pkg);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="package-summary"]')?.textContent).toBe(
      'Aan UWV Ede: identiteit.',
    );
    expect(root.querySelector('[data-testid="package-digest"]')?.textContent).toBe('b'.repeat(64));
    expect(root.textContent).toContain('Wet SUWI');
    expect(root.textContent).toContain('Identiteit');
  });
});
