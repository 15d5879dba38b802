import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ProgressReportView, ReportExportView, TrajectoryView } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { ReportReviewDialog } from '../../clients/components/sharing/report-review-dialog';
import { ReportExportPage } from '../pages/report-export-page';
import { ReportFormDialog } from './report-form-dialog';

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
    coachId: 'u1',
    coachName: 'Coach Eén',
    incomeConsultantId: null,
    incomeConsultantName: null,
    reportingAgreement: {
      recipient: 'Gemeente Ede',
      categories: ['progress'],
      form: 'written',
      purpose: 'Werk',
      frequency: 'elk kwartaal',
    },
    createdAt: '2026-01-05T10:00:00Z',
    ...overrides,
  };
}

function report(overrides: Partial<ProgressReportView> = {}): ProgressReportView {
  return {
    id: 'r1',
    reference: 'RAP-2026-000001',
    clientId: 'c1',
    trajectoryIds: ['t1'],
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    recipientType: 'income_consultant',
    recipientOrganisation: 'Gemeente Ede',
    recipientPerson: null,
    categories: ['identity', 'progress'],
    status: 'draft',
    origin: 'file',
    reviewStatus: 'not_shown',
    shownToClientOn: null,
    createdAt: '2026-07-01T10:00:00Z',
    createdByName: 'Coach',
    sentAt: null,
    sentByName: null,
    channel: null,
    contentSha256: 'a'.repeat(64),
    pdfSha256: null,
    disclosureIds: [],
    ...overrides,
  };
}

describe('ReportFormDialog (R-REP-01)', () => {
  async function setUp() {
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
            trajectories: [
              trajectory({}),
              trajectory({ id: 't2', type: 'arbeidsdiagnose', status: 'closed' }),
            ],
            readable: ['identity', 'progress', 'benefit_impact', 'coaching_notes'],
          },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ReportFormDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    return { fixture, close, root, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('R-REP-01: shows per trajectory what the chosen recipient would get, and what not', async () => {
    const { root, loader, fixture } = await setUp();
    expect(root.textContent).toContain('Wordt gerapporteerd: Voortgang, Gevolgen voor uitkering');
    const recipient = await loader.getHarness(MatSelectHarness);
    await recipient.open();
    await recipient.clickOptions({ text: 'UWV' });
    await fixture.whenStable();
    expect(root.textContent).toContain('Wordt gerapporteerd: Voortgang');
    expect(root.textContent).not.toContain('Gevolgen voor uitkering');
    // UWV has no rule for an arbeidsdiagnose.
    expect(root.textContent).toContain('Niets: hierover mag aan deze ontvanger niet worden gerapporteerd.');
  });

  it('sends the chosen recipient, the open trajectory and the period as calendar days', async () => {
    const { root, fixture, close } = await setUp();
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/clients/c1/reports');
    const body = request.request.body as {
      recipientType: string;
      trajectoryIds: string[];
      periodEnd: string;
    };
    expect(body.recipientType).toBe('income_consultant');
    expect(body.trajectoryIds).toEqual(['t1']);
    expect(body.periodEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    request.flush(report());
    expect(close).toHaveBeenCalledWith(report());
  });
});

describe('ReportReviewDialog for a draft progress report (R-SHARE-06)', () => {
  it('offers only "before sending" while the report is a draft', async () => {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
        { provide: MAT_DIALOG_DATA, useValue: { clientId: 'c1', report: report() } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(ReportReviewDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toContain('nog niet verzonden');
    const after = root.querySelector<HTMLInputElement>('input[value="shown_after_sending"]');
    expect(after?.disabled).toBe(true);
  });
});

describe('ReportExportPage (R-REP-01)', () => {
  it('makes the reports step by step, shows the progress, then offers the zip', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ...provideDutchDates()],
    });
    const fixture = TestBed.createComponent(ReportExportPage);
    const backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne((request) => request.url === '/api/clients')
      .flush({
        items: [
          { id: 'c1', firstName: 'Anna', lastName: 'Bakker', categories: [] },
          { id: 'c2', firstName: 'Bram', lastName: 'Smit', categories: [] },
        ],
        total: 2,
        page: 1,
        pageSize: 100,
      });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const choose = Array.from(root.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('Alle getoonde'),
    );
    choose?.click();
    await fixture.whenStable();
    expect(root.textContent).toContain('2 gekozen');
    root.querySelectorAll('form')[1]?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    const view = (done: number): ReportExportView => ({
      id: 'e1',
      total: 2,
      done,
      status: done === 2 ? 'completed' : 'running',
      reportIds: done === 2 ? ['r1'] : [],
      skipped: done === 2 ? [{ clientId: 'c2', reason: 'Geen traject in deze periode.' }] : [],
    });
    const started = backend.expectOne('/api/report-exports');
    expect((started.request.body as { clientIds: string[] }).clientIds).toEqual(['c1', 'c2']);
    started.flush(view(0));
    await fixture.whenStable();
    backend.expectOne('/api/report-exports/e1/step').flush(view(2));
    await fixture.whenStable();
    expect(root.textContent).toContain('2 van 2 cliënten verwerkt; 1 rapportages.');
    expect(root.textContent).toContain('Bram Smit: Geen traject in deze periode.');
    expect(
      Array.from(root.querySelectorAll('button')).some((button) =>
        button.textContent?.includes('ZIP downloaden'),
      ),
    ).toBe(true);
  });
});
