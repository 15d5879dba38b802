import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { FgDashboard } from '@werkpad/shared';
import { accessesChart, FgDashboardPage } from './fg-dashboard-page';

const DASHBOARD: FgDashboard = {
  accessesPerDay: [
    { day: '2026-03-02', role: 'coach', count: 12 },
    { day: '2026-03-01', role: 'income_consultant', count: 3 },
    { day: '2026-03-01', role: 'coach', count: 5 },
    { day: '2026-03-02', role: 'payroll', count: 1200 },
  ],
  deniedPerDay: [
    { day: '2026-03-02', count: 2 },
    { day: '2026-03-01', count: 1 },
  ],
  openFindings: { outside_scope: 4, denied: 3, many_clients: 0, off_hours: 1, emergency: 2 },
  openBreaches: 1,
  overdueBreaches: 1,
  dataSubjectRequestsByDeadline: { open: 3, dueWithinSevenDays: 1, overdue: 1 },
  dossiersDueForDestruction: 3,
};

describe('FgDashboardPage', () => {
  let fixture: ComponentFixture<FgDashboardPage>;
  let backend: HttpTestingController;

  async function render(dashboard: FgDashboard = DASHBOARD): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FgDashboardPage);
    await fixture.whenStable();
    backend.expectOne('/api/fg/dashboard').flush(dashboard);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  const tableRows = (table: HTMLTableElement) =>
    Array.from(table.querySelectorAll('tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );

  it('gives every chart a data table with a caption, in a disclosure', async () => {
    const root = await render();
    const charts = Array.from(root.querySelectorAll('wp-bar-chart'));
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      const image = chart.querySelector('[role="img"]');
      expect(image?.getAttribute('aria-label')).toMatch(
        /^Staafdiagram .+ De cijfers staan in de tabel eronder\.$/,
      );
      expect(chart.querySelector('details summary')?.textContent).toContain('Toon de cijfers als tabel');
      expect(chart.querySelector('details table caption')).not.toBeNull();
    }

    const [accesses, denied] = charts.map((chart) => chart.querySelector('table') as HTMLTableElement);
    expect(accesses.querySelector('caption')?.textContent?.trim()).toBe('Toegang per dag, per rol');
    expect(tableRows(accesses)).toEqual([
      ['Dag', 'Trajectbegeleider', 'Inkomensconsulent', 'Salarisadministratie', 'Totaal'],
      ['01-03-2026', '5', '3', '0', '8'],
      ['02-03-2026', '12', '0', '1.200', '1.212'],
    ]);
    expect(tableRows(denied)).toEqual([
      ['Dag', 'Totaal'],
      ['01-03-2026', '1'],
      ['02-03-2026', '2'],
    ]);
    expect(charts[0].querySelector('[role="img"]')?.getAttribute('aria-label')).toContain(
      'in totaal 1.220 toegangen, het meest op 02-03-2026 (1.212)',
    );
  });

  it('links each kind of open finding to the filtered findings list', async () => {
    const root = await render();
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('a.card-link')).map((link) => [
      link.textContent?.replace(/\s+/g, ' ').trim(),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['4 open: Toegang buiten caseload of toewijzing', '/fg/bevindingen?kind=outside_scope'],
      ['3 open: Geweigerde poging', '/fg/bevindingen?kind=denied'],
      ['0 open: Ongewoon veel cliënten op één dag', '/fg/bevindingen?kind=many_clients'],
      ['1 open: Toegang buiten kantoortijden', '/fg/bevindingen?kind=off_hours'],
      ['2 open: Noodtoegang', '/fg/bevindingen?kind=emergency'],
    ]);
  });

  it('R-DSR-03: shows open and overdue breaches, data-subject requests by deadline and dossiers due for destruction', async () => {
    const root = await render();
    const text = root.textContent?.replace(/\s+/g, ' ') ?? '';
    const figures = Array.from(root.querySelectorAll('.figures > div')).map((figure) => [
      figure.querySelector('dt')?.textContent?.trim(),
      figure.querySelector('dd')?.textContent?.replace('warning', '').trim(),
    ]);
    expect(figures).toEqual([
      ['Open datalekken', '1'],
      ['Niet op tijd gemeld (meldtermijn van 72 uur verstreken)', '1'],
      ['Open verzoeken', '3'],
      ['Termijn verstrijkt binnen zeven dagen', '1'],
      ['Termijn verstreken (AVG: een maand, na uitstel hoogstens drie)', '1'],
      ['Dossiers te vernietigen (bewaartermijn verstreken, geen blokkade)', '3'],
    ]);
    expect(root.querySelector('a[href="/fg/datalekken"]')?.textContent).toBe('Naar het datalekkenregister');
    expect(root.querySelector('a[href="/bewaartermijnen"]')?.textContent).toBe(
      'Naar bewaartermijnen en vernietiging',
    );
    expect(text).not.toContain('nog niet beschikbaar');
  });

  it('says a chart is empty instead of drawing nothing', async () => {
    const root = await render({ ...DASHBOARD, accessesPerDay: [], deniedPerDay: [] });
    expect(root.textContent).toContain('Geen gegevens in deze periode.');
    expect(root.textContent).toContain('Geen geweigerde pogingen in deze periode.');
  });

  it('names the role in the table also when only one role accessed data, and says "1 toegang"', async () => {
    const root = await render({
      ...DASHBOARD,
      accessesPerDay: [{ day: '2026-03-01', role: 'coach', count: 1 }],
      deniedPerDay: [{ day: '2026-03-01', count: 0 }],
    });
    const [accesses, denied] = Array.from(root.querySelectorAll('wp-bar-chart'));
    expect(tableRows(accesses.querySelector('table') as HTMLTableElement)).toEqual([
      ['Dag', 'Trajectbegeleider', 'Totaal'],
      ['01-03-2026', '1', '1'],
    ]);
    expect(accesses.querySelector('[role="img"]')?.getAttribute('aria-label')).toContain(
      'in totaal 1 toegang,',
    );
    expect(denied.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Staafdiagram Geweigerde pogingen per dag: 01-03-2026 tot en met 01-03-2026, geen geweigerde pogingen. ' +
        'De cijfers staan in de tabel eronder.',
    );
  });

  it('labels a user with several roles once, under both role names', () => {
    const chart = accessesChart({
      ...DASHBOARD,
      accessesPerDay: [{ day: '2026-03-01', role: 'coach+payroll', count: 2 }],
    });
    expect(chart.series).toEqual([
      { key: 'coach+payroll', label: 'Trajectbegeleider + Salarisadministratie' },
    ]);
  });

  it('orders the role series as everywhere in Werkpad, unknown roles last', () => {
    const chart = accessesChart({
      ...DASHBOARD,
      accessesPerDay: [
        { day: '2026-03-01', role: 'zz-new', count: 1 },
        { day: '2026-03-01', role: 'dpo', count: 1 },
        { day: '2026-03-01', role: 'coach', count: 1 },
      ],
    });
    expect(chart.series.map((series) => series.label)).toEqual([
      'Trajectbegeleider',
      'Functionaris Gegevensbescherming',
      'zz-new',
    ]);
  });
});
