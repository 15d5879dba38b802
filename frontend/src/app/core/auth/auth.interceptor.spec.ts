import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  /** Puts a token in the service the way a real login does: through the login endpoint. */
  function signIn(token: string): void {
    auth.login({ username: 'anna', password: 'geheim' }).subscribe();
    backend.expectOne('/api/auth/login').flush({ accessToken: token, expiresIn: 900 });
    backend
      .expectOne('/api/auth/me')
      .flush({ id: 'u1', username: 'anna', displayName: 'Anna', roles: [], rules: [] });
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', () => {
    signIn('token-1');
    http.get('/api/users').subscribe();
    expect(backend.expectOne('/api/users').request.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('sends no token to login, refresh or non-API URLs', () => {
    signIn('token-1');
    http.post('/api/auth/refresh', null).subscribe();
    http.get('/assets/logo.svg').subscribe();
    expect(backend.expectOne('/api/auth/refresh').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 refreshes once and retries the call with the new token', () => {
    signIn('old-token');
    let body: unknown;
    http.get('/api/users').subscribe((response) => (body = response));

    backend.expectOne('/api/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900 });
    const retry = backend.expectOne('/api/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({ items: [] });

    expect(body).toEqual({ items: [] });
    expect(auth.accessToken()).toBe('new-token');
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('shares one refresh between calls that fail at the same time', () => {
    signIn('old-token');
    http.get('/api/users').subscribe();
    http.get('/api/clients').subscribe();

    backend.expectOne('/api/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/clients').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900 });

    backend.expectOne('/api/users').flush({});
    backend.expectOne('/api/clients').flush({});
  });

  it('when the refresh fails, clears the session and sends the user to the login page', () => {
    signIn('old-token');
    let failedWith: number | undefined;
    http.get('/api/users').subscribe({ error: (error: { status: number }) => (failedWith = error.status) });

    backend.expectOne('/api/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(failedWith).toBe(401);
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/inloggen'], { queryParams: { reden: 'verlopen' } });
  });

  it('does not retry other errors', () => {
    signIn('token-1');
    let failedWith: number | undefined;
    http.get('/api/users').subscribe({ error: (error: { status: number }) => (failedWith = error.status) });
    backend.expectOne('/api/users').flush(null, { status: 403, statusText: 'Forbidden' });

    backend.expectNone('/api/auth/refresh');
    expect(failedWith).toBe(403);
  });

  it('does not try to refresh when logging in fails with 401', () => {
    let failedWith: number | undefined;
    auth
      .login({ username: 'anna', password: 'fout' })
      .subscribe({ error: (error: { status: number }) => (failedWith = error.status) });
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Onjuist' },
        { status: 401, statusText: 'Unauthorized' },
      );

    backend.expectNone('/api/auth/refresh');
    expect(failedWith).toBe(401);
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
