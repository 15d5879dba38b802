import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { DataBreachView } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { BreachFollowUpDialog } from './breach-follow-up-dialog';
import { BreachFormDialog } from './breach-form-dialog';

const BREACH: DataBreachView = {
  id: 'b1',
  discoveredAt: '2026-03-02T09:00:00Z',
  description: 'Mail met bijlage naar de verkeerde ontvanger',
  categories: ['identity', 'contact'],
  peopleAffected: 3,
  measures: 'Ontvanger gevraagd de mail te verwijderen',
  reportDeadline: '2026-03-05T09:00:00Z',
  reportedToApAt: null,
  apReference: null,
  notReportedReason: null,
  subjectsInformedAt: null,
  subjectsNotInformedReason: null,
  registeredByName: 'Femke FG',
  registeredAt: '2026-03-02T10:00:00Z',
  overdue: false,
};

function setUp<T>(component: Type<T>, breach: DataBreachView = BREACH) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      ...provideDutchDates(),
      { provide: MAT_DIALOG_DATA, useValue: { breach } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(component);
  return {
    fixture,
    close,
    backend: TestBed.inject(HttpTestingController),
    loader: TestbedHarnessEnvironment.loader(fixture),
    text: () => (fixture.nativeElement as HTMLElement).textContent ?? '',
  };
}

describe('BreachFollowUpDialog', () => {
  it('R-AUD-05: sends only the chosen AP decision: switching to "not reported" drops the report', async () => {
    const { loader, backend, close } = setUp(BreachFollowUpDialog);
    const [ap] = await loader.getAllHarnesses(MatRadioGroupHarness);
    await ap.checkRadioButton({ label: 'Gemeld bij de AP' });
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="apReference"]' }))
    ).setValue('AP-2026-1');
    expect(
      await loader.getAllHarnesses(
        MatInputHarness.with({ selector: '[formControlName="notReportedReason"]' }),
      ),
    ).toHaveLength(0);

    await ap.checkRadioButton({ label: 'Niet melden' });
    expect(
      await loader.getAllHarnesses(MatInputHarness.with({ selector: '[formControlName="apReference"]' })),
    ).toHaveLength(0);
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="notReportedReason"]' }))
    ).setValue('Versleutelde gegevens, geen risico');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Opslaan' }))).click();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/breaches/b1' });
    expect(request.request.body).toEqual({ notReportedReason: 'Versleutelde gegevens, geen risico' });
    request.flush({ ...BREACH, notReportedReason: 'Versleutelde gegevens, geen risico' });
    expect(close).toHaveBeenCalled();
    backend.verify();
  });

  it('R-AUD-05: a report needs its reference; the subjects decision goes along with it', async () => {
    const { loader, backend, text } = setUp(BreachFollowUpDialog);
    const [ap, subjects] = await loader.getAllHarnesses(MatRadioGroupHarness);
    await ap.checkRadioButton({ label: 'Gemeld bij de AP' });
    await subjects.checkRadioButton({ label: 'Betrokkenen niet informeren' });
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="notInformedReason"]' }))
    ).setValue('Geen hoog risico');
    const save = await loader.getHarness(MatButtonHarness.with({ text: 'Opslaan' }));
    await save.click();
    expect(text()).toContain('Vul het kenmerk van de melding in.');
    backend.expectNone('/api/breaches/b1');

    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="apReference"]' }))
    ).setValue('AP-7');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="reportedOn"]' }))
    ).setValue('04-03-2026');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="reportedTime"]' }))
    ).setValue('10:15');
    await save.click();
    const body = backend.expectOne('/api/breaches/b1').request.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['apReference', 'reportedToApAt', 'subjectsNotInformedReason']);
    expect(body['apReference']).toBe('AP-7');
    expect(body['subjectsNotInformedReason']).toBe('Geen hoog risico');
    expect(body['reportedToApAt']).toBe('2026-03-04T09:15:00.000Z');
  });

  it('shows a decision already taken instead of offering it again', async () => {
    const { fixture, loader, text, backend } = setUp(BreachFollowUpDialog, {
      ...BREACH,
      reportedToApAt: '2026-03-03T08:00:00Z',
      apReference: 'AP-1',
    });
    await fixture.whenStable();
    expect(text()).toContain('Gemeld op 03-03-2026 09:00 (kenmerk AP-1)');
    expect(await loader.getAllHarnesses(MatRadioGroupHarness)).toHaveLength(1);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Opslaan' }))).click();
    expect(text()).toContain('Er is niets gewijzigd.');
    backend.verify();
  });
});

describe('BreachFormDialog', () => {
  it('R-AUD-05: registers a breach with its moment of discovery, categories and count', async () => {
    const { loader, backend, text } = setUp(BreachFormDialog);
    const save = await loader.getHarness(MatButtonHarness.with({ text: 'Registreren' }));
    await save.click();
    expect(text()).toContain('Kies minstens één categorie.');
    backend.expectNone('/api/breaches');

    const input = (name: string) =>
      loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
    await (await input('discoveredOn')).setValue('02-03-2026');
    await (await input('discoveredTime')).setValue('09:30');
    await (await input('description')).setValue('Lijst met namen op een openbare printer laten liggen');
    await (await input('peopleAffected')).setValue('12');
    await (await input('measures')).setValue('Lijst vernietigd');
    const categories = await loader.getHarness(MatSelectHarness);
    await categories.open();
    await categories.clickOptions({ text: 'Contactgegevens' });
    await categories.clickOptions({ text: 'Identiteit' });
    await categories.close();
    await save.click();

    const request = backend.expectOne({ method: 'POST', url: '/api/breaches' });
    expect(request.request.body).toEqual({
      discoveredAt: '2026-03-02T08:30:00.000Z',
      description: 'Lijst met namen op een openbare printer laten liggen',
      categories: ['identity', 'contact'],
      peopleAffected: 12,
      measures: 'Lijst vernietigd',
    });
  });
});
