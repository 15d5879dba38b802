import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Finding, Page } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { FindingsPage } from './findings-page';

const CLIENT = '0f8c2a1e-5d6b-4c3a-9e8f-123456789abc';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    key: 'off_hours:1',
    kind: 'off_hours',
    occurredAt: '2026-03-01T21:15:00Z',
    userId: 'u1',
    username: 'coach1',
    clientIds: [CLIENT],
    description: 'Dossier ingezien om 22:15, buiten kantoortijden (07:00–19:00).',
    auditSeqs: ['12'],
    review: null,
    ...overrides,
  };
}

function page(items: Finding[], total = items.length): Page<Finding> {
  return { items, total, page: 1, pageSize: 20 };
}

describe('FindingsPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'fg/bevindingen', component: FindingsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...provideDutchDates(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, FindingsPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  }

  afterEach(() => backend.verify());

  const expectFindings = (query: string) => backend.expectOne(`/api/findings?${query}`);
  const text = () => (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');

  it('opens on the findings that still need review, of the kind in the URL', async () => {
    await open('/fg/bevindingen?kind=emergency');
    expectFindings('kind=emergency&reviewed=false&page=1&pageSize=20').flush(
      page([finding({ kind: 'emergency', key: 'emergency:1' })]),
    );
    const kind = await loader.getHarness(MatSelectHarness);
    expect(await kind.getValueText()).toBe('Noodtoegang');
    const status = await loader.getHarness(MatButtonToggleHarness.with({ text: 'Te beoordelen' }));
    expect(await status.isChecked()).toBe(true);

    // Emergency access is marked in the row, not by colour alone.
    const row = harness.routeNativeElement?.querySelector('tr.row--emergency');
    expect(row?.textContent).toContain('Noodtoegang');
  });

  it('ignores an unknown kind in the URL', async () => {
    await open('/fg/bevindingen?kind=iets');
    expectFindings('reviewed=false&page=1&pageSize=20').flush(page([]));
    await harness.fixture.whenStable();
    expect(text()).toContain('Er zijn geen bevindingen die nog beoordeeld moeten worden.');
  });

  it('puts a chosen kind in the URL and filters on it, on the period and on reviewed ones', async () => {
    await open('/fg/bevindingen');
    expectFindings('reviewed=false&page=1&pageSize=20').flush(page([finding()]));

    const kind = await loader.getHarness(MatSelectHarness);
    await kind.open();
    await kind.clickOptions({ text: 'Toegang buiten kantoortijden' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/fg/bevindingen?kind=off_hours');
    expectFindings('kind=off_hours&reviewed=false&page=1&pageSize=20').flush(page([finding()]));

    const from = await loader.getHarness(
      MatDatepickerInputHarness.with({ selector: '[formControlName="from"]' }),
    );
    await from.setValue('01-03-2026');
    expectFindings('kind=off_hours&reviewed=false&from=2026-03-01&page=1&pageSize=20').flush(
      page([finding()]),
    );

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Beoordeeld' }))).check();
    expectFindings('kind=off_hours&reviewed=true&from=2026-03-01&page=1&pageSize=20').flush(
      page([
        finding({
          review: {
            reviewedBy: 'u-dpo',
            reviewedByName: 'Fenna FG',
            reviewedAt: '2026-03-02T08:00:00Z',
            note: 'Avonddienst volgens rooster.',
          },
        }),
      ]),
    );
    await harness.fixture.whenStable();
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['status'].text[0]).toBe(
      'Beoordeeld door Fenna FG op 02-03-2026 09:00 Avonddienst volgens rooster.',
    );
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /^Beoordelen/ }))).toHaveLength(0);
  });

  it('lists each finding with kind, Dutch time, user, description and client links', async () => {
    await open('/fg/bevindingen');
    expectFindings('reviewed=false&page=1&pageSize=20').flush(page([finding()]));
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['kind'].text[0]).toBe('Toegang buiten kantoortijden');
    expect(rows['occurredAt'].text[0]).toBe('01-03-2026 22:15');
    expect(rows['user'].text[0]).toBe('coach1');
    expect(rows['description'].text[0]).toContain('buiten kantoortijden');
    const link = harness.routeNativeElement?.querySelector('a.client-link');
    expect(link?.getAttribute('href')).toBe(`/fg/toegangslog/clienten/${CLIENT}`);
  });

  it('reviews a finding in a dialog that requires a note, then reloads the list', async () => {
    await open('/fg/bevindingen');
    expectFindings('reviewed=false&page=1&pageSize=20').flush(page([finding()]));

    const review = await loader.getHarness(MatButtonHarness.with({ text: /^Beoordelen/ }));
    await review.click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Bevinding beoordelen');

    const save = await dialog.getHarness(MatButtonHarness.with({ text: 'Beoordeling opslaan' }));
    await save.click();
    expect(await dialog.getText()).toContain('Vul een notitie in.');
    backend.expectNone('/api/findings/review');

    await (await dialog.getHarness(MatInputHarness)).setValue('Avonddienst volgens rooster.');
    await save.click();
    const put = backend.expectOne('/api/findings/review');
    expect(put.request.body).toEqual({ key: 'off_hours:1', note: 'Avonddienst volgens rooster.' });
    put.flush(
      finding({
        review: {
          reviewedBy: 'u-dpo',
          reviewedByName: 'Fenna FG',
          reviewedAt: '2026-03-02T08:00:00Z',
          note: 'Avonddienst volgens rooster.',
        },
      }),
    );
    await harness.fixture.whenStable();
    expect(await documentLoader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expectFindings('reviewed=false&page=1&pageSize=20').flush(page([]));
    await harness.fixture.whenStable();
    expect(text()).toContain('De bevinding is beoordeeld: Toegang buiten kantoortijden.');
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

    const exportButton = () => loader.getHarness(MatButtonHarness.with({ text: /Exporteren \(CSV\)/ }));

    it('downloads the findings under the current filters as CSV, through HttpClient (with the token)', async () => {
      await open('/fg/bevindingen?kind=off_hours');
      expectFindings('kind=off_hours&reviewed=false&page=1&pageSize=20').flush(page([finding()]));
      const from = await loader.getHarness(
        MatDatepickerInputHarness.with({ selector: '[formControlName="from"]' }),
      );
      await from.setValue('01-03-2026');
      expectFindings('kind=off_hours&reviewed=false&from=2026-03-01&page=1&pageSize=20').flush(
        page([finding()]),
      );
      await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Beoordeeld' }))).check();
      expectFindings('kind=off_hours&reviewed=true&from=2026-03-01&page=1&pageSize=20').flush(page([]));

      await (await exportButton()).click();
      const csv = backend.expectOne('/api/findings/export?kind=off_hours&reviewed=true&from=2026-03-01');
      expect(csv.request.responseType).toBe('blob');
      csv.flush(new Blob(['Sleutel']), {
        headers: { 'content-disposition': 'attachment; filename="bevindingen-20260301-1200.csv"' },
      });
      expect(clicked.map((link) => link.download)).toEqual(['bevindingen-20260301-1200.csv']);
    });

    it('says so when an export fails', async () => {
      await open('/fg/bevindingen');
      expectFindings('reviewed=false&page=1&pageSize=20').flush(page([]));
      await (await exportButton()).click();
      backend
        .expectOne('/api/findings/export?reviewed=false')
        .flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
      await harness.fixture.whenStable();
      expect(text()).toContain('De export is mislukt. Probeer het opnieuw.');
      expect(clicked).toEqual([]);
    });
  });
});
