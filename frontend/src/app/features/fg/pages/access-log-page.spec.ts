import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import type { AccessLogEntry, Page } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { AccessLogPage } from './access-log-page';

const CLIENT = '0f8c2a1e-5d6b-4c3a-9e8f-123456789abc';
const USER = '7d1e9b2c-1111-4a2b-8c3d-abcdefabcdef';

function entry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    seq: '41',
    // 23:30 UTC is already the next day in Amsterdam (winter time, UTC+1).
    occurredAt: '2026-01-14T23:30:00Z',
    userId: USER,
    username: 'coach1',
    roles: ['coach'],
    subjectClientIds: [CLIENT],
    objectType: 'Client',
    objectId: CLIENT,
    categories: ['identity', 'contact'],
    action: 'read',
    result: 'allowed',
    ground: { kind: 'role_policy', reference: 'clients.coach' },
    route: 'GET /api/clients/:id',
    httpStatus: 200,
    emergency: false,
    ...overrides,
  };
}

function page(items: AccessLogEntry[], total = items.length, pageNumber = 1): Page<AccessLogEntry> {
  return { items, total, page: pageNumber, pageSize: 20 };
}

describe('AccessLogPage', () => {
  let fixture: ComponentFixture<AccessLogPage>;
  let backend: HttpTestingController;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), ...provideDutchDates()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccessLogPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const expectLog = (query: string) => backend.expectOne(`/api/access-log?${query}`);
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const button = (text: string | RegExp) => loader.getHarness(MatButtonHarness.with({ text }));
  const select = (name: string) =>
    loader.getHarness(MatSelectHarness.with({ selector: `[formControlName="${name}"]` }));

  it('lists log rows with Dutch labels and time, an emergency marker and client links', async () => {
    expectLog('order=desc&page=1&pageSize=20').flush(
      page([
        entry(),
        entry({
          seq: '42',
          result: 'denied',
          ground: { kind: 'emergency', reference: 'grant-1' },
          emergency: true,
          subjectClientIds: [],
        }),
      ]),
    );
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['occurredAt'].text[0]).toBe('15-01-2026 00:30');
    expect(rows['roles'].text[0]).toBe('Trajectbegeleider');
    expect(rows['action'].text[0]).toBe('Inzien');
    expect(rows['categories'].text[0]).toBe('Identiteit, Contactgegevens');
    expect(rows['result'].text).toEqual(['Toegestaan', 'Geweigerd']);
    expect(rows['ground'].text[0]).toContain('Rol en autorisatiebeleid');
    expect(rows['emergency'].text[1]).toContain('Noodtoegang');

    const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a.client-link');
    expect(link?.getAttribute('href')).toBe(`/fg/toegangslog/clienten/${CLIENT}`);
    expect(link?.textContent).toContain(`Toegangsoverzicht cliënt ${CLIENT}`);
    expect(text()).toContain('2 regels gevonden');
  });

  it('sends every filter the FG set, as the API names them, only when "Zoeken" is pressed', async () => {
    expectLog('order=desc&page=1&pageSize=20').flush(page([entry()]));

    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="clientId"]' }))
    ).setValue(` ${CLIENT} `);
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="userId"]' }))
    ).setValue(USER);
    for (const [name, option] of [
      ['role', 'Inkomensconsulent'],
      ['action', 'Wijzigen'],
      ['category', 'Salaris en dienstverband'],
      ['result', 'Geweigerd'],
      ['groundKind', 'Noodtoegang'],
    ] as const) {
      const field = await select(name);
      await field.open();
      await field.clickOptions({ text: option });
    }
    await (
      await loader.getHarness(MatDatepickerInputHarness.with({ selector: '[formControlName="from"]' }))
    ).setValue('1-3-2026');
    await (
      await loader.getHarness(MatDatepickerInputHarness.with({ selector: '[formControlName="to"]' }))
    ).setValue('31-03-2026');
    // Nothing asked yet: every search is itself logged, so half-set filters are not sent.
    backend.expectNone(() => true);

    await (await button('Zoeken')).click();
    expectLog(
      `clientId=${CLIENT}&userId=${USER}&role=income_consultant&action=update&category=payroll` +
        '&result=denied&groundKind=emergency&from=2026-03-01&to=2026-03-31&order=desc&page=1&pageSize=20',
    ).flush(page([]));
    await fixture.whenStable();
    expect(text()).toContain('Er zijn geen regels die aan deze filters voldoen.');

    await (await button('Filters wissen')).click();
    expectLog('order=desc&page=1&pageSize=20').flush(page([]));
  });

  it('refuses a partial id instead of asking the API', async () => {
    expectLog('order=desc&page=1&pageSize=20').flush(page([]));
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="clientId"]' }))
    ).setValue('0f8c2a1e');
    await (await button('Zoeken')).click();
    await fixture.whenStable();
    expect(text()).toContain('Vul een volledig cliënt-id in (een UUID).');
    // backend.verify() in afterEach proves no request went out.
  });

  it('sorts oldest first on request and back to the first page', async () => {
    expectLog('order=desc&page=1&pageSize=20').flush(page([entry()], 45));
    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    expectLog('order=desc&page=2&pageSize=20').flush(page([entry()], 45, 2));

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Oudste eerst' }))).check();
    expectLog('order=asc&page=1&pageSize=20').flush(page([entry()], 45));
    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 45');
  });

  it('shows a capped total as "10.000+", also in the paginator', async () => {
    expectLog('order=desc&page=1&pageSize=20').flush(page([entry()], 10_001));
    await fixture.whenStable();
    expect(text()).toContain('10.000+ regels gevonden');
    expect(text()).toContain('een export bevat hoogstens 10.000 regels');
    expect(await (await loader.getHarness(MatPaginatorHarness)).getRangeLabel()).toBe('1 – 20 van 10.000+');
  });

  it('filters on one user from a row', async () => {
    expectLog('order=desc&page=1&pageSize=20').flush(page([entry()]));
    const filter = await loader.getHarness(MatButtonHarness.with({ selector: '.inline-icon-button' }));
    expect(await (await filter.host()).getAttribute('aria-label')).toBe('Alleen regels van coach1 tonen');
    await filter.click();
    expectLog(`userId=${USER}&order=desc&page=1&pageSize=20`).flush(page([entry()]));
  });

  describe('export', () => {
    let clicked: HTMLAnchorElement[];

    beforeEach(() => {
      clicked = [];
      Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:export'), revokeObjectURL: jest.fn() });
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    });

    afterEach(() => jest.restoreAllMocks());

    it('downloads the searched filters and sort order as CSV or PDF, through HttpClient (with the token)', async () => {
      expectLog('order=desc&page=1&pageSize=20').flush(page([entry()]));
      const result = await select('result');
      await result.open();
      await result.clickOptions({ text: 'Geweigerd' });
      await (await button('Zoeken')).click();
      expectLog('result=denied&order=desc&page=1&pageSize=20').flush(page([entry()]));
      await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Oudste eerst' }))).check();
      expectLog('result=denied&order=asc&page=1&pageSize=20').flush(page([entry()]));

      await (await button(/Exporteren als CSV/)).click();
      const csv = backend.expectOne('/api/access-log/export?format=csv&result=denied&order=asc');
      expect(csv.request.responseType).toBe('blob');
      csv.flush(new Blob(['seq']), {
        headers: { 'content-disposition': 'attachment; filename="toegangslog.csv"' },
      });
      expect(clicked.map((link) => link.download)).toEqual(['toegangslog.csv']);

      await (await button(/Exporteren als PDF/)).click();
      backend
        .expectOne('/api/access-log/export?format=pdf&result=denied&order=asc')
        .flush(new Blob(['%PDF']));
      expect(clicked.map((link) => link.download)).toEqual(['toegangslog.csv', 'toegangslog.pdf']);
    });

    it('says so when an export fails', async () => {
      expectLog('order=desc&page=1&pageSize=20').flush(page([]));
      await (await button(/Exporteren als CSV/)).click();
      backend
        .expectOne('/api/access-log/export?format=csv&order=desc')
        .flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
      await fixture.whenStable();
      expect(text()).toContain('De export is mislukt. Probeer het opnieuw.');
      expect(clicked).toEqual([]);
    });
  });
});
