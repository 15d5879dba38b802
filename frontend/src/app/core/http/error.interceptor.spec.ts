import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { errorInterceptor } from './error.interceptor';
import { navigationCritical } from './navigation-critical';

describe('errorInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  const ignore = { error: () => undefined };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  it('sends a failed navigation-critical call to the error page with its reference', () => {
    http.get('/api/users', { context: navigationCritical() }).subscribe(ignore);
    backend
      .expectOne('/api/users')
      .flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'Fout', requestId: 'req-42' },
        { status: 500, statusText: 'Internal Server Error' },
      );
    expect(router.navigate).toHaveBeenCalledWith(['/fout'], { queryParams: { referentie: 'req-42' } });
  });

  it('treats a lost connection like a server error', () => {
    http.get('/api/users', { context: navigationCritical() }).subscribe(ignore);
    backend.expectOne('/api/users').error(new ProgressEvent('error'));
    expect(router.navigate).toHaveBeenCalledWith(['/fout'], { queryParams: {} });
  });

  it('sends a 403 on a navigation-critical call to "geen toegang"', () => {
    http.get('/api/clients', { context: navigationCritical() }).subscribe(ignore);
    backend.expectOne('/api/clients').flush(null, { status: 403, statusText: 'Forbidden' });
    expect(router.navigate).toHaveBeenCalledWith(['/geen-toegang']);
  });

  it('leaves other calls (form submits) to report their errors inline', () => {
    let status: number | undefined;
    http.post('/api/users', {}).subscribe({ error: (error: { status: number }) => (status = error.status) });
    backend.expectOne('/api/users').flush(null, { status: 500, statusText: 'Internal Server Error' });
    expect(status).toBe(500);
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
