import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { UserSummary } from '@werkpad/shared';
import { SecondFactorResetDialog } from './second-factor-reset-dialog';

const FG: UserSummary = {
  id: 'u9',
  username: 'fg.devries',
  displayName: 'Fenna de Vries',
  roles: ['dpo'],
  active: true,
  lockedUntil: null,
  secondFactor: 'set',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('SecondFactorResetDialog', () => {
  let fixture: ComponentFixture<SecondFactorResetDialog>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  const close = jest.fn();

  beforeEach(async () => {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { user: FG } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SecondFactorResetDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = async (label: string) => (await field(label)).getControl(MatInputHarness);
  const submit = () =>
    loader.getHarness(MatButtonHarness.with({ text: 'Opnieuw instellen' })).then((button) => button.click());

  it('asks for a reason and a temporary password before calling the API', async () => {
    await (await input('Reden'))?.setValue('kwijt');
    await submit();
    expect(await (await field('Reden')).getTextErrors()).toEqual(['Geef een reden van minstens 10 tekens.']);
    expect(await (await field('Tijdelijk wachtwoord')).getTextErrors()).toEqual([
      'Het wachtwoord moet minimaal 12 tekens lang zijn.',
    ]);
    backend.expectNone('/api/users/u9/second-factor-reset');
  });

  it('resets the second factor of this user and closes with the new state', async () => {
    await (await input('Reden'))?.setValue('  Telefoon verloren, gemeld op 23-11  ');
    await (await input('Tijdelijk wachtwoord'))?.setValue('Tijdelijk-2026-wachtwoord');
    await submit();
    const request = backend.expectOne('/api/users/u9/second-factor-reset');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      reason: 'Telefoon verloren, gemeld op 23-11',
      temporaryPassword: 'Tijdelijk-2026-wachtwoord',
    });
    const reset = { ...FG, secondFactor: 'not_set' as const };
    request.flush(reset);
    expect(close).toHaveBeenCalledWith(reset);
  });

  it('shows the reason the API gives for a refusal and stays open', async () => {
    await (await input('Reden'))?.setValue('Telefoon verloren, gemeld op 23-11');
    await (await input('Tijdelijk wachtwoord'))?.setValue('Tijdelijk-2026-wachtwoord');
    await submit();
    backend
      .expectOne('/api/users/u9/second-factor-reset')
      .flush(
        { message: 'Uw eigen tweede stap laat u door een andere beheerder opnieuw instellen.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'andere beheerder',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
