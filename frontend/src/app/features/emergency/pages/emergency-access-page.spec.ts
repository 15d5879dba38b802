import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import type { EmergencyAccessGrant } from '@werkpad/shared';
import { bsnValidator, explanationValidator } from '../emergency-form';
import { FormControl } from '@angular/forms';
import { EmergencyAccessPage } from './emergency-access-page';

// 111222333 passes the 11-proef; 111222334 does not.
const VALID_BSN = '111222333';
const EXPLANATION = 'Cliënt belt in paniek over een stopgezette uitkering';

describe('emergency access form validators', () => {
  it('accepts only a BSN that passes the 11-proef, ignoring spaces and dots', () => {
    expect(bsnValidator(new FormControl(VALID_BSN))).toBeNull();
    expect(bsnValidator(new FormControl('1112.22 333'))).toBeNull();
    expect(bsnValidator(new FormControl('111222334'))).toEqual({ bsn: true });
    expect(bsnValidator(new FormControl('12345678'))).toEqual({ bsn: true });
  });

  it('requires an explanation of at least 20 characters, not counting surrounding spaces', () => {
    expect(explanationValidator(new FormControl('   Te kort, echt waar   '))).toEqual({
      minlength: { requiredLength: 20, actualLength: 18 },
    });
    expect(explanationValidator(new FormControl(' ' + 'x'.repeat(19) + ' '))).not.toBeNull();
    expect(explanationValidator(new FormControl('x'.repeat(20)))).toBeNull();
  });
});

describe('EmergencyAccessPage', () => {
  let fixture: ComponentFixture<EmergencyAccessPage>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const input = (name: string) =>
    loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EmergencyAccessPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('warns that the access is logged, lasts 60 minutes, is reviewed by the FG and never shows medical data', () => {
    expect(text()).toContain('Elke noodtoegang wordt vastgelegd');
    expect(text()).toContain('De toegang duurt 60 minuten');
    expect(text()).toContain('De functionaris gegevensbescherming (FG) beoordeelt');
    expect(text()).toContain('Medische gegevens zijn met noodtoegang nooit zichtbaar.');
  });

  it('explains a wrong BSN, a short explanation and a missing confirmation, and sends nothing', async () => {
    await (await input('bsn')).setValue('111222334');
    await (await input('explanation')).setValue('Dringend');
    expect(text()).toContain('8 tekens');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Noodtoegang openen' }))).click();
    expect(text()).toContain('Dit is geen geldig BSN (negen cijfers die voldoen aan de elfproef).');
    expect(text()).toContain('Licht de noodzaak toe in minstens 20 tekens.');
    expect(text()).toContain('Kies de reden voor de noodtoegang.');
    expect(text()).toContain('Bevestig dat dit een noodsituatie is.');
    backend.expectNone('/api/emergency-access');
  });

  it('opens the access and goes to the client file', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await (await input('bsn')).setValue(VALID_BSN);
    const reason = await loader.getHarness(MatSelectHarness);
    await reason.open();
    await reason.clickOptions({ text: 'Crisiscontact met de cliënt' });
    await (await input('explanation')).setValue(`  ${EXPLANATION}  `);
    await (await loader.getHarness(MatCheckboxHarness)).check();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Noodtoegang openen' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/emergency-access' });
    expect(request.request.body).toEqual({
      bsn: VALID_BSN,
      reason: 'crisis_contact',
      explanation: EXPLANATION,
    });
    const grant: EmergencyAccessGrant = {
      id: 'g1',
      clientId: 'c-42',
      userId: 'u-coach',
      reason: 'crisis_contact',
      explanation: EXPLANATION,
      startedAt: '2026-07-01T12:35:00Z',
      expiresAt: '2026-07-01T13:35:00Z',
      endedAt: null,
    };
    request.flush(grant);
    expect(navigate).toHaveBeenCalledWith(['/clienten', 'c-42']);
  });

  it('says so when no client has the BSN', async () => {
    await (await input('bsn')).setValue(VALID_BSN);
    const reason = await loader.getHarness(MatSelectHarness);
    await reason.open();
    await reason.clickOptions({ text: 'Crisiscontact met de cliënt' });
    await (await input('explanation')).setValue(EXPLANATION);
    await (await loader.getHarness(MatCheckboxHarness)).check();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Noodtoegang openen' }))).click();
    backend
      .expectOne('/api/emergency-access')
      .flush({ message: 'Niet gevonden' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text()).toContain('Er is geen cliënt met dit BSN. Controleer het nummer.');
  });
});
