import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ProcessingRegister } from '@werkpad/shared';
import { map, type Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

const BASE = '/api/processing-register';

export interface DownloadedPdf {
  readonly blob: Blob;
  readonly fileName: string;
}

/** "attachment; filename=\"x.pdf\"" → x.pdf; the API names the file, the UI only falls back. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** AVG art. 30: the register of processing activities, generated from the rule data the code enforces. */
@Injectable({ providedIn: 'root' })
export class ProcessingRegisterService {
  private readonly http = inject(HttpClient);

  get(): Observable<ProcessingRegister> {
    return this.http.get<ProcessingRegister>(BASE, { context: navigationCritical() });
  }

  /** Through HttpClient (not a link): the access token is a header, not a cookie. */
  pdf(): Observable<DownloadedPdf> {
    return this.http.get(`${BASE}/pdf`, { observe: 'response', responseType: 'blob' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob(),
        fileName: fileNameOf(response.headers.get('content-disposition'), 'verwerkingsregister.pdf'),
      })),
    );
  }
}
