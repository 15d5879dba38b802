import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { registerLocaleData } from '@angular/common';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { LoginPage } from './login-page';

registerLocaleData(localeNl);

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let backend: HttpTestingController;
  let router: Router;

  async function render(inputs: { reden?: string; returnUrl?: string } = {}) {
    fixture = TestBed.createComponent(LoginPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return {
      username: await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete="username"]' })),
      password: await loader.getHarness(
        MatInputHarness.with({ selector: '[autocomplete="current-password"]' }),
      ),
      submit: await loader.getHarness(MatButtonHarness.with({ text: 'Inloggen' })),
      fields: await loader.getAllHarnesses(MatFormFieldHarness),
    };
  }

  function alerts(): string[] {
    const root = fixture.nativeElement as HTMLElement;
    return Array.from(root.querySelectorAll('[role="alert"]')).map(
      (alert) => alert.textContent?.trim() ?? '',
    );
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('labels its fields in Dutch', async () => {
    const { fields } = await render();
    expect(await Promise.all(fields.map((field) => field.getLabel()))).toEqual([
      'Gebruikersnaam',
      'Wachtwoord',
    ]);
  });

  it('shows the expiry message when sent here because the session ended', async () => {
    await render({ reden: 'verlopen' });
    expect(alerts()).toEqual(['Uw sessie is verlopen. Log opnieuw in.']);
  });

  it('shows no message on a normal visit', async () => {
    await render();
    expect(alerts()).toEqual([]);
  });

  it('explains empty fields in Dutch and does not call the API', async () => {
    const { submit, fields } = await render();
    await submit.click();

    expect(await fields[0].getTextErrors()).toEqual(['Vul uw gebruikersnaam in.']);
    expect(await fields[1].getTextErrors()).toEqual(['Vul uw wachtwoord in.']);
    backend.expectNone('/api/auth/login');
  });

  it("shows the server's message on 401 and lets the user try again", async () => {
    const { username, password, submit } = await render({ reden: 'verlopen' });
    await username.setValue('anna');
    await password.setValue('verkeerd');
    await submit.click();

    const request = backend.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'anna', password: 'verkeerd' });
    expect(await submit.isDisabled()).toBe(true);

    request.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Uw account is tijdelijk geblokkeerd.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();

    expect(alerts()).toEqual(['Uw account is tijdelijk geblokkeerd.']);
    expect(await submit.isDisabled()).toBe(false);
    expect(await password.getValue()).toBe('');
    expect(await password.isFocused()).toBe(true);
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('explains throttling (429) in Dutch', async () => {
    const { username, password, submit } = await render();
    await username.setValue('anna');
    await password.setValue('geheim');
    await submit.click();
    backend.expectOne('/api/auth/login').flush(null, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();

    expect(alerts()).toEqual(['Te veel inlogpogingen. Wacht even en probeer het daarna opnieuw.']);
  });

  it('goes to the return URL after a successful login', async () => {
    const { username, password, submit } = await render({ returnUrl: '/beheer/gebruikers' });
    await username.setValue('anna');
    await password.setValue('juist-wachtwoord');
    await submit.click();

    backend.expectOne('/api/auth/login').flush({ accessToken: 'jwt', expiresIn: 900 });
    const me = backend.expectOne('/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer jwt');
    me.flush({ id: 'u1', username: 'anna', displayName: 'Anna', roles: ['admin'], rules: [] });

    expect(router.navigateByUrl).toHaveBeenCalledWith('/beheer/gebruikers');
  });

  it('ignores a return URL that leaves the application', async () => {
    const { username, password, submit } = await render({ returnUrl: '//evil.example/phish' });
    await username.setValue('anna');
    await password.setValue('juist-wachtwoord');
    await submit.click();
    backend.expectOne('/api/auth/login').flush({ accessToken: 'jwt', expiresIn: 900 });
    backend
      .expectOne('/api/auth/me')
      .flush({ id: 'u1', username: 'anna', displayName: 'Anna', roles: [], rules: [] });

    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  describe('second step for log readers (TOTP)', () => {
    const QR = 'data:image/png;base64,iVBORw0KGgo=';

    async function passwordStep(mfa: 'enroll' | 'verify') {
      const { username, password, submit } = await render();
      await username.setValue('fg1');
      await password.setValue('juist-wachtwoord');
      await submit.click();
      backend.expectOne('/api/auth/login').flush({ mfa, mfaToken: 'mfa-token' });
      await fixture.whenStable();
      const loader = TestbedHarnessEnvironment.loader(fixture);
      return {
        code: await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete="one-time-code"]' })),
        confirm: await loader.getHarness(MatButtonHarness.with({ text: 'Bevestigen' })),
        field: await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Code van 6 cijfers' })),
      };
    }

    function root(): HTMLElement {
      return fixture.nativeElement as HTMLElement;
    }

    it('enrolment after a reset by functioneel beheer says who reset it and when, so an unasked reset is noticed', async () => {
      await passwordStep('enroll');
      backend.expectOne('/api/auth/mfa/enrollment').flush({
        otpauthUrl: 'otpauth://totp/Werkpad:fg1?secret=ABCDEFGHIJKLMNOP&issuer=Werkpad',
        qrCodeDataUrl: QR,
        secret: 'ABCDEFGHIJKLMNOP',
        lastReset: { resetAt: '2026-11-23T09:05:00Z', resetByName: 'Bram Beheer' },
      });
      await fixture.whenStable();
      const notice = root().querySelector('[data-testid="mfa-reset-notice"]');
      expect(notice?.getAttribute('role')).toBe('status');
      expect(notice?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'Uw tweede stap is op 23 november 2026 om 10:05 opnieuw ingesteld door Bram Beheer. ' +
          'Had u daar niet om gevraagd? Meld het dan direct als beveiligingsincident.',
      );
    });

    it('enrolment: shows the QR code with alt text, the secret for manual entry and a code field', async () => {
      const { code, confirm, field } = await passwordStep('enroll');
      const enrollment = backend.expectOne('/api/auth/mfa/enrollment');
      expect(enrollment.request.body).toEqual({ mfaToken: 'mfa-token' });
      expect(enrollment.request.headers.has('Authorization')).toBe(false);
      enrollment.flush({
        otpauthUrl: 'otpauth://totp/Werkpad:fg1?secret=ABCDEFGHIJKLMNOP&issuer=Werkpad',
        qrCodeDataUrl: QR,
        secret: 'ABCDEFGHIJKLMNOP',
        lastReset: null,
      });
      await fixture.whenStable();

      expect(root().querySelector('h2')?.textContent?.trim()).toBe('Tweestapsverificatie instellen');
      expect(root().querySelector('[data-testid="mfa-reset-notice"]')).toBeNull();
      expect(document.activeElement).toBe(root().querySelector('h2'));
      const image = root().querySelector('img') as HTMLImageElement;
      expect(image.getAttribute('src')).toBe(QR);
      expect(image.alt).toBe('QR-code om Werkpad toe te voegen aan uw authenticator-app');
      expect(root().querySelector('[data-testid="mfa-secret"]')?.textContent?.trim()).toBe(
        'ABCD EFGH IJKL MNOP',
      );
      expect(await field.getLabel()).toBe('Code van 6 cijfers');
      const input = root().querySelector('[autocomplete="one-time-code"]') as HTMLInputElement;
      expect(input.getAttribute('inputmode')).toBe('numeric');
      // The password form is gone: no second password field to confuse a password manager.
      expect(root().querySelector('[autocomplete="current-password"]')).toBeNull();

      await code.setValue('123 456');
      await confirm.click();
      const verify = backend.expectOne('/api/auth/mfa/verify');
      expect(verify.request.body).toEqual({ mfaToken: 'mfa-token', code: '123456' });
      verify.flush({ accessToken: 'jwt', expiresIn: 900 });
      const me = backend.expectOne('/api/auth/me');
      expect(me.request.headers.get('Authorization')).toBe('Bearer jwt');
      me.flush({ id: 'u1', username: 'fg1', displayName: 'FG', roles: ['dpo'], rules: [] });

      expect(router.navigateByUrl).toHaveBeenCalledWith('/');
    });

    it('code step: a confirmed log reader types the code and is signed in', async () => {
      const { code, confirm } = await passwordStep('verify');
      backend.expectNone('/api/auth/mfa/enrollment');
      expect(root().querySelector('h2')?.textContent?.trim()).toBe('Tweestapsverificatie');
      expect(document.activeElement).toBe(root().querySelector('[autocomplete="one-time-code"]'));

      await code.setValue('654321');
      await confirm.click();
      backend.expectOne('/api/auth/mfa/verify').flush({ accessToken: 'jwt', expiresIn: 900 });
      backend
        .expectOne('/api/auth/me')
        .flush({ id: 'u1', username: 'fg1', displayName: 'FG', roles: ['dpo'], rules: [] });

      expect(router.navigateByUrl).toHaveBeenCalledWith('/');
    });

    it("a wrong code: announces the server's Dutch message, clears the field and keeps the step", async () => {
      const { code, confirm } = await passwordStep('verify');
      await code.setValue('000000');
      await confirm.click();
      backend.expectOne('/api/auth/mfa/verify').flush(
        {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'De code is onjuist of al gebruikt. Vul de code in die uw authenticator-app nu toont.',
        },
        { status: 401, statusText: 'Unauthorized' },
      );
      await fixture.whenStable();

      expect(alerts()).toEqual([
        'De code is onjuist of al gebruikt. Vul de code in die uw authenticator-app nu toont.',
      ]);
      expect(await code.getValue()).toBe('');
      expect(await code.isFocused()).toBe(true);
      expect(await confirm.isDisabled()).toBe(false);
      expect(router.navigateByUrl).not.toHaveBeenCalled();
    });

    it('explains an empty or malformed code in Dutch without calling the API', async () => {
      const { code, confirm, field } = await passwordStep('verify');
      await confirm.click();
      expect(await field.getTextErrors()).toEqual(['Vul de code in.']);
      await code.setValue('12345');
      await confirm.click();
      expect(await field.getTextErrors()).toEqual(['De code bestaat uit 6 cijfers.']);
      backend.expectNone('/api/auth/mfa/verify');
    });

    it('goes back to the password step on request', async () => {
      await passwordStep('verify');
      const loader = TestbedHarnessEnvironment.loader(fixture);
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Terug naar inloggen' }))).click();
      expect(root().querySelector('[autocomplete="one-time-code"]')).toBeNull();
      expect(root().querySelector('[autocomplete="current-password"]')).not.toBeNull();
    });
  });
});
