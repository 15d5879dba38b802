import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import type { ConsentView } from '@werkpad/shared';
import { of } from 'rxjs';
import { careProviderRequest, CLIENT_ID, TRAJECTORY_ID } from '../../../../testing/expertise';
import { provideDutchDates } from '../../../shared/dutch-dates';
import {
  ConsentFormDialog,
  type ConsentFormDialogData,
} from '../../clients/components/consents/consent-form-dialog';
import { CareProviderRequestDialog } from './care-provider-request-dialog';
import { CareProviderRequests } from './care-provider-requests';

const REQUESTS_URL = `/api/expertise/trajectories/${TRAJECTORY_ID}/care-provider-requests`;
const MISSING =
  'Er is geen geldige toestemming van de cliënt voor: gegevens opvragen bij huisarts of andere zorgverlener.';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function button(root: HTMLElement, label: string): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll('button')).find((b) => text(b) === label);
}

describe('CareProviderRequests', () => {
  function render(consentValid: boolean) {
    const open = jest.fn(() => ({ afterClosed: () => of(undefined) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatDialog, useValue: { open } },
      ],
    });
    const fixture = TestBed.createComponent(CareProviderRequests);
    fixture.componentRef.setInput('trajectoryId', TRAJECTORY_ID);
    fixture.componentRef.setInput('clientId', CLIENT_ID);
    fixture.componentRef.setInput('canEdit', true);
    fixture.componentRef.setInput('consentValid', consentValid);
    fixture.detectChanges();
    return { fixture, open, backend: TestBed.inject(HttpTestingController) };
  }

  it('R-MED-04: lists the requests under the medical marker, with Dutch dates and provider kinds', async () => {
    const { fixture, backend } = render(true);
    backend.expectOne(REQUESTS_URL).flush([careProviderRequest()]);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="medical-marker"]')).not.toBeNull();
    const row = root.querySelector('tr.mat-mdc-row');
    expect(text(row)).toContain('10-03-2026');
    expect(text(row)).toContain('Huisarts');
    expect(text(row)).toContain('Huisartsenpraktijk De Brink, Ede');
    expect(text(root)).not.toContain('Er is nu geen geldige schriftelijke toestemming');
  });

  it('R-MED-04: says when the written consent is missing and offers to record it, preset to that purpose', async () => {
    const { fixture, backend, open } = render(false);
    backend.expectOne(REQUESTS_URL).flush([]);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(text(root)).toContain('Er is nu geen geldige schriftelijke toestemming');
    button(root, 'Toestemming vastleggen')?.click();
    const [component, config] = open.mock.calls[0] as unknown as [unknown, { data: ConsentFormDialogData }];
    expect(component).toBe(ConsentFormDialog);
    expect(config.data).toMatchObject({
      clientId: CLIENT_ID,
      purpose: 'gp_data_request',
      readDocuments: false,
    });
  });
});

describe('CareProviderRequestDialog', () => {
  function setUp() {
    const close = jest.fn();
    const consentRecorded = jest.fn();
    const consent = { id: 'k9', purpose: 'gp_data_request' } as ConsentView;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { trajectoryId: TRAJECTORY_ID, clientId: CLIENT_ID, consentRecorded },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(CareProviderRequestDialog);
    // The dialog imports MatDialogModule, which brings its own MatDialog: spy on the one it got.
    const open = jest
      .spyOn(fixture.debugElement.injector.get(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(consent) } as unknown as ReturnType<MatDialog['open']>);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!field) throw new Error(`${selector} missing`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    return {
      fixture,
      root,
      type,
      close,
      open,
      consentRecorded,
      backend: TestBed.inject(HttpTestingController),
    };
  }

  it('R-MED-01: carries the medical marker', async () => {
    const { fixture, root } = setUp();
    await fixture.whenStable();
    expect(root.querySelector('[role="note"][data-testid="medical-marker"]')).not.toBeNull();
  });

  it('R-MED-04: shows the API’s 403 message naming the missing consent, and records that consent from there', async () => {
    const { fixture, root, type, backend, close, open, consentRecorded } = setUp();
    await fixture.whenStable();
    type('input[formcontrolname="provider"]', 'Huisartsenpraktijk De Brink');
    type('textarea[formcontrolname="question"]', 'Belastbaarheid');
    type('input[formcontrolname="requestedOn"]', '02-04-2026');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    const request = backend.expectOne(REQUESTS_URL);
    expect(request.request.body).toEqual({
      providerKind: 'huisarts',
      provider: 'Huisartsenpraktijk De Brink',
      question: 'Belastbaarheid',
      requestedOn: '2026-04-02',
    });
    request.flush({ statusCode: 403, message: MISSING }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="missing-consent"]'))).toContain(MISSING);
    expect(close).not.toHaveBeenCalled();

    button(root, 'Toestemming vastleggen')?.click();
    await fixture.whenStable();
    const [component, config] = open.mock.calls[0] as unknown as [unknown, { data: ConsentFormDialogData }];
    expect(component).toBe(ConsentFormDialog);
    expect(config.data.purpose).toBe('gp_data_request');
    expect(consentRecorded).toHaveBeenCalled();
    expect(root.querySelector('[data-testid="missing-consent"]')).toBeNull();
    expect(text(root)).toContain('Toestemming vastgelegd. Registreer de aanvraag nu opnieuw.');
  });

  it('closes with the registered request when the consent is there', async () => {
    const { fixture, root, type, backend, close } = setUp();
    await fixture.whenStable();
    type('input[formcontrolname="provider"]', 'Dr. Jansen, Ede');
    type('textarea[formcontrolname="question"]', 'Belastbaarheid');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    backend.expectOne(REQUESTS_URL).flush(careProviderRequest());
    expect(close).toHaveBeenCalledWith(careProviderRequest());
  });
});
