import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideRouter } from '@angular/router';
import type { ClientView } from '@werkpad/shared';
import { authAs, type ClientRole } from '../../../../testing/client-roles';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { ClientFilePage } from './client-file-page';

registerLocaleData(localeNl);

const ID = '00000000-0000-4000-8000-000000000001';

const INCOME_VIEW: ClientView = {
  id: ID,
  coachId: 'u-coach',
  coachName: 'Anna de Vries',
  incomeConsultantId: 'u-income_consultant',
  firstName: 'Fatima',
  lastName: 'El Amrani',
  dateOfBirth: '1980-02-03',
  bsnMasked: '******782',
  nationality: null,
  street: 'Dorpsstraat',
  houseNumber: '12',
  postcode: '6711 AA',
  city: 'Ede',
  phone: null,
  email: null,
  openTrajectoryTypes: ['bemiddeling'],
  // As the API sends it: the categories of the fields shown (benefit impact has no client field)
  // and every category the consultant may read of this client.
  categories: ['identity', 'contact', 'progress'],
  readableCategories: ['identity', 'contact', 'progress', 'benefit_impact'],
};

const COACH_VIEW: ClientView = {
  ...INCOME_VIEW,
  educationLevel: 'mbo 2',
  hasDebts: true,
  debtNotes: null,
  categories: [...(INCOME_VIEW.categories ?? []), 'education', 'financial'],
  readableCategories: [
    'identity',
    'contact',
    'education',
    'financial',
    'progress',
    'benefit_impact',
    'coaching_notes',
  ],
};

describe('ClientFilePage', () => {
  let fixture: ComponentFixture<ClientFilePage>;
  let backend: HttpTestingController;

  async function render(role: ClientRole, view: ClientView | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        ...provideDutchDates(),
        authAs(role),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientFilePage);
    fixture.componentRef.setInput('id', ID);
    await fixture.whenStable();
    const request = backend.expectOne(`/api/clients/${ID}`);
    if (view) request.flush(view);
    else request.flush({ message: 'Niet gevonden' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
  }

  const root = () => fixture.nativeElement as HTMLElement;
  const tabLabels = async () => {
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    return Promise.all((await tabs.getTabs()).map((tab) => tab.getLabel()));
  };

  afterEach(() => backend.verify());

  it('R-SHARE-03: shows the income consultant what is shown, without notes or edit', async () => {
    await render('income_consultant', INCOME_VIEW);
    expect(root().querySelector('h1')?.textContent).toBe('Fatima El Amrani');
    expect(root().textContent).toContain(
      'U ziet alleen identiteit, contactgegevens, voortgang en gevolgen voor uitkering (R-SHARE-03).',
    );
    expect(await tabLabels()).toEqual(['Overzicht', 'Trajecten', 'Dossier', 'Documenten', 'Wijzigingen']);
    const headings = Array.from(root().querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Identiteit', 'Contactgegevens', 'Voortgang']);
    expect(root().textContent).not.toContain('Gespreksverslag');
    expect(root().textContent).not.toContain('Bewerken');
  });

  it('shows a coach the whole file with Dutch labels and values, no notice, and Bewerken', async () => {
    await render('coach', COACH_VIEW);
    const text = root().textContent ?? '';
    expect(text).not.toContain('U ziet alleen');
    expect(text).toContain('03-02-1980');
    expect(text).toContain('Opleidingsniveau');
    expect(text).toMatch(/SchuldenJa/);
    expect(text).toMatch(/Toelichting schuldenNiet ingevuld/);
    expect(text).toContain('Lopende trajectenBemiddeling naar betaald werk');
    expect(
      await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text: /Bewerken/ })),
    ).toBeTruthy();
  });

  it('reveals the BSN only on request, through the audited endpoint', async () => {
    await render('coach', COACH_VIEW);
    expect(root().textContent).toContain('******782');
    const reveal = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatButtonHarness.with({ text: 'Toon BSN' }),
    );
    await reveal.click();
    const request = backend.expectOne(`/api/clients/${ID}/bsn-reveal`);
    expect(request.request.method).toBe('POST');
    request.flush({ bsn: '111222333' });
    await fixture.whenStable();
    expect(root().textContent).toContain('111222333');
    expect(await reveal.getText()).toBe('Verberg BSN');
    await reveal.click();
    expect(root().textContent).not.toContain('111222333');
  });

  it('gives payroll the overview, Loon and Verstrekkingen only', async () => {
    await render('payroll', {
      id: ID,
      coachId: null,
      incomeConsultantId: null,
      firstName: 'Piet',
      lastName: 'Bakker',
      ibanMasked: 'NL** **** **** **34 56',
      categories: ['identity', 'contact', 'payroll'],
      readableCategories: ['identity', 'contact', 'payroll'],
    });
    expect(await tabLabels()).toEqual(['Overzicht', 'Loon', 'Verstrekkingen', 'Wijzigingen']);
    expect(root().textContent).toContain(
      'U ziet alleen identiteit, contactgegevens en salaris en dienstverband',
    );
  });

  it('gives management the overview and trajectories only', async () => {
    await render('management', {
      id: ID,
      coachId: 'u-coach',
      incomeConsultantId: null,
      firstName: 'Piet',
      lastName: 'Bakker',
      openTrajectoryTypes: [],
      categories: ['identity', 'progress'],
      readableCategories: ['identity', 'progress'],
    });
    expect(await tabLabels()).toEqual(['Overzicht', 'Trajecten', 'Wijzigingen']);
  });

  it('says a client outside the caseload is not found, as the API does', async () => {
    await render('coach', null);
    expect(root().querySelector('h1')?.textContent).toBe('Cliënt niet gevonden');
  });
});
