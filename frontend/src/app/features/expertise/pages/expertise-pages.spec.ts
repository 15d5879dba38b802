import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import type { ExpertiseAssignmentRow } from '@werkpad/shared';
import { authAs } from '../../../../testing/client-roles';
import { detail, summary, TRAJECTORY_ID } from '../../../../testing/expertise';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { AssignmentsPage } from './assignments-page';
import { ResearchListPage } from './research-list-page';
import { WorkspacePage } from './workspace-page';

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function configure(role: 'expertise' | 'admin' = 'expertise'): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      ...provideDutchDates(),
      authAs(role),
    ],
  });
  return TestBed.inject(HttpTestingController);
}

describe('ResearchListPage', () => {
  it('lists own research with Dutch dates, the outcome state, and both destruction dates (— while open)', async () => {
    const backend = configure();
    const fixture = TestBed.createComponent(ResearchListPage);
    await fixture.whenStable();
    backend.expectOne('/api/expertise/trajectories?status=open').flush([
      summary(),
      summary({
        trajectoryId: 't2',
        clientName: 'Jan de Boer',
        outcomeStatus: 'draft',
        startDate: '2025-11-30',
      }),
    ]);
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    expect(rows['client'].text).toEqual(['Fatima El Amrani', 'Jan de Boer']);
    expect(rows['startDate'].text).toEqual(['03-02-2026', '30-11-2025']);
    expect(rows['status'].text).toEqual(['Open', 'Open']);
    expect(rows['outcome'].text).toEqual(['Nog geen uitkomst', 'Concept']);
    expect(rows['dossierDestructionDate'].text).toEqual(['—', '—']);
    expect(rows['medicalDestructionDate'].text).toEqual(['—', '—']);
    const link = (fixture.nativeElement as HTMLElement).querySelector('a');
    expect(link?.getAttribute('href')).toBe(`/expertise/trajectories/${TRAJECTORY_ID}`);
  });

  it('RULES.md §2, R-RET-01: shows closed research with the dossier (2 years) and medical (15 years) destruction dates', async () => {
    const backend = configure();
    const fixture = TestBed.createComponent(ResearchListPage);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne('/api/expertise/trajectories?status=open').flush([]);
    await fixture.whenStable();
    expect(text(fixture.nativeElement as HTMLElement)).toContain('U heeft geen open onderzoeken.');
    const status = await loader.getHarness(MatSelectHarness);
    await status.open();
    await status.clickOptions({ text: 'Afgesloten' });
    backend.expectOne('/api/expertise/trajectories?status=closed').flush([
      summary({
        status: 'closed',
        closedOn: '2026-03-31',
        outcomeStatus: 'final',
        dossierDestructionDate: '2028-03-31',
        medicalDestructionDate: '2041-03-31',
      }),
    ]);
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['status'].text).toEqual(['Afgesloten']);
    expect(rows['outcome'].text).toEqual(['Vastgesteld']);
    expect(rows['dossierDestructionDate'].text).toEqual(['31-03-2028']);
    expect(rows['medicalDestructionDate'].text).toEqual(['31-03-2041']);
    expect(text(fixture.nativeElement as HTMLElement)).toContain(
      'Het dossier van de arbeidsdiagnose wordt 2 jaar na afsluiting vernietigd; de medische gegevens 15 jaar na afsluiting',
    );
  });
});

describe('WorkspacePage', () => {
  async function render(found: boolean) {
    const backend = configure();
    const fixture = TestBed.createComponent(WorkspacePage);
    fixture.componentRef.setInput('trajectoryId', TRAJECTORY_ID);
    await fixture.whenStable();
    const request = backend.expectOne(`/api/expertise/trajectories/${TRAJECTORY_ID}`);
    if (found) request.flush(detail());
    else request.flush({ message: 'Niet gevonden' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    return { fixture, backend, root: fixture.nativeElement as HTMLElement };
  }

  it('shows the client, the legal basis and why there are no destruction dates yet, and opens on the medical file', async () => {
    const { fixture, backend, root } = await render(true);
    expect(text(root.querySelector('h1'))).toBe('Fatima El Amrani');
    expect(text(root)).toContain('03-02-1980');
    expect(text(root)).toContain('Participatiewet, WSW, WIA (met instemming van de cliënt)');
    expect(text(root.querySelector('[data-testid="dossier-destruction"]'))).toBe('—');
    expect(text(root.querySelector('[data-testid="medical-destruction"]'))).toBe('—');
    expect(text(root)).toContain('2 jaar na afsluiting');
    expect(text(root)).toContain('15 jaar na afsluiting');
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    expect(await Promise.all((await tabs.getTabs()).map((tab) => tab.getLabel()))).toEqual([
      'Medisch dossier',
      'Gegevensaanvragen',
      'Uitkomst en advies',
      'Functionele mogelijkheden',
      'Toestemmingen',
    ]);
    backend.expectOne(`/api/expertise/trajectories/${TRAJECTORY_ID}/medical-records`).flush([]);
    await fixture.whenStable();
    expect(root.querySelector('[role="note"][data-testid="medical-marker"]')).not.toBeNull();
  });

  it('shows the consents the Expertisecentrum needs as valid or missing', async () => {
    const { fixture, backend, root } = await render(true);
    backend.expectOne(`/api/expertise/trajectories/${TRAJECTORY_ID}/medical-records`).flush([]);
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    await tabs.selectTab({ label: 'Toestemmingen' });
    const rows = Array.from(root.querySelectorAll('tr.mat-mdc-row')).map((row) => text(row));
    expect(rows[0]).toContain('Onderzoek door het Expertisecentrum');
    expect(rows[0]).toContain('Geldig');
    expect(rows[0]).toContain('01-02-2026');
    expect(rows[1]).toContain('Gegevens opvragen bij huisarts of andere zorgverlener');
    expect(rows[1]).toContain('Ontbreekt');
    expect(rows[1]).toContain('Toestemming vastleggen');
  });

  it('R-MED-01: says "not found" for research that is not the user’s own (the API answers 404)', async () => {
    const { root } = await render(false);
    expect(text(root.querySelector('h1'))).toBe('Onderzoek niet gevonden');
    expect(root.querySelector('mat-tab-group')).toBeNull();
  });
});

describe('AssignmentsPage', () => {
  const row: ExpertiseAssignmentRow = {
    trajectoryId: TRAJECTORY_ID,
    clientId: 'c1',
    clientName: 'Fatima El Amrani',
    startDate: '2026-02-03',
    expertiseUserId: null,
    expertiseUserName: null,
  };

  it('assigns an open arbeidsdiagnose to an Expertisecentrum colleague chosen by name', async () => {
    const backend = configure('admin');
    const fixture = TestBed.createComponent(AssignmentsPage);
    await fixture.whenStable();
    backend
      .expectOne('/api/clients/staff?role=expertise')
      .flush([{ id: 'u-e1', displayName: 'Eva Expertise' }]);
    backend.expectOne('/api/expertise/assignments').flush([row]);
    await fixture.whenStable();
    expect(text(fixture.nativeElement as HTMLElement)).toContain('03-02-2026');
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    expect(await select.getValueText()).toBe('Niet toegewezen');
    await select.open();
    await select.clickOptions({ text: 'Eva Expertise' });
    const put = backend.expectOne(`/api/trajectories/${TRAJECTORY_ID}/expertise-assignment`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ expertiseUserId: 'u-e1' });
    put.flush({ ...row, expertiseUserId: 'u-e1', expertiseUserName: 'Eva Expertise' });
    await fixture.whenStable();
    expect(await select.getValueText()).toBe('Eva Expertise');

    // Back to nobody: the API gets null, not an empty string.
    await select.open();
    await select.clickOptions({ text: 'Niet toegewezen' });
    const unassign = backend.expectOne(`/api/trajectories/${TRAJECTORY_ID}/expertise-assignment`);
    expect(unassign.request.body).toEqual({ expertiseUserId: null });
    unassign.flush(row);
  });
});
