import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { of } from 'rxjs';
import { medicalRecord, medicalVersion, TRAJECTORY_ID } from '../../../../testing/expertise';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { MEDICAL_MARKER_TEXT } from './medical-marker';
import { MedicalRecordDialog, type MedicalRecordDialogData } from './medical-record-dialog';
import { MedicalRecords } from './medical-records';

const RECORDS_URL = `/api/expertise/trajectories/${TRAJECTORY_ID}/medical-records`;

function text(element: HTMLElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The marker is a landmark-like note with the full sentence, not a colour alone. */
function expectMarker(root: HTMLElement): void {
  const marker = root.querySelector<HTMLElement>('[role="note"][data-testid="medical-marker"]');
  expect(marker).not.toBeNull();
  // The icon is decoration (aria-hidden); the sentence is what people and screen readers get.
  expect(marker?.querySelector('[aria-hidden="true"]')).not.toBeNull();
  expect(text(marker?.querySelector('p') as HTMLElement)).toBe(MEDICAL_MARKER_TEXT);
}

describe('MedicalRecords', () => {
  function render(canEdit = true) {
    const open = jest.fn(() => ({ afterClosed: () => of(undefined) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatDialog, useValue: { open } },
      ],
    });
    const fixture = TestBed.createComponent(MedicalRecords);
    fixture.componentRef.setInput('trajectoryId', TRAJECTORY_ID);
    fixture.componentRef.setInput('canEdit', canEdit);
    fixture.detectChanges();
    return { fixture, open, backend: TestBed.inject(HttpTestingController) };
  }

  it('R-MED-01: marks the medical file as medical data that never leaves the Expertisecentrum', async () => {
    const { fixture, backend } = render();
    backend.expectOne(RECORDS_URL).flush([]);
    await fixture.whenStable();
    expectMarker(fixture.nativeElement as HTMLElement);
    expect(text(fixture.nativeElement as HTMLElement)).toContain(
      'Er zijn nog geen medische gegevens vastgelegd.',
    );
  });

  it('lists each record with its kind in words and its date as dd-mm-jjjj', async () => {
    const { fixture, backend } = render();
    backend
      .expectOne(RECORDS_URL)
      .flush([
        medicalRecord(),
        medicalRecord({ id: 'm2', kind: 'test_result', recordedOn: '2026-01-09', title: 'Test' }),
      ]);
    await fixture.whenStable();
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll('tr.mat-mdc-row');
    expect(text(rows[0] as HTMLElement)).toContain('04-03-2026');
    expect(text(rows[0] as HTMLElement)).toContain('Informatie van de huisarts');
    expect(text(rows[0] as HTMLElement)).toContain('Brief van de huisarts');
    expect(text(rows[1] as HTMLElement)).toContain('09-01-2026');
    expect(text(rows[1] as HTMLElement)).toContain('Testuitslag');
  });

  it('opens a record for reading and editing only while the research is open', async () => {
    const { fixture, backend, open } = render(false);
    backend.expectOne(RECORDS_URL).flush([medicalRecord()]);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(text(root)).not.toContain('Medisch gegeven toevoegen');
    expect(text(root)).toContain('Het onderzoek is afgesloten');
    const view = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.includes('Bekijken'));
    view?.click();
    const data = (open.mock.calls[0] as unknown[])[1] as { data: MedicalRecordDialogData };
    expect(data.data).toEqual({ trajectoryId: TRAJECTORY_ID, recordId: 'm1', canEdit: false });
  });
});

describe('MedicalRecordDialog', () => {
  function setUp(data: MedicalRecordDialogData) {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(MedicalRecordDialog);
    fixture.detectChanges();
    return {
      fixture,
      close,
      backend: TestBed.inject(HttpTestingController),
      loader: TestbedHarnessEnvironment.loader(fixture),
      root: fixture.nativeElement as HTMLElement,
    };
  }

  function type(root: HTMLElement, selector: string, value: string): void {
    const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) throw new Error(`${selector} missing`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function submit(root: HTMLElement): void {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
  }

  it('R-MED-01: carries the medical marker inside the dialog, also when adding', async () => {
    const { fixture, root } = setUp({ trajectoryId: TRAJECTORY_ID, canEdit: true });
    await fixture.whenStable();
    expect(text(root.querySelector('h2') as HTMLElement)).toBe('Medisch gegeven toevoegen');
    expectMarker(root);
  });

  it('adds a record with a Dutch typed date sent as YYYY-MM-DD', async () => {
    const { fixture, root, loader, backend, close } = setUp({ trajectoryId: TRAJECTORY_ID, canEdit: true });
    await fixture.whenStable();
    const kind = await loader.getHarness(MatSelectHarness);
    await kind.open();
    await kind.clickOptions({ text: 'Rapport van de bedrijfsarts' });
    type(root, 'input[formcontrolname="recordedOn"]', '7-3-2026');
    type(root, 'input[formcontrolname="title"]', ' Rapport bedrijfsarts ');
    type(root, 'textarea[formcontrolname="body"]', 'Synthetische bevindingen.');
    submit(root);
    const request = backend.expectOne(RECORDS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      kind: 'bedrijfsarts_report',
      recordedOn: '2026-03-07',
      title: 'Rapport bedrijfsarts',
      body: 'Synthetische bevindingen.',
    });
    request.flush(medicalRecord({ kind: 'bedrijfsarts_report' }));
    expect(close).toHaveBeenCalled();
  });

  it('R-MED-06: shows the record and its earlier versions, with Dutch dates and times', async () => {
    const { fixture, root, backend } = setUp({ trajectoryId: TRAJECTORY_ID, recordId: 'm1', canEdit: true });
    backend
      .expectOne('/api/expertise/medical-records/m1')
      .flush(medicalRecord({ version: 2, updatedAt: '2026-03-05T13:30:00.000Z' }));
    backend.expectOne('/api/expertise/medical-records/m1/versions').flush([medicalVersion()]);
    await fixture.whenStable();
    expectMarker(root);
    const content = text(root);
    expect(content).toContain('Informatie van de huisarts');
    expect(content).toContain('04-03-2026');
    expect(content).toContain('Eerdere versies');
    expect(content).toContain(
      'Versie 1 · geschreven door Eva Expertise op 04-03-2026 10:15 · vervangen door Eva Expertise op 05-03-2026 14:30',
    );
    expect(content).toContain('Brief van de huisarts (eerste versie)');
  });

  it('sends only what changed, with the version the edit started from', async () => {
    const { fixture, root, backend, close } = setUp({
      trajectoryId: TRAJECTORY_ID,
      recordId: 'm1',
      canEdit: true,
    });
    backend.expectOne('/api/expertise/medical-records/m1').flush(medicalRecord({ version: 4 }));
    backend.expectOne('/api/expertise/medical-records/m1/versions').flush([]);
    await fixture.whenStable();
    expect(text(root)).toContain('Er zijn geen eerdere versies');
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Bewerken')
      ?.click();
    await fixture.whenStable();
    expect(text(root.querySelector('h2') as HTMLElement)).toBe('Medisch gegeven bewerken');
    expectMarker(root);
    type(root, 'input[formcontrolname="title"]', 'Brief van de huisarts, aangevuld');
    submit(root);
    const request = backend.expectOne('/api/expertise/medical-records/m1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ expectedVersion: 4, title: 'Brief van de huisarts, aangevuld' });
    request.flush(medicalRecord({ version: 5 }));
    expect(close).toHaveBeenCalled();
  });

  it('explains in Dutch that a concurrent change was refused (409) and keeps the dialog open', async () => {
    const { fixture, root, backend, close } = setUp({
      trajectoryId: TRAJECTORY_ID,
      recordId: 'm1',
      canEdit: true,
    });
    backend.expectOne('/api/expertise/medical-records/m1').flush(medicalRecord());
    backend.expectOne('/api/expertise/medical-records/m1/versions').flush([]);
    await fixture.whenStable();
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Bewerken')
      ?.click();
    await fixture.whenStable();
    type(root, 'textarea[formcontrolname="body"]', 'Andere inhoud');
    submit(root);
    backend
      .expectOne('/api/expertise/medical-records/m1')
      .flush({ message: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Dit medisch gegeven is intussen door iemand anders gewijzigd.',
    );
    expect(close).not.toHaveBeenCalled();
  });

  it('offers no editing when the research is closed', async () => {
    const { fixture, root, backend } = setUp({ trajectoryId: TRAJECTORY_ID, recordId: 'm1', canEdit: false });
    backend.expectOne('/api/expertise/medical-records/m1').flush(medicalRecord());
    backend.expectOne('/api/expertise/medical-records/m1/versions').flush([]);
    await fixture.whenStable();
    expect(Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim())).toEqual([
      'Sluiten',
    ]);
  });
});
