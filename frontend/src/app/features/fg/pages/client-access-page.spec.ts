import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ClientAccessOverview, ClientAccessOverviewEntry } from '@werkpad/shared';
import { ClientAccessPage } from './client-access-page';

const CLIENT = '0f8c2a1e-5d6b-4c3a-9e8f-123456789abc';

function entry(overrides: Partial<ClientAccessOverviewEntry> = {}): ClientAccessOverviewEntry {
  return {
    occurredAt: '2026-03-01T09:05:00Z',
    organisationUnit: 'Gemeente – inkomen',
    roles: ['income_consultant'],
    userId: 'u2',
    userName: 'Ilse Inkomen',
    categories: ['identity', 'benefit_impact'],
    action: 'read',
    result: 'allowed',
    ground: { kind: 'legal_basis', reference: 'Participatiewet art. 64' },
    emergency: false,
    ...overrides,
  };
}

describe('ClientAccessPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(clientId: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'fg/toegangslog/clienten/:clientId', component: ClientAccessPage }],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/fg/toegangslog/clienten/${clientId}`, ClientAccessPage);
  }

  afterEach(() => backend.verify());

  it('shows who accessed the client in NEN 7513 columns, with the ground and emergency access', async () => {
    await open(CLIENT);
    const overview: ClientAccessOverview = {
      clientId: CLIENT,
      entries: [
        entry(),
        entry({
          occurredAt: '2026-03-01T21:00:00Z',
          organisationUnit: 'Werkpad – trajectbegeleiding',
          roles: ['coach'],
          userName: 'Chris Coach',
          categories: ['contact'],
          ground: { kind: 'emergency', reference: 'grant-1' },
          emergency: true,
        }),
      ],
      total: 2,
    };
    backend.expectOne(`/api/access-log/clients/${CLIENT}`).flush(overview);
    await harness.fixture.whenStable();

    const table = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual([
      'Wanneer',
      'Organisatieonderdeel',
      'Rol',
      'Gebruiker',
      'Categorieën',
      'Actie',
      'Resultaat',
      'Grondslag',
      'Noodtoegang',
    ]);
    const rows = await table.getCellTextByColumnName();
    expect(rows['occurredAt'].text).toEqual(['01-03-2026 10:05', '01-03-2026 22:00']);
    expect(rows['organisationUnit'].text[0]).toBe('Gemeente – inkomen');
    expect(rows['roles'].text[1]).toBe('Trajectbegeleider');
    expect(rows['categories'].text[0]).toBe('Identiteit, Gevolgen voor uitkering');
    expect(rows['ground'].text[0]).toBe('Wettelijke grondslag Participatiewet art. 64');
    expect(rows['emergency'].text).toEqual(['Nee', 'warning Ja']);
    expect(harness.routeNativeElement?.textContent).toContain('2 regels over deze cliënt.');
  });

  it('says when the overview holds only the first rows', async () => {
    await open(CLIENT);
    backend
      .expectOne(`/api/access-log/clients/${CLIENT}`)
      .flush({ clientId: CLIENT, entries: [entry()], total: 1500 });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain('De eerste 1 van 1.500 regels');
  });

  it('does not ask the API for an id that is no UUID', async () => {
    await open('niet-een-id');
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain('Dit is geen geldig cliënt-id.');
  });
});
