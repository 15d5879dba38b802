import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { ConsentRegisterEntry, Page } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { DutchPaginatorIntl } from '../../../shared/dutch-paginator-intl';
import { ConsentRegisterPage } from './consent-register-page';

function consent(overrides: Partial<ConsentRegisterEntry> = {}): ConsentRegisterEntry {
  return {
    id: 'k1',
    clientId: 'c1',
    purpose: 'sociaal_team',
    form: 'oral',
    givenOn: '2026-02-03',
    validUntil: null,
    withdrawnOn: null,
    recordedByName: 'Carla Coach',
    recordedAt: '2026-02-03T10:00:00Z',
    evidencePresent: false,
    ...overrides,
  };
}

function page(
  items: ConsentRegisterEntry[],
  total = items.length,
  pageNumber = 1,
): Page<ConsentRegisterEntry> {
  return { items, total, page: pageNumber, pageSize: 20 };
}

describe('ConsentRegisterPage', () => {
  let fixture: ComponentFixture<ConsentRegisterPage>;
  let backend: HttpTestingController;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatPaginatorIntl, useClass: DutchPaginatorIntl },
        ...provideDutchDates(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConsentRegisterPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const expectRegister = (query: string) => backend.expectOne(`/api/consents?${query}`);
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('lists consents with the purpose label, the form in Dutch, dd-mm-jjjj dates and Ja/Nee', async () => {
    expectRegister('page=1&pageSize=20').flush(
      page([
        consent(),
        consent({
          id: 'k2',
          purpose: 'gp_data_request',
          form: 'written',
          validUntil: '2026-12-31',
          withdrawnOn: '2026-04-01',
          evidencePresent: true,
        }),
      ]),
    );
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['purpose'].text).toEqual([
      'Gegevens delen met sociaal team of jeugdhulp',
      'Gegevens opvragen bij huisarts of andere zorgverlener',
    ]);
    expect(rows['form'].text).toEqual(['Mondeling', 'Schriftelijk']);
    expect(rows['givenOn'].text).toEqual(['03-02-2026', '03-02-2026']);
    expect(rows['validUntil'].text).toEqual(['—', '31-12-2026']);
    expect(rows['withdrawnOn'].text).toEqual(['—', '01-04-2026']);
    expect(rows['recordedBy'].text).toEqual(['Carla Coach', 'Carla Coach']);
    expect(rows['evidence'].text).toEqual(['Nee', 'Ja']);
  });

  it('shows that the register is empty, under the Dutch column headers', async () => {
    expectRegister('page=1&pageSize=20').flush(page([]));
    await fixture.whenStable();
    expect(text()).toContain('Er zijn nog geen toestemmingen vastgelegd.');
    const headers = await (await loader.getHarness(MatTableHarness)).getHeaderRows();
    expect(await headers[0].getCellTextByIndex()).toEqual([
      'Doel',
      'Vorm',
      'Gegeven op',
      'Geldig tot',
      'Ingetrokken op',
      'Vastgelegd door',
      'Bewijs aanwezig',
    ]);
  });

  it('sends the purpose and the day the consent must be valid on', async () => {
    expectRegister('page=1&pageSize=20').flush(page([consent()]));

    const purpose = await loader.getHarness(MatSelectHarness);
    await purpose.open();
    await purpose.clickOptions({ text: 'Contact via WhatsApp (alleen afspraken)' });
    expectRegister('purpose=whatsapp&page=1&pageSize=20').flush(page([consent()]));

    const validOn = await loader.getHarness(MatDatepickerInputHarness);
    await validOn.setValue('5-4-2026');
    expectRegister('purpose=whatsapp&validOn=2026-04-05&page=1&pageSize=20').flush(page([]));
    await fixture.whenStable();
    expect(text()).toContain('Er zijn geen toestemmingen die aan deze filters voldoen.');

    // Back to every purpose: the parameter goes, the date stays.
    await purpose.open();
    await purpose.clickOptions({ text: 'Alle doelen' });
    expectRegister('validOn=2026-04-05&page=1&pageSize=20').flush(page([]));
  });

  it('does not ask the API while the date is unreadable', async () => {
    expectRegister('page=1&pageSize=20').flush(page([]));
    const validOn = await loader.getHarness(MatDatepickerInputHarness);
    await validOn.setValue('32-01-2026');
    await validOn.blur();
    await fixture.whenStable();
    expect(text()).toContain('Vul een bestaande datum in als dd-mm-jjjj.');
  });

  it('labels the calendar button in Dutch', async () => {
    expectRegister('page=1&pageSize=20').flush(page([]));
    const toggle = (fixture.nativeElement as HTMLElement).querySelector('mat-datepicker-toggle button');
    expect(toggle?.getAttribute('aria-label')).toBe('Kalender openen');
  });

  it('asks the API for the next page', async () => {
    expectRegister('page=1&pageSize=20').flush(page([consent()], 30));
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 30');
    await paginator.goToNextPage();
    expectRegister('page=2&pageSize=20').flush(page([consent()], 30, 2));
  });
});
