import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ConsentView } from '@werkpad/shared';
import { of } from 'rxjs';
import { provideDutchDates } from '../../../../shared/dutch-dates';
import { ClientConsents } from './client-consents';
import { ConsentFormDialog } from './consent-form-dialog';

registerLocaleData(localeNl);

function consent(overrides: Partial<ConsentView>): ConsentView {
  return {
    id: 'k1',
    clientId: 'c1',
    purpose: 'sociaal_team',
    recipient: 'Sociaal team Ede-Zuid',
    categories: ['identity', 'life_domains'],
    givenOn: '2026-03-02',
    form: 'oral',
    recordedBy: 'u1',
    recordedByName: 'Anna de Vries',
    recordedAt: '2026-03-02T10:00:00.000Z',
    evidenceDocumentId: null,
    evidenceReference: 'Intakeverslag 02-03-2026',
    validUntil: null,
    withdrawnOn: null,
    withdrawnRecordedBy: null,
    withdrawnRecordedByName: null,
    valid: true,
    ...overrides,
  };
}

describe('ClientConsents', () => {
  function render(answers: Array<string | boolean | undefined>) {
    const open = jest.fn(() => ({ afterClosed: () => of(answers.shift()) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        { provide: MatDialog, useValue: { open } },
      ],
    });
    const fixture = TestBed.createComponent(ClientConsents);
    fixture.componentRef.setInput('clientId', 'c1');
    fixture.componentRef.setInput('canWithdraw', true);
    fixture.detectChanges();
    return { fixture, open, backend: TestBed.inject(HttpTestingController) };
  }

  it('R-CONS-01: lists purpose, recipient, form, who recorded it, evidence and a worded status', async () => {
    const { fixture, backend } = render([]);
    backend.expectOne('/api/clients/c1/consents').flush([
      consent({}),
      consent({
        id: 'k2',
        purpose: 'whatsapp',
        recipient: null,
        withdrawnOn: '2026-04-01',
        withdrawnRecordedByName: 'Bram Jansen',
        valid: false,
      }),
    ]);
    await fixture.whenStable();
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll('tr.mat-mdc-row');
    expect(rows[0].textContent).toContain('Gegevens delen met sociaal team of jeugdhulp');
    expect(rows[0].textContent).toContain('Sociaal team Ede-Zuid');
    expect(rows[0].textContent).toContain('02-03-2026');
    expect(rows[0].textContent).toContain('Mondeling');
    expect(rows[0].textContent).toContain('Anna de Vries');
    expect(rows[0].textContent).toContain('Intakeverslag 02-03-2026');
    expect(rows[0].textContent).toContain('Geldig');
    expect(rows[0].textContent).toContain('Intrekken');
    // R-CONS-02: the withdrawn record stays, with when and by whom, and says in words it no longer counts.
    expect(rows[1].textContent).toContain('01-04-2026');
    expect(rows[1].textContent).toContain('door Bram Jansen');
    expect(rows[1].textContent).toContain('Niet geldig (ingetrokken)');
    expect(rows[1].textContent).not.toContain('Intrekken');
  });

  it('R-CONS-02: withdraws only after the date and a confirmation, and sends confirm: true', async () => {
    const { fixture, backend, open } = render(['2026-04-01', true]);
    backend.expectOne('/api/clients/c1/consents').flush([consent({})]);
    await fixture.whenStable();
    const button = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Intrekken'),
    );
    button?.click();
    expect(open).toHaveBeenCalledTimes(2);
    const confirmData = (open.mock.calls[1] as unknown[])[1] as { data: { message: string } };
    expect(confirmData.data.message).toContain('vanaf 01-04-2026 niet meer');
    const request = backend.expectOne('/api/clients/c1/consents/k1/withdraw');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ withdrawnOn: '2026-04-01', confirm: true });
    request.flush(consent({ withdrawnOn: '2026-04-01', valid: false }));
    backend.expectOne('/api/clients/c1/consents').flush([]);
  });

  it('R-CONS-02: sends nothing when the confirmation is cancelled', async () => {
    const { fixture, backend } = render(['2026-04-01', false]);
    backend.expectOne('/api/clients/c1/consents').flush([consent({})]);
    await fixture.whenStable();
    const button = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Intrekken'),
    );
    button?.click();
    backend.expectNone('/api/clients/c1/consents/k1/withdraw');
  });
});

describe('ConsentFormDialog', () => {
  function setUp() {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        { provide: MAT_DIALOG_DATA, useValue: { clientId: 'c1' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ConsentFormDialog);
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/clients/c1/dossier?kind=document').flush([]);
    return { fixture, close, backend, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('R-MED-04: a purpose that needs written consent forces "Schriftelijk", says so and asks a recipient', async () => {
    const { fixture, loader } = setUp();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const purpose = await loader.getHarness(MatSelectHarness);
    await purpose.open();
    await purpose.clickOptions({ text: 'Gegevens opvragen bij huisarts of andere zorgverlener' });
    await fixture.whenStable();
    const oral = await loader.getHarness(MatRadioButtonHarness.with({ label: 'Mondeling' }));
    const written = await loader.getHarness(MatRadioButtonHarness.with({ label: 'Schriftelijk' }));
    expect(await written.isChecked()).toBe(true);
    expect(await oral.isDisabled()).toBe(true);
    expect(root.querySelector('[data-testid="written-hint"]')?.textContent).toContain(
      'schriftelijke toestemming verplicht',
    );
    expect(root.textContent).toContain('Ontvanger');

    // WhatsApp contact may be oral: no hint, both forms possible, no recipient asked.
    await purpose.open();
    await purpose.clickOptions({ text: 'Contact via WhatsApp (alleen afspraken)' });
    await fixture.whenStable();
    expect(await oral.isDisabled()).toBe(false);
    expect(root.querySelector('[data-testid="written-hint"]')?.textContent?.trim()).toBe('');
  });

  it('R-CONS-01: records the consent with a reference as evidence', async () => {
    const { fixture, loader, backend, close } = setUp();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const purpose = await loader.getHarness(MatSelectHarness);
    await purpose.open();
    await purpose.clickOptions({ text: 'Gegevens delen met sociaal team of jeugdhulp' });
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Mondeling' }))).check();
    const recipient = root.querySelector<HTMLInputElement>('input[formcontrolname="recipient"]');
    if (!recipient) throw new Error('recipient missing');
    recipient.value = 'Sociaal team Ede-Zuid';
    recipient.dispatchEvent(new Event('input'));
    const reference = Array.from(root.querySelectorAll<HTMLInputElement>('input')).find(
      (input) => input.getAttribute('autocomplete') === 'off' && !input.getAttribute('formcontrolname'),
    );
    if (!reference) throw new Error('reference missing');
    reference.value = 'Intakeverslag';
    reference.dispatchEvent(new Event('input'));
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    const request = backend.expectOne('/api/clients/c1/consents');
    expect(request.request.body).toMatchObject({
      purpose: 'sociaal_team',
      recipient: 'Sociaal team Ede-Zuid',
      form: 'oral',
      evidenceReference: 'Intakeverslag',
    });
    expect(request.request.body).not.toHaveProperty('evidenceDocumentId');
    request.flush(consent({}));
    expect(close).toHaveBeenCalled();
  });

  it('does not send a consent without evidence', async () => {
    const { fixture, loader, backend } = setUp();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const purpose = await loader.getHarness(MatSelectHarness);
    await purpose.open();
    await purpose.clickOptions({ text: 'Cv of profiel naar derden' });
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Mondeling' }))).check();
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    backend.expectNone('/api/clients/c1/consents');
    expect(root.textContent).toContain('Vul in waar het bewijs van de toestemming te vinden is.');
  });

  it('R-MED-04: opened by the Expertisecentrum, it is preset to the purpose, offers only its purposes and takes a reference without reading the dossier', async () => {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: {
            clientId: 'c1',
            purpose: 'gp_data_request',
            purposes: ['expertise_research', 'gp_data_request', 'health_to_commissioner'],
            canUpload: false,
            readDocuments: false,
          },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ConsentFormDialog);
    const backend = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    // The Expertisecentrum does not read dossier documents: the dialog does not ask for them.
    backend.expectNone('/api/clients/c1/dossier?kind=document');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const purpose = await loader.getHarness(MatSelectHarness);
    expect(await purpose.getValueText()).toBe('Gegevens opvragen bij huisarts of andere zorgverlener');
    await purpose.open();
    expect(await Promise.all((await purpose.getOptions()).map((option) => option.getText()))).toEqual([
      'Gegevens opvragen bij huisarts of andere zorgverlener',
      'Onderzoek door het Expertisecentrum',
      'Gezondheidsgegevens naar opdrachtgever of arts',
    ]);
    await purpose.close();
    expect(
      await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Schriftelijk' }))).isChecked(),
    ).toBe(true);
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).not.toContain('Document uit het dossier');
    const recipient = root.querySelector<HTMLInputElement>('input[formcontrolname="recipient"]');
    if (!recipient) throw new Error('recipient missing');
    recipient.value = 'Huisartsenpraktijk De Brink';
    recipient.dispatchEvent(new Event('input'));
    const reference = Array.from(root.querySelectorAll<HTMLInputElement>('input')).find(
      (input) => input.getAttribute('autocomplete') === 'off' && !input.getAttribute('formcontrolname'),
    );
    if (!reference) throw new Error('reference missing');
    reference.value = 'Ondertekend formulier, map Expertisecentrum';
    reference.dispatchEvent(new Event('input'));
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    const request = backend.expectOne('/api/clients/c1/consents');
    expect(request.request.body).toMatchObject({
      purpose: 'gp_data_request',
      form: 'written',
      recipient: 'Huisartsenpraktijk De Brink',
      evidenceReference: 'Ondertekend formulier, map Expertisecentrum',
    });
    request.flush(consent({ purpose: 'gp_data_request', form: 'written' }));
    expect(close).toHaveBeenCalled();
  });
});
