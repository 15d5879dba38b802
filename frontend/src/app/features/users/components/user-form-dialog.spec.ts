import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { UserSummary } from '@werkpad/shared';
import { UserFormDialog, type UserFormDialogData } from './user-form-dialog';

const EXISTING: UserSummary = {
  id: 'u7',
  username: 'jan.jansen',
  displayName: 'Jan Jansen',
  roles: ['coach'],
  active: true,
  lockedUntil: null,
  secondFactor: 'not_required',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('UserFormDialog', () => {
  let fixture: ComponentFixture<UserFormDialog>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  const close = jest.fn();

  async function render(data: UserFormDialogData): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserFormDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = async (label: string) => (await field(label)).getControl(MatInputHarness);
  const save = () =>
    loader.getHarness(MatButtonHarness.with({ text: 'Opslaan' })).then((button) => button.click());
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  async function fillNewUser(): Promise<void> {
    await (await input('Gebruikersnaam'))?.setValue('anna.devries');
    await (await input('Naam'))?.setValue('Anna de Vries');
    await (await input('Wachtwoord'))?.setValue('lang-genoeg-wachtwoord');
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Functioneel beheer' }))).check();
  }

  beforeEach(() => close.mockReset());
  afterEach(() => backend.verify());

  it('explains every missing field in Dutch and does not call the API', async () => {
    await render({ user: null });
    await save();

    expect(await (await field('Gebruikersnaam')).getTextErrors()).toEqual(['Vul een gebruikersnaam in.']);
    expect(await (await field('Naam')).getTextErrors()).toEqual(['Vul een naam in.']);
    expect(await (await field('Wachtwoord')).getTextErrors()).toEqual(['Vul een wachtwoord in.']);
    expect(text()).toContain('Kies ten minste één rol.');
    backend.expectNone('/api/users');
  });

  it('rejects a short password', async () => {
    await render({ user: null });
    await fillNewUser();
    await (await input('Wachtwoord'))?.setValue('kort');
    await save();

    expect(await (await field('Wachtwoord')).getTextErrors()).toEqual([
      'Het wachtwoord moet minimaal 12 tekens lang zijn.',
    ]);
    backend.expectNone('/api/users');
  });

  it('creates the user and closes with the saved user', async () => {
    await render({ user: null });
    await fillNewUser();
    await save();

    const request = backend.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({
      username: 'anna.devries',
      displayName: 'Anna de Vries',
      password: 'lang-genoeg-wachtwoord',
      roles: ['admin'],
    });
    const saved = { ...EXISTING, id: 'u8', username: 'anna.devries' };
    request.flush(saved, { status: 201, statusText: 'Created' });
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('shows 409 as "Deze gebruikersnaam bestaat al" at the username', async () => {
    await render({ user: null });
    await fillNewUser();
    await save();
    backend
      .expectOne('/api/users')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Conflict' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(await (await field('Gebruikersnaam')).getTextErrors()).toEqual(['Deze gebruikersnaam bestaat al']);
    expect(close).not.toHaveBeenCalled();
  });

  it("shows the server's 400 field errors next to the fields", async () => {
    await render({ user: null });
    await fillNewUser();
    await save();
    backend.expectOne('/api/users').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validatie mislukt',
        errors: [
          { field: 'password', messages: ['Wachtwoord komt voor in een lijst met gelekte wachtwoorden.'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(await (await field('Wachtwoord')).getTextErrors()).toEqual([
      'Wachtwoord komt voor in een lijst met gelekte wachtwoorden.',
    ]);
  });

  it('asks for confirmation before deactivating, and saves only after "Deactiveren"', async () => {
    await render({ user: EXISTING });
    await (await loader.getHarness(MatSlideToggleHarness.with({ label: 'Actief' }))).toggle();
    await save();

    const confirm = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Gebruiker deactiveren?');
    backend.expectNone('/api/users/u7');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Deactiveren' }))).click();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/users/u7' });
    expect(request.request.body).toEqual({ displayName: 'Jan Jansen', roles: ['coach'], active: false });
    request.flush({ ...EXISTING, active: false });
    expect(close).toHaveBeenCalledWith({ ...EXISTING, active: false });
  });
});
