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
import type { ConsentView, DossierEntryView, TrajectoryView } from '@werkpad/shared';
import { provideDutchDates } from '../../../../shared/dutch-dates';
import { ClientConsents } from './client-consents';
import { ConsentFormDialog } from './consent-form-dialog';

registerLocaleData(localeNl);

const TRAJECTORIES = [
  { id: 't-closed', type: 'intake', status: 'closed', startDate: '2025-01-06' },
  { id: 't-open', type: 'bemiddeling', status: 'open', startDate: '2026-01-05' },
] as TrajectoryView[];

const ENTRY = {
  id: 'e1',
  title: 'Toestemmingsformulier: Cv of profiel naar derden',
  document: { id: 'doc-1', fileName: 'toestemming.pdf' },
} as DossierEntryView;

const CONSENT = {
  id: 'k1',
  clientId: 'c1',
  purpose: 'cv_profile',
  recipient: null,
  categories: [],
  givenOn: '2026-03-02',
  form: 'written',
  recordedByName: 'Anna de Vries',
  evidenceDocumentId: 'doc-1',
  evidenceReference: null,
  validUntil: null,
  withdrawnOn: null,
  withdrawnRecordedByName: null,
  valid: true,
} as unknown as ConsentView;

describe('ConsentFormDialog: uploading the signed form (R-CONS-01)', () => {
  async function setUp() {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        { provide: MAT_DIALOG_DATA, useValue: { clientId: 'c1', canUpload: true } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ConsentFormDialog);
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/clients/c1/dossier?kind=document').flush([]);
    backend.expectOne('/api/clients/c1/trajectories').flush(TRAJECTORIES);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const root = fixture.nativeElement as HTMLElement;
    const purpose = await loader.getHarness(MatSelectHarness);
    await purpose.open();
    await purpose.clickOptions({ text: 'Cv of profiel naar derden' });
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Schriftelijk' }))).check();
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Formulier uploaden' }))).check();
    await fixture.whenStable();
    const input = root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('file input missing');
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: { item: () => file }, configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    const submit = async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };
    return { fixture, backend, close, root, loader, choose, submit };
  }

  const pdf = () => new File(['%PDF-1.4'], 'toestemming.pdf', { type: 'application/pdf' });

  it('uploads the form under the open trajectory as a conversation record, then records the consent with it', async () => {
    const { backend, close, root, choose, submit } = await setUp();
    // Only one open trajectory: it is used without asking.
    expect(root.textContent).not.toContain('Opslaan bij traject');
    choose(pdf());
    await submit();
    const upload = backend.expectOne('/api/clients/c1/documents');
    const body = upload.request.body as FormData;
    expect(body.get('trajectoryId')).toBe('t-open');
    expect(body.get('category')).toBe('coaching_notes');
    expect(body.get('title')).toBe('Toestemmingsformulier: Cv of profiel naar derden');
    expect(body.get('receivedViaWhatsapp')).toBe('false');
    expect((body.get('file') as File).name).toBe('toestemming.pdf');
    backend.expectNone('/api/clients/c1/consents');
    upload.flush(ENTRY);
    const consent = backend.expectOne('/api/clients/c1/consents');
    expect(consent.request.body).toMatchObject({
      purpose: 'cv_profile',
      form: 'written',
      evidenceDocumentId: 'doc-1',
    });
    expect(consent.request.body).not.toHaveProperty('evidenceReference');
    consent.flush(CONSENT);
    expect(close).toHaveBeenCalledWith(CONSENT);
  });

  it('sends nothing without a file, and says why', async () => {
    const { backend, root, submit } = await setUp();
    await submit();
    backend.expectNone('/api/clients/c1/documents');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Ondertekend formulier: Kies een bestand.',
    );
  });

  it('keeps the uploaded form chosen when the consent is refused, so a retry does not upload twice', async () => {
    const { fixture, backend, root, loader, choose, submit } = await setUp();
    choose(pdf());
    await submit();
    backend.expectOne('/api/clients/c1/documents').flush(ENTRY);
    backend
      .expectOne('/api/clients/c1/consents')
      .flush({ message: 'De toestemming is niet vastgelegd.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Het formulier is wel in het dossier opgeslagen',
    );
    const documentRadio = await loader.getHarness(
      MatRadioButtonHarness.with({ label: 'Document uit het dossier' }),
    );
    expect(await documentRadio.isChecked()).toBe(true);
    await submit();
    backend.expectNone('/api/clients/c1/documents');
    expect(backend.expectOne('/api/clients/c1/consents').request.body).toMatchObject({
      evidenceDocumentId: 'doc-1',
    });
  });
});

describe('ClientConsents: evidence file name', () => {
  it('names the evidence file where the dossier shows it, and stays generic where it does not', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        { provide: MatDialog, useValue: { open: jest.fn() } },
      ],
    });
    const fixture = TestBed.createComponent(ClientConsents);
    fixture.componentRef.setInput('clientId', 'c1');
    fixture.detectChanges();
    const backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne('/api/clients/c1/consents')
      .flush([CONSENT, { ...CONSENT, id: 'k2', evidenceDocumentId: 'doc-hidden' }]);
    backend.expectOne('/api/clients/c1/dossier?kind=document').flush([ENTRY]);
    await fixture.whenStable();
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll('tr.mat-mdc-row');
    expect(rows[0].textContent).toContain('Document: toestemming.pdf');
    expect(rows[1].textContent).toContain('Document in het dossier');
    backend.verify();
  });
});
