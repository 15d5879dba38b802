import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { DisclosureDecision, DisclosureResult, PayrollFile, TrajectoryView } from '@werkpad/shared';
import { SharingDialog } from './sharing-dialog';
import { recipientOptions } from './sharing-options';

const TRAJECTORY = {
  id: 't1',
  type: 'bemiddeling',
  status: 'open',
  startDate: '2026-01-05',
} as TrajectoryView;
const debounce = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('recipientOptions', () => {
  it('offers each recipient type once, labelled from the rule data', () => {
    const options = recipientOptions(['coach']);
    expect(new Set(options.map((option) => option.type)).size).toBe(options.length);
    expect(options.find((option) => option.type === 'income_consultant')?.label).toBe(
      'Inkomensconsulent (gemeente)',
    );
  });

  it('offers only the recipient types a rule lets one of the roles disclose to', () => {
    const coach = recipientOptions(['coach']).map((option) => option.type);
    expect(coach).toContain('sociaal_team');
    expect(coach).not.toContain('belastingdienst');
    expect(recipientOptions(['payroll']).map((option) => option.type)).toEqual([
      'uwv',
      'employer',
      'belastingdienst',
    ]);
    expect(recipientOptions([])).toEqual([]);
  });
});

describe('SharingDialog', () => {
  async function fill() {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { clientId: 'c1', roles: ['coach'], trajectorySource: 'trajectories' },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(SharingDialog);
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/clients/c1/trajectories').flush([TRAJECTORY]);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const [trajectory, recipientType] = await loader.getAllHarnesses(MatSelectHarness);
    await trajectory.open();
    await trajectory.clickOptions({ text: /Bemiddeling/ });
    await recipientType.open();
    await recipientType.clickOptions({ text: 'UWV' });
    await (
      await loader.getHarness(
        MatInputHarness.with({ placeholder: '', selector: '[formcontrolname="organisation"]' }),
      )
    ).setValue('UWV Ede');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formcontrolname="purpose"]' }))
    ).setValue('Plaatsing melden');
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Identiteit' }))).check();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Salaris en dienstverband' }))).check();
    await debounce();
    return { fixture, backend, close, root: fixture.nativeElement as HTMLElement };
  }

  function decision(allowed: boolean): DisclosureDecision {
    return {
      allowed,
      ruleVersion: '2026-11-22.1',
      refusals: [],
      categories: [
        {
          category: 'identity',
          allowed: true,
          ruleId: 'uwv',
          ground: 'Wet SUWI',
          consentId: null,
          reason: 'Toegestaan',
        },
        allowed
          ? {
              category: 'payroll',
              allowed: true,
              ruleId: 'uwv',
              ground: 'Wet SUWI',
              consentId: null,
              reason: 'Toegestaan',
            }
          : {
              category: 'payroll',
              allowed: false,
              ruleId: null,
              ground: null,
              consentId: null,
              reason: 'Er is geen geldige toestemming "Gegevens delen met sociaal team of jeugdhulp".',
            },
      ],
    };
  }

  function submitButton(root: HTMLElement): HTMLButtonElement {
    const button = Array.from(root.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Verstrekken'),
    );
    if (!button) throw new Error('Verstrekken missing');
    return button;
  }

  it('R-SHARE-01: asks the API per category and shows the ground or the refusal in words', async () => {
    const { fixture, backend, root } = await fill();
    const request = backend.expectOne('/api/clients/c1/disclosures/decision');
    expect(request.request.body).toEqual({
      trajectoryId: 't1',
      recipient: { type: 'uwv', organisation: 'UWV Ede', country: 'NL' },
      categories: ['identity', 'payroll'],
      channel: 'secure_portal',
      purpose: 'Plaatsing melden',
      isReport: false,
    });
    request.flush(decision(false));
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="decision-identity"]')?.textContent).toContain(
      'Toegestaan (Wet SUWI)',
    );
    expect(root.querySelector('[data-testid="decision-payroll"]')?.textContent).toContain(
      'Geweigerd: Er is geen geldige toestemming',
    );
    expect(root.textContent).toContain('Niet alles mag worden verstrekt');
    expect(submitButton(root).disabled).toBe(true);
  });

  it('R-SHARE-01: lets it go out when every category is allowed, then shows the digest and summary', async () => {
    const { fixture, backend, root, close } = await fill();
    backend.expectOne('/api/clients/c1/disclosures/decision').flush(decision(true));
    await fixture.whenStable();
    expect(root.textContent).toContain('Identiteit, Salaris en dienstverband');
    const button = submitButton(root);
    expect(button.disabled).toBe(false);
    button.click();
    const result = {
      disclosure: {
        digest: 'a'.repeat(64),
        recipient: { type: 'uwv', organisation: 'UWV Ede', country: 'NL' },
      },
      package: {
        ground: 'Participatiewet / WSW; Wet SUWI',
        summary: 'Aan UWV Ede: identiteit, loongegevens.',
      },
    } as unknown as DisclosureResult;
    backend.expectOne((r) => r.url === '/api/clients/c1/disclosures' && r.method === 'POST').flush(result);
    await fixture.whenStable();
    expect(root.textContent).toContain('a'.repeat(64));
    expect(root.textContent).toContain('Aan UWV Ede: identiteit, loongegevens.');
    expect(close).not.toHaveBeenCalled();
  });

  it('gives payroll the open employment trajectories of the payroll file and only payroll recipients', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { clientId: 'c1', roles: ['payroll'], trajectorySource: 'employment' },
        },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
      ],
    });
    const fixture = TestBed.createComponent(SharingDialog);
    const backend = TestBed.inject(HttpTestingController);
    const file: PayrollFile = {
      employmentTrajectories: [
        { id: 'e1', type: 'beschut_werk', status: 'open', startDate: '2026-02-01', closedOn: null },
        {
          id: 'e2',
          type: 'loonkostensubsidie',
          status: 'closed',
          startDate: '2025-01-01',
          closedOn: '2025-12-31',
        },
      ],
      employments: [],
      hours: [],
      absences: [],
      loonwaarde: [],
      lksApplications: [],
    };
    backend.expectNone('/api/clients/c1/trajectories');
    backend.expectOne('/api/clients/c1/payroll').flush(file);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const [trajectory, recipientType] = await loader.getAllHarnesses(MatSelectHarness);
    await trajectory.open();
    const trajectoryTexts = await Promise.all((await trajectory.getOptions()).map((o) => o.getText()));
    expect(trajectoryTexts).toEqual([expect.stringMatching(/Beschut werk.*\(sinds 01-02-2026\)/i)]);
    await trajectory.close();
    await recipientType.open();
    const recipientTexts = await Promise.all((await recipientType.getOptions()).map((o) => o.getText()));
    expect(recipientTexts).toEqual(['UWV', 'Werkgever of inlener', 'Belastingdienst']);
    backend.verify();
  });
});
