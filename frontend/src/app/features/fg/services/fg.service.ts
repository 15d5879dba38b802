import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AccessLogEntry,
  AccessLogQuery,
  ClientAccessOverview,
  FgDashboard,
  Finding,
  FindingQuery,
  Page,
  ReviewFindingRequest,
} from '@werkpad/shared';
import { map, type Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

type QueryValue = string | number | boolean | undefined;

export type ExportFormat = 'csv' | 'pdf';

/** The access-log filters without paging: what an export and a search share. */
export type AccessLogFilter = Omit<AccessLogQuery, 'page' | 'pageSize'>;

/** The findings filters without paging: what an export and the list share. */
export type FindingFilter = Omit<FindingQuery, 'page' | 'pageSize'>;

export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** Leaves unset filters out of the URL: the API reads an empty value as a (wrong) filter. */
export function toParams(query: Readonly<Record<string, QueryValue>>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params = params.set(key, value);
  }
  return params;
}

/** Reads a file name from Content-Disposition (RFC 6266, the RFC 5987 UTF-8 form first). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed escape: fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}

/**
 * The FG's workplace API (RULES.md §7): log metadata and findings only, never dossier content or
 * client names. Every call here is itself written to the log by the API.
 */
@Injectable({ providedIn: 'root' })
export class FgService {
  private readonly http = inject(HttpClient);

  dashboard(): Observable<FgDashboard> {
    return this.http.get<FgDashboard>('/api/fg/dashboard', { context: navigationCritical() });
  }

  accessLog(query: AccessLogQuery): Observable<Page<AccessLogEntry>> {
    return this.http.get<Page<AccessLogEntry>>('/api/access-log', {
      params: toParams({ ...query }),
      context: navigationCritical(),
    });
  }

  /**
   * The current search as a file. Through HttpClient, because the access token is a header (a plain
   * link would arrive without it); the API caps the file at 10 000 rows and says so inside it.
   */
  exportAccessLog(format: ExportFormat, filter: AccessLogFilter): Observable<DownloadedFile> {
    return this.http
      .get('/api/access-log/export', {
        params: toParams({ format, ...filter }),
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName:
            fileNameFromDisposition(response.headers.get('content-disposition')) ?? `toegangslog.${format}`,
        })),
      );
  }

  clientOverview(clientId: string): Observable<ClientAccessOverview> {
    return this.http.get<ClientAccessOverview>(`/api/access-log/clients/${encodeURIComponent(clientId)}`, {
      context: navigationCritical(),
    });
  }

  /** Exact BSN to client id (a blind index on the server); 404 when no client has it. */
  lookupClient(bsn: string): Observable<{ clientId: string }> {
    return this.http.post<{ clientId: string }>('/api/access-log/client-lookup', { bsn });
  }

  findings(query: FindingQuery): Observable<Page<Finding>> {
    return this.http.get<Page<Finding>>('/api/findings', {
      params: toParams({ ...query }),
      context: navigationCritical(),
    });
  }

  /** The findings under the current filters as a CSV file (at most 10 000, said inside it). */
  exportFindings(filter: FindingFilter): Observable<DownloadedFile> {
    return this.http
      .get('/api/findings/export', {
        params: toParams({ ...filter }),
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? 'bevindingen.csv',
        })),
      );
  }

  reviewFinding(request: ReviewFindingRequest): Observable<Finding> {
    return this.http.put<Finding>('/api/findings/review', request);
  }
}

/** Hands a downloaded file to the browser as a save. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // Revoked after the click has been handled, so the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
