import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ADMIN_RULES, currentUser } from '../../../testing/users';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('AuthService', () => {
  let auth: AuthService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('restores a session after a reload from the refresh cookie', async () => {
    const restored = auth.restoreSession();
    backend
      .expectOne({ method: 'POST', url: '/api/auth/refresh' })
      .flush({ accessToken: 'jwt', expiresIn: 900 });
    const me = backend.expectOne('/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer jwt');
    me.flush(currentUser(['admin'], ADMIN_RULES));
    await restored;

    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.user()?.displayName).toBe('Anna de Vries');
    expect(auth.ability().can('manage', 'User')).toBe(true);
    expect(auth.ability().can('read', 'Client')).toBe(false);
  });

  it('stays logged out, without an error, when there is no refresh session', async () => {
    const restored = auth.restoreSession();
    backend.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBeUndefined();

    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();
  });

  it('logs out locally even when the server call fails', () => {
    auth.login({ username: 'anna', password: 'geheim' }).subscribe();
    backend.expectOne('/api/auth/login').flush({ accessToken: 'jwt', expiresIn: 900 });
    backend.expectOne('/api/auth/me').flush(currentUser(['admin'], ADMIN_RULES));
    expect(auth.isAuthenticated()).toBe(true);

    auth.logout().subscribe();
    const logout = backend.expectOne({ method: 'POST', url: '/api/auth/logout' });
    expect(logout.request.headers.get('Authorization')).toBe('Bearer jwt');
    logout.flush(null, { status: 500, statusText: 'Server Error' });

    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.ability().can('manage', 'User')).toBe(false);
  });

  it("answers a log reader's password with the MFA challenge and starts no session until the code", () => {
    const outcomes: unknown[] = [];
    auth.login({ username: 'fg1', password: 'geheim' }).subscribe((outcome) => outcomes.push(outcome));
    backend.expectOne('/api/auth/login').flush({ mfa: 'verify', mfaToken: 'mfa-token' });
    backend.expectNone('/api/auth/me');
    expect(outcomes).toEqual([{ kind: 'mfa', challenge: { mfa: 'verify', mfaToken: 'mfa-token' } }]);
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();

    auth.verifyMfa({ mfaToken: 'mfa-token', code: '123456' }).subscribe();
    const verify = backend.expectOne({ method: 'POST', url: '/api/auth/mfa/verify' });
    expect(verify.request.headers.has('Authorization')).toBe(false);
    verify.flush({ accessToken: 'jwt', expiresIn: 900 });
    backend.expectOne('/api/auth/me').flush(currentUser(['dpo'], []));
    expect(auth.isAuthenticated()).toBe(true);
  });

  it('does not treat a wrong code (401) as an expired session: no refresh, no retry', () => {
    let failed = false;
    auth.verifyMfa({ mfaToken: 'mfa-token', code: '000000' }).subscribe({ error: () => (failed = true) });
    backend.expectOne('/api/auth/mfa/verify').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectNone('/api/auth/refresh');
    expect(failed).toBe(true);
  });
});
