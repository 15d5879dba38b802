import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { EmploymentView } from '@werkpad/shared';
import { provideDutchDates } from '../../../../shared/dutch-dates';
import { formatCents, parseDecimal, parseEuros } from '../money';
import { AbsenceDialog } from './absence-dialog';
import { EmploymentDialog } from './employment-dialog';
import { HoursDialog } from './hours-dialog';
import type { PayrollDialogData } from './payroll-form';

const BASE = '/api/clients/c1/payroll';
const EMPLOYMENT: EmploymentView = {
  id: 'e1',
  clientId: 'c1',
  employerName: 'Permar Ede',
  isInlener: false,
  jobTitle: 'Medewerker groen',
  startDate: '2025-01-01',
  endDate: null,
  contractHoursPerWeek: 32,
  grossMonthlySalaryCents: 215000,
};

function setUp<T>(component: Type<T>) {
  const close = jest.fn();
  const data: PayrollDialogData = { clientId: 'c1', employments: [EMPLOYMENT] };
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      ...provideDutchDates(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(component);
  return { fixture, close, backend: TestBed.inject(HttpTestingController) };
}

/** Types into the field with this label, as a person would. */
function type(fixture: ComponentFixture<unknown>, label: string, value: string): void {
  const root = fixture.nativeElement as HTMLElement;
  const field = Array.from(root.querySelectorAll('mat-form-field')).find(
    (element) => element.querySelector('mat-label')?.textContent?.trim() === label,
  );
  const input = field?.querySelector('input');
  if (!input) throw new Error(`no field "${label}"`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

async function submit(fixture: ComponentFixture<unknown>): Promise<void> {
  (fixture.nativeElement as HTMLElement).querySelector('form')?.dispatchEvent(new Event('submit'));
  await fixture.whenStable();
}

describe('payroll input', () => {
  it('reads euro amounts as people type them, in whole cents', () => {
    expect(parseEuros('2.150,00')).toBe(215000);
    expect(parseEuros('€ 2150,5')).toBe(215050);
    expect(parseEuros('2150.50')).toBe(215050);
    expect(parseEuros('2.150')).toBe(215000);
    expect(parseEuros('2,155')).toBeNull();
    expect(parseEuros('twee')).toBeNull();
    expect(formatCents(215000)).toBe('€\u00a02.150,00');
    expect(parseDecimal('24,5', 1)).toBe(24.5);
    expect(parseDecimal('24,55', 1)).toBeNull();
    expect(parseDecimal('60,5', 0)).toBeNull();
  });
});

describe('EmploymentDialog', () => {
  it('sends the salary in cents and ISO dates, and closes with what the API saved', async () => {
    const { fixture, backend, close } = setUp(EmploymentDialog);
    await fixture.whenStable();
    type(fixture, 'Werkgever', 'Permar Ede');
    type(fixture, 'Functie', 'Medewerker groen');
    type(fixture, 'Startdatum', '01-02-2026');
    type(fixture, 'Contracturen per week', '24,5');
    type(fixture, 'Bruto maandloon (euro)', '2.150,00');
    await submit(fixture);
    const request = backend.expectOne(`${BASE}/employments`);
    expect(request.request.body).toEqual({
      employerName: 'Permar Ede',
      isInlener: false,
      jobTitle: 'Medewerker groen',
      startDate: '2026-02-01',
      endDate: null,
      contractHoursPerWeek: 24.5,
      grossMonthlySalaryCents: 215000,
    });
    request.flush(EMPLOYMENT);
    expect(close).toHaveBeenCalledWith(EMPLOYMENT);
  });

  it("shows the server's 400 message next to the field it names", async () => {
    const { fixture, backend, close } = setUp(EmploymentDialog);
    await fixture.whenStable();
    type(fixture, 'Werkgever', 'Permar Ede');
    type(fixture, 'Functie', 'Medewerker groen');
    type(fixture, 'Startdatum', '01-02-2026');
    type(fixture, 'Contracturen per week', '32');
    type(fixture, 'Bruto maandloon (euro)', '2150');
    await submit(fixture);
    backend.expectOne(`${BASE}/employments`).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Ongeldige invoer',
        errors: [{ field: 'jobTitle', messages: ['jobTitle is te lang'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('mat-error')?.textContent).toContain('jobTitle is te lang');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Controleer de gemarkeerde velden.');
    expect(close).not.toHaveBeenCalled();
  });

  it('sends nothing while required fields are empty', async () => {
    const { fixture, backend } = setUp(EmploymentDialog);
    await fixture.whenStable();
    await submit(fixture);
    backend.expectNone(`${BASE}/employments`);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Vul de werkgever in');
  });
});

describe('HoursDialog', () => {
  it('records a typed date as its month and shows a 409 (month already recorded) as a message', async () => {
    const { fixture, backend, close } = setUp(HoursDialog);
    await fixture.whenStable();
    type(fixture, 'Maand', '17-03-2026');
    type(fixture, 'Gewerkte uren', '128,5');
    await submit(fixture);
    const request = backend.expectOne(`${BASE}/employments/e1/hours`);
    expect(request.request.body).toEqual({ month: '2026-03-01', hoursWorked: 128.5 });
    request.flush(
      { statusCode: 409, error: 'Conflict', message: 'Voor deze maand zijn de uren al vastgelegd.' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'Voor deze maand zijn de uren al vastgelegd.',
    );
    expect(close).not.toHaveBeenCalled();
  });
});

describe('AbsenceDialog', () => {
  it('R-MED-01: asks for dates only, says why, and sends no reason', async () => {
    const { fixture, backend } = setUp(AbsenceDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toContain('Geen reden vastleggen: die is medisch');
    expect(Array.from(root.querySelectorAll('mat-label')).map((label) => label.textContent?.trim())).toEqual([
      'Dienstverband',
      'Eerste verzuimdag',
      'Laatste verzuimdag',
    ]);
    type(fixture, 'Eerste verzuimdag', '09-03-2026');
    await submit(fixture);
    const request = backend.expectOne(`${BASE}/employments/e1/absences`);
    expect(request.request.body).toEqual({ firstDay: '2026-03-09', lastDay: null });
  });
});
