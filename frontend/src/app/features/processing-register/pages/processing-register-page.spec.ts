import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ProcessingRegister } from '@werkpad/shared';
import { fileNameOf } from '../services/processing-register.service';
import { ProcessingRegisterPage } from './processing-register-page';

const REGISTER: ProcessingRegister = {
  generatedAt: '2026-07-01T10:00:00Z',
  sharingRulesVersion: '2026-11-22.1',
  controller: 'Gemeente Ede',
  activities: [
    {
      trajectoryType: 'jobcoaching',
      name: 'Jobcoaching',
      purposes: ['Begeleiding naar en op de werkplek'],
      legalBases: ['Participatiewet', 'Wet SUWI'],
      dataCategories: ['identity', 'progress'],
      recipients: [{ recipient: 'UWV', categories: ['identity', 'progress'], ground: 'Wet SUWI' }],
      consentPurposes: ['Contact met de werkgever'],
      retention: '5 jaar na afsluiten van het traject',
    },
    {
      trajectoryType: 'intake',
      name: 'Intake en routebepaling',
      purposes: ['Route bepalen'],
      legalBases: ['Participatiewet'],
      dataCategories: ['identity'],
      recipients: [],
      consentPurposes: [],
      retention: '10 jaar',
    },
  ],
  securityMeasures: ['Versleuteling van medische gegevens (AES-256-GCM)', 'Hash-keten in de auditlog'],
};

describe('ProcessingRegisterPage', () => {
  let fixture: ComponentFixture<ProcessingRegisterPage>;
  let backend: HttpTestingController;
  const root = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProcessingRegisterPage);
    await fixture.whenStable();
    backend.expectOne('/api/processing-register').flush(REGISTER);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('AVG art. 30: renders every activity with purposes, bases, categories, recipients and retention', () => {
    const headings = Array.from(root().querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Jobcoaching', 'Intake en routebepaling', 'Beveiligingsmaatregelen']);

    const jobcoaching = root().querySelector('section[aria-labelledby="activiteit-jobcoaching"]');
    const text = jobcoaching?.textContent ?? '';
    for (const expected of [
      'Begeleiding naar en op de werkplek',
      'Participatiewet',
      'Wet SUWI',
      'Identiteit, Voortgang',
      'Contact met de werkgever',
      '5 jaar na afsluiten van het traject',
    ]) {
      expect(text).toContain(expected);
    }
    const cells = Array.from(jobcoaching?.querySelectorAll('tbody td') ?? []).map((td) =>
      td.textContent?.trim(),
    );
    expect(cells).toEqual(['UWV', 'Identiteit, Voortgang', 'Wet SUWI']);

    const intake = root().querySelector('section[aria-labelledby="activiteit-intake"]')?.textContent ?? '';
    expect(intake).toContain('Geen ontvangers buiten het dossierteam.');
    expect(root().textContent).toContain('Gemeente Ede');
    expect(root().textContent).toContain('01-07-2026 12:00');
    expect(root().textContent).toContain('Hash-keten in de auditlog');
  });

  it('downloads the PDF through the API (with the token), under the name the API gives', () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const createObjectURL = jest.fn(() => 'blob:pdf');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });

    const button = Array.from(root().querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Download als PDF'),
    );
    button?.click();
    backend.expectOne('/api/processing-register/pdf').flush(new Blob(['%PDF']), {
      headers: { 'content-disposition': 'attachment; filename="register.pdf"' },
    });
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('reads the file name from the Content-Disposition header, or falls back', () => {
    expect(fileNameOf('attachment; filename="verwerkingsregister-2026.pdf"', 'x.pdf')).toBe(
      'verwerkingsregister-2026.pdf',
    );
    expect(fileNameOf(null, 'x.pdf')).toBe('x.pdf');
  });
});
