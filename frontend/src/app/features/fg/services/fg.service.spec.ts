import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type DownloadedFile, FgService, fileNameFromDisposition } from './fg.service';

describe('FgService', () => {
  let service: FgService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(FgService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends only the access-log filters that are set', () => {
    service
      .accessLog({ userId: 'u1', role: 'coach', result: 'denied', from: '2026-03-01', page: 2, pageSize: 50 })
      .subscribe();
    backend
      .expectOne('/api/access-log?userId=u1&role=coach&result=denied&from=2026-03-01&page=2&pageSize=50')
      .flush({ items: [], total: 0, page: 2, pageSize: 50 });
  });

  it('downloads an export as a blob with the filters and the format, named by the server', () => {
    let file: DownloadedFile | undefined;
    service.exportAccessLog('csv', { clientId: 'c1', order: 'asc' }).subscribe((result) => (file = result));
    const request = backend.expectOne('/api/access-log/export?format=csv&clientId=c1&order=asc');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['seq;tijdstip']), {
      headers: { 'content-disposition': 'attachment; filename="toegangslog-2026-03-01.csv"' },
    });
    expect(file?.fileName).toBe('toegangslog-2026-03-01.csv');
    expect(file?.blob).toBeInstanceOf(Blob);
  });

  it('names an export after its format when the server sends no file name', () => {
    let file: DownloadedFile | undefined;
    service.exportAccessLog('pdf', {}).subscribe((result) => (file = result));
    backend.expectOne('/api/access-log/export?format=pdf').flush(new Blob(['%PDF']));
    expect(file?.fileName).toBe('toegangslog.pdf');
  });

  it('reads the UTF-8 file name first', () => {
    expect(fileNameFromDisposition(`attachment; filename="a.csv"; filename*=UTF-8''toegang%C3%AB.csv`)).toBe(
      'toegangë.csv',
    );
    expect(fileNameFromDisposition(null)).toBeNull();
  });

  it('downloads the findings export as a blob with the filters, named by the server or after its content', () => {
    let file: DownloadedFile | undefined;
    service
      .exportFindings({ kind: 'denied', reviewed: false, from: '2026-03-01' })
      .subscribe((result) => (file = result));
    const request = backend.expectOne('/api/findings/export?kind=denied&reviewed=false&from=2026-03-01');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['Sleutel;Soort']), {
      headers: { 'content-disposition': 'attachment; filename="bevindingen-20260301-1200.csv"' },
    });
    expect(file?.fileName).toBe('bevindingen-20260301-1200.csv');
    expect(file?.blob).toBeInstanceOf(Blob);

    service.exportFindings({}).subscribe((result) => (file = result));
    backend.expectOne('/api/findings/export').flush(new Blob(['Sleutel']));
    expect(file?.fileName).toBe('bevindingen.csv');
  });

  it('asks findings with the review status, also when it is false', () => {
    service.findings({ kind: 'emergency', reviewed: false, page: 1, pageSize: 20 }).subscribe();
    backend
      .expectOne('/api/findings?kind=emergency&reviewed=false&page=1&pageSize=20')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('looks a client up by BSN in the body, never in the URL', () => {
    service.lookupClient('111222333').subscribe();
    const request = backend.expectOne('/api/access-log/client-lookup');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ bsn: '111222333' });
    request.flush({ clientId: 'c1' });
  });
});
