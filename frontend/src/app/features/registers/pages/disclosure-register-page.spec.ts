import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { DisclosureView, Page } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { DutchPaginatorIntl } from '../../../shared/dutch-paginator-intl';
import { DisclosureRegisterPage } from './disclosure-register-page';

const DIGEST = 'ab12cd34ef56'.padEnd(64, '0');

function disclosure(overrides: Partial<DisclosureView> = {}): DisclosureView {
  return {
    id: 'd1',
    clientId: 'c1',
    trajectoryId: 't1',
    recipient: { type: 'uwv', organisation: 'UWV Ede', country: 'NL' },
    categories: ['identity', 'progress'],
    fields: [],
    channel: 'secure_portal',
    purpose: 'Melding plaatsing',
    ruleId: 'uwv',
    ruleVersion: '2026-11-22.1',
    legalBasis: 'Participatiewet / WSW; Wet SUWI',
    consentId: null,
    disclosedBy: 'u1',
    disclosedByName: 'Carla Coach',
    // 23:30 UTC is already the next day in Amsterdam (winter time, UTC+1).
    disclosedAt: '2026-01-14T23:30:00Z',
    digest: DIGEST,
    isReport: false,
    reviewStatus: null,
    shownToClientOn: null,
    ...overrides,
  };
}

function page(items: DisclosureView[], total = items.length, pageNumber = 1): Page<DisclosureView> {
  return { items, total, page: pageNumber, pageSize: 20 };
}

describe('DisclosureRegisterPage', () => {
  let fixture: ComponentFixture<DisclosureRegisterPage>;
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
    fixture = TestBed.createComponent(DisclosureRegisterPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const expectRegister = (query: string) => backend.expectOne(`/api/disclosures?${query}`);
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('lists disclosures with Dutch labels, the Dutch time and a short digest', async () => {
    expectRegister('page=1&pageSize=20').flush(
      page([
        disclosure(),
        disclosure({
          id: 'd2',
          recipient: { type: 'sociaal_team', organisation: 'Sociaal team Ede-Zuid', country: 'NL' },
          categories: ['identity'],
          ruleId: 'sociaal-team',
          legalBasis: null,
          consentId: 'k1',
          isReport: true,
          reviewStatus: 'not_shown',
        }),
        disclosure({ id: 'd3', isReport: true, reviewStatus: 'shown_after_sending' }),
      ]),
    );
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['disclosedAt'].text[0]).toBe('15-01-2026 00:30');
    expect(rows['recipient'].text).toEqual([
      'UWV – UWV Ede',
      'Sociaal team of jeugdhulp – Sociaal team Ede-Zuid',
      'UWV – UWV Ede',
    ]);
    expect(rows['categories'].text[0]).toBe('Identiteit, Voortgang');
    expect(rows['ground'].text.slice(0, 2)).toEqual(['Participatiewet / WSW; Wet SUWI', 'Toestemming']);
    expect(rows['rule'].text[0]).toBe('uwv (versie 2026-11-22.1)');
    expect(rows['disclosedBy'].text[0]).toBe('Carla Coach');
    expect(rows['review'].text).toEqual([
      'Geen rapportage',
      'Nog niet aan de cliënt getoond',
      'Na verzending aan de cliënt getoond',
    ]);

    const digest = (fixture.nativeElement as HTMLElement).querySelector('code.digest');
    expect(digest?.getAttribute('title')).toBe(DIGEST);
    expect(digest?.querySelector('[aria-hidden="true"]')?.textContent).toBe('ab12cd34ef56…');
    expect(digest?.querySelector('.cdk-visually-hidden')?.textContent).toBe(DIGEST);
  });

  it('shows that the register is empty, under the Dutch column headers', async () => {
    expectRegister('page=1&pageSize=20').flush(page([]));
    await fixture.whenStable();
    expect(text()).toContain('Er zijn nog geen verstrekkingen vastgelegd.');
    const headers = await (await loader.getHarness(MatTableHarness)).getHeaderRows();
    expect(await headers[0].getCellTextByIndex()).toEqual([
      'Datum',
      'Ontvanger',
      'Categorieën',
      'Grondslag',
      'Regel',
      'Verstrekt door',
      'Digest',
      'Rapportage',
    ]);
  });

  it('sends the recipient type, the period as calendar dates and the R-SHARE-06 filter', async () => {
    expectRegister('page=1&pageSize=20').flush(page([disclosure()]));

    const type = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formControlName="recipientType"]' }),
    );
    await type.open();
    await type.clickOptions({ text: 'UWV' });
    expectRegister('recipientType=uwv&page=1&pageSize=20').flush(page([disclosure()]));

    const from = await loader.getHarness(
      MatDatepickerInputHarness.with({ selector: '[formControlName="from"]' }),
    );
    await from.setValue('1-3-2026');
    expectRegister('recipientType=uwv&from=2026-03-01&page=1&pageSize=20').flush(page([disclosure()]));

    const to = await loader.getHarness(
      MatDatepickerInputHarness.with({ selector: '[formControlName="to"]' }),
    );
    await to.setValue('31-03-2026');
    expectRegister('recipientType=uwv&from=2026-03-01&to=2026-03-31&page=1&pageSize=20').flush(
      page([disclosure()]),
    );

    const unreviewed = await loader.getHarness(
      MatCheckboxHarness.with({ label: 'Alleen rapportages die de cliënt nog niet zag (R-SHARE-06)' }),
    );
    await unreviewed.check();
    expectRegister(
      'recipientType=uwv&from=2026-03-01&to=2026-03-31&unreviewedReports=true&page=1&pageSize=20',
    ).flush(page([]));
    await fixture.whenStable();
    expect(text()).toContain('Er zijn geen verstrekkingen die aan deze filters voldoen.');

    // Unticking drops the parameter altogether (false would still read as a filter).
    await unreviewed.uncheck();
    expectRegister('recipientType=uwv&from=2026-03-01&to=2026-03-31&page=1&pageSize=20').flush(page([]));
  });

  it('does not ask the API while a date is unreadable or the period runs backwards', async () => {
    expectRegister('page=1&pageSize=20').flush(page([]));

    const from = await loader.getHarness(
      MatDatepickerInputHarness.with({ selector: '[formControlName="from"]' }),
    );
    await from.setValue('31-02-2026');
    await from.blur();
    await fixture.whenStable();
    expect(text()).toContain('Vul een bestaande datum in als dd-mm-jjjj.');

    await from.setValue('10-03-2026');
    expectRegister('from=2026-03-10&page=1&pageSize=20').flush(page([]));
    const to = await loader.getHarness(
      MatDatepickerInputHarness.with({ selector: '[formControlName="to"]' }),
    );
    await to.setValue('01-03-2026');
    await to.blur();
    await fixture.whenStable();
    expect(text()).toContain('De einddatum ligt vóór de begindatum.');
    // backend.verify() in afterEach proves no request went out for the invalid values.
  });

  it('labels the calendar buttons in Dutch (the app-wide intl, not the English one of the module)', async () => {
    expectRegister('page=1&pageSize=20').flush(page([]));
    const toggles = (fixture.nativeElement as HTMLElement).querySelectorAll('mat-datepicker-toggle button');
    expect(Array.from(toggles).map((button) => button.getAttribute('aria-label'))).toEqual([
      'Kalender openen',
      'Kalender openen',
    ]);
  });

  it('pages with Dutch texts and keeps the filter', async () => {
    expectRegister('page=1&pageSize=20').flush(page([disclosure()], 45));
    const type = await loader.getHarness(MatSelectHarness);
    await type.open();
    await type.clickOptions({ text: 'UWV' });
    expectRegister('recipientType=uwv&page=1&pageSize=20').flush(page([disclosure()], 45));

    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 45');
    await paginator.goToNextPage();
    expectRegister('recipientType=uwv&page=2&pageSize=20').flush(page([disclosure()], 45, 2));
  });
});
