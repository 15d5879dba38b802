import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import type { ClientSummary } from '@werkpad/shared';
import { ClientsPage } from './clients-page';

registerLocaleData(localeNl);

const CLIENT: ClientSummary = {
  id: 'c1',
  firstName: 'Fatima',
  lastName: 'El Amrani',
  dateOfBirth: '1980-02-03',
  bsnMasked: '******782',
  city: 'Utrecht',
  coachId: 'u-coach',
};

describe('ClientsPage', () => {
  let fixture: ComponentFixture<ClientsPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientsPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows the caseload with a Dutch date and the BSN exactly as masked by the API', async () => {
    backend
      .expectOne('/api/clients?q=&page=1&pageSize=20')
      .flush({ items: [CLIENT], total: 1, page: 1, pageSize: 20 });
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);

    expect(await table.getHeaderRows().then((rows) => rows[0].getCellTextByIndex())).toEqual([
      'Naam',
      'Geboortedatum',
      'BSN',
      'Woonplaats',
    ]);
    expect(await table.getCellTextByIndex()).toEqual([
      ['Fatima El Amrani', '03-02-1980', '******782', 'Utrecht'],
    ]);
  });

  it('says so when there are no clients', async () => {
    backend
      .expectOne('/api/clients?q=&page=1&pageSize=20')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Geen cliënten gevonden');
  });
});
