import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import type { ClientView, Page } from '@werkpad/shared';
import { authAs, type ClientRole } from '../../../../testing/client-roles';
import { ClientsPage } from './clients-page';

registerLocaleData(localeNl);

const CLIENT: ClientView = {
  id: 'c1',
  firstName: 'Fatima',
  lastName: 'El Amrani',
  dateOfBirth: '1980-02-03',
  bsnMasked: '******782',
  city: 'Utrecht',
  coachId: 'u-coach',
  coachName: 'Anna de Vries',
  incomeConsultantId: null,
  openTrajectoryTypes: ['bemiddeling'],
};

function page(items: ClientView[], total = items.length): Page<ClientView> {
  return { items, total, page: 1, pageSize: 20 };
}

const FIRST_PAGE = '/api/clients?q=&page=1&pageSize=20&sort=name&direction=asc';

describe('ClientsPage', () => {
  let fixture: ComponentFixture<ClientsPage>;
  let backend: HttpTestingController;

  async function render(role: ClientRole): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        authAs(role),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientsPage);
    await fixture.whenStable();
  }

  const root = () => fixture.nativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.loader(fixture);

  afterEach(() => backend.verify());

  it('shows a coach the caseload with a Dutch date, the masked BSN and a link to each file', async () => {
    await render('coach');
    backend.expectOne(FIRST_PAGE).flush(page([CLIENT]));
    const table = await loader().getHarness(MatTableHarness);

    expect(await table.getHeaderRows().then((rows) => rows[0].getCellTextByIndex())).toEqual([
      'Naam',
      'Geboortedatum',
      'BSN',
      'Woonplaats',
      'Lopende trajecten',
    ]);
    expect(await table.getCellTextByIndex()).toEqual([
      ['Fatima El Amrani', '03-02-1980', '******782', 'Utrecht', 'Bemiddeling naar betaald werk'],
    ]);
    expect(root().querySelector('td a')?.getAttribute('href')).toBe('/clienten/c1');
    expect(await loader().getHarness(MatButtonHarness.with({ text: /Nieuwe cliënt/ }))).toBeTruthy();
  });

  it('says so when there are no clients', async () => {
    await render('coach');
    backend.expectOne(FIRST_PAGE).flush(page([]));
    await fixture.whenStable();
    expect(root().textContent).toContain('Geen cliënten gevonden');
  });

  it('asks the API to sort when a column header is clicked, from the first page', async () => {
    await render('coach');
    backend.expectOne(FIRST_PAGE).flush(page([CLIENT], 45));
    const sort = await loader().getHarness(MatSortHarness);
    const [, birthHeader] = await sort.getSortHeaders();
    await birthHeader.click();
    backend
      .expectOne('/api/clients?q=&page=1&pageSize=20&sort=dateOfBirth&direction=asc')
      .flush(page([CLIENT], 45));
    await birthHeader.click();
    backend.expectOne('/api/clients?q=&page=1&pageSize=20&sort=dateOfBirth&direction=desc').flush(page([]));
  });

  it('filters on trajectory type and status', async () => {
    await render('coach');
    backend.expectOne(FIRST_PAGE).flush(page([CLIENT]));
    const [typeSelect, statusSelect] = await loader().getAllHarnesses(MatSelectHarness);
    await typeSelect.open();
    await typeSelect.clickOptions({ text: 'Jobcoaching' });
    backend.expectOne(`${FIRST_PAGE}&trajectoryType=jobcoaching`).flush(page([]));
    await statusSelect.open();
    await statusSelect.clickOptions({ text: 'Gesloten' });
    backend.expectOne(`${FIRST_PAGE}&trajectoryType=jobcoaching&status=closed`).flush(page([]));
  });

  it('does not offer an income consultant to register clients', async () => {
    await render('income_consultant');
    backend.expectOne(FIRST_PAGE).flush(page([CLIENT]));
    expect(await loader().getAllHarnesses(MatButtonHarness.with({ text: /Nieuwe cliënt/ }))).toEqual([]);
  });

  it('gives an admin a coach filter and Toewijzen, and no columns of categories admin cannot read', async () => {
    await render('admin');
    backend
      .expectOne('/api/clients/staff?role=coach')
      .flush([{ id: 'u-coach', displayName: 'Anna de Vries' }]);
    const { firstName, lastName, dateOfBirth, bsnMasked, id, coachId, coachName, incomeConsultantId } =
      CLIENT;
    backend
      .expectOne(FIRST_PAGE)
      .flush(
        page([{ id, firstName, lastName, dateOfBirth, bsnMasked, coachId, coachName, incomeConsultantId }]),
      );
    const table = await loader().getHarness(MatTableHarness);
    expect(await table.getHeaderRows().then((rows) => rows[0].getCellTextByIndex())).toEqual([
      'Naam',
      'Geboortedatum',
      'BSN',
      'Trajectbegeleider',
      'Acties',
    ]);
    expect(root().textContent).toContain('Toewijzen');
    expect(root().querySelector('h1')?.textContent).toBe('Cliënten');

    const [coachSelect] = await loader().getAllHarnesses(MatSelectHarness);
    await coachSelect.open();
    await coachSelect.clickOptions({ text: 'Anna de Vries' });
    backend.expectOne(`${FIRST_PAGE}&coachId=u-coach`).flush(page([]));
  });
});
