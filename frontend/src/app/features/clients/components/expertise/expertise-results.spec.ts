import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { DataCategory, TrajectoryView } from '@werkpad/shared';
import { of } from 'rxjs';
import { capability, outcome } from '../../../../../testing/expertise';
import { provideDutchDates } from '../../../../shared/dutch-dates';
import { ClientTrajectories } from '../client-trajectories';
import { FunctionalCapabilityDialog } from './functional-capability-dialog';

registerLocaleData(localeNl);

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function trajectory(overrides: Partial<TrajectoryView>): TrajectoryView {
  return {
    id: 't1',
    clientId: 'c1',
    type: 'bemiddeling',
    legalBasis: 'Participatiewet',
    status: 'open',
    startDate: '2026-01-05',
    closedOn: null,
    destructionDate: null,
    coachId: 'u-coach',
    coachName: 'Carla Coach',
    incomeConsultantId: null,
    incomeConsultantName: null,
    reportingAgreement: {
      recipient: 'Gemeente Ede',
      categories: ['progress'],
      form: 'written',
      purpose: 'Voortgang',
      frequency: 'Elk kwartaal',
    },
    createdAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}

const COACH: DataCategory[] = [
  'identity',
  'progress',
  'health_functional',
  'diagnosis_outcome',
  'coaching_notes',
];
const INCOME: DataCategory[] = ['identity', 'contact', 'progress', 'benefit_impact', 'diagnosis_outcome'];

describe('ClientTrajectories: what the Expertisecentrum lets go out', () => {
  function render(categories: DataCategory[], canAddCapability = false) {
    const open = jest.fn(() => ({ afterClosed: () => of(undefined) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        { provide: MatDialog, useValue: { open } },
      ],
    });
    const fixture = TestBed.createComponent(ClientTrajectories);
    fixture.componentRef.setInput('clientId', 'c1');
    fixture.componentRef.setInput('categories', categories);
    fixture.componentRef.setInput('canAddCapability', canAddCapability);
    fixture.detectChanges();
    const backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne('/api/clients/c1/trajectories')
      .flush([trajectory({}), trajectory({ id: 't2', type: 'arbeidsdiagnose', startDate: '2026-02-03' })]);
    return { fixture, open, backend, root: fixture.nativeElement as HTMLElement };
  }

  it('R-MED-02: shows the coach the final outcome and advice of the arbeidsdiagnose, with Dutch dates', async () => {
    const { fixture, backend, root } = render(COACH);
    await fixture.whenStable();
    backend.expectOne('/api/trajectories/t2/outcome').flush(
      outcome({
        trajectoryId: 't2',
        status: 'final',
        finalizedAt: '2026-04-02T10:05:00.000Z',
        finalizedByName: 'Eva Expertise',
        sentToClientOn: '2026-04-03',
      }),
    );
    backend.expectOne('/api/clients/c1/functional-capabilities').flush([]);
    await fixture.whenStable();
    const panel = root.querySelector('wp-diagnosis-outcome-panel');
    expect(text(panel)).toContain('Arbeidsdiagnose van 03-02-2026 (open)');
    expect(text(panel)).toContain('Vastgesteld op 02-04-2026 12:05 door Eva Expertise');
    expect(text(panel)).toContain('verzonden aan cliënt: 03-04-2026');
    expect(text(panel)).toContain('Kan werken in een rustige omgeving.');
    expect(text(panel)).toContain('Bemiddeling naar administratief werk, 24 uur per week.');
    // Only the arbeidsdiagnose has an outcome: no call for the bemiddeling trajectory.
    backend.expectNone('/api/trajectories/t1/outcome');
  });

  it('R-MED-02: says there is no final outcome yet when the API answers 404', async () => {
    const { fixture, backend, root } = render(INCOME);
    await fixture.whenStable();
    backend
      .expectOne('/api/trajectories/t2/outcome')
      .flush({ message: 'x' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text(root.querySelector('wp-diagnosis-outcome-panel'))).toContain(
      'Nog geen vastgestelde uitkomst van het Expertisecentrum.',
    );
    // The income consultant does not read health_functional: no functional capabilities asked for.
    backend.expectNone('/api/clients/c1/functional-capabilities');
    expect(root.querySelector('wp-functional-capabilities')).toBeNull();
  });

  it('asks for no outcome when the file does not show diagnosis_outcome (management)', async () => {
    const { fixture, backend, root } = render(['identity', 'progress']);
    await fixture.whenStable();
    backend.expectNone('/api/trajectories/t2/outcome');
    expect(root.querySelector('wp-diagnosis-outcome-panel')).toBeNull();
  });

  it('R-MED-05: lists the functional capabilities newest first, and lets the coach add one', async () => {
    const { fixture, backend, root, open } = render(COACH, true);
    await fixture.whenStable();
    backend
      .expectOne('/api/trajectories/t2/outcome')
      .flush({ message: 'x' }, { status: 404, statusText: 'Not Found' });
    backend
      .expectOne('/api/clients/c1/functional-capabilities')
      .flush([capability(), capability({ id: 'f0', assessedOn: '2025-10-01', source: 'expertisecentrum' })]);
    await fixture.whenStable();
    const section = root.querySelector('wp-functional-capabilities');
    expect(text(section)).toContain('Geen diagnoses of namen van aandoeningen');
    const entries = Array.from(section?.querySelectorAll('li') ?? []).map((li) => text(li));
    expect(entries[0]).toContain('Beoordeeld op 15-03-2026 (meest recent)');
    expect(entries[0]).toContain('Bron: Trajectbegeleider · geldig tot 15-09-2026');
    expect(entries[0]).toContain('Zwaar tillen');
    expect(entries[1]).toContain('Beoordeeld op 01-10-2025');
    expect(entries[1]).toContain('Bron: Expertisecentrum');
    Array.from(root.querySelectorAll('button'))
      .find((b) => text(b).includes('Mogelijkheden vastleggen'))
      ?.click();
    const [component, config] = open.mock.calls[0] as unknown as [unknown, { data: unknown }];
    expect(component).toBe(FunctionalCapabilityDialog);
    expect(config.data).toEqual({ clientId: 'c1', source: 'trajectbegeleider', trajectoryId: null });
  });
});

describe('FunctionalCapabilityDialog', () => {
  it('R-MED-05: explains "no diagnoses" and sends the assessment with Dutch dates as YYYY-MM-DD', async () => {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { clientId: 'c1', source: 'expertisecentrum', trajectoryId: 't2' },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(FunctionalCapabilityDialog);
    const backend = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(text(root.querySelector('[role="note"]'))).toContain(
      'Noteer geen diagnoses of namen van aandoeningen',
    );
    const source = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    expect(await source.getValueText()).toBe('Expertisecentrum');
    const type = (selector: string, value: string) => {
      const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!field) throw new Error(`${selector} missing`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    type('textarea[formcontrolname="canDo"]', 'Zittend werk');
    type('textarea[formcontrolname="cannotDo"]', 'Zwaar tillen');
    type('input[formcontrolname="hoursPerWeek"]', '24');
    type('input[formcontrolname="assessedOn"]', '1-4-2026');
    // "Geldig tot" may not lie before the assessment: its minimum follows the typed date.
    await fixture.whenStable();
    type('input[formcontrolname="validUntil"]', '01-10-2026');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    const request = backend.expectOne('/api/clients/c1/functional-capabilities');
    expect(request.request.body).toEqual({
      canDo: 'Zittend werk',
      cannotDo: 'Zwaar tillen',
      hoursPerWeek: 24,
      assessedOn: '2026-04-01',
      validUntil: '2026-10-01',
      source: 'expertisecentrum',
      trajectoryId: 't2',
    });
    request.flush(capability());
    expect(close).toHaveBeenCalled();
  });
});
