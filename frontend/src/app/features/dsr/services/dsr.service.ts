import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CompleteDsrRequest,
  ConsentView,
  CreateDsrRequest,
  DestructionListView,
  DsrLinkedChange,
  DsrRequestView,
  ExtendDsrRequest,
  VerifyDsrIdentityRequest,
} from '@werkpad/shared';
import { map, type Observable } from 'rxjs';
import { type DownloadedFile, fileNameFromDisposition } from '../../fg/services/fg.service';

const base = '/api/dsr-requests';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Data-subject requests on the legal clock (issue 9, R-DSR-01..05). */
@Injectable({ providedIn: 'root' })
export class DsrService {
  private readonly http = inject(HttpClient);

  list(status?: 'open' | 'completed'): Observable<DsrRequestView[]> {
    return this.http.get<DsrRequestView[]>(base, { params: status ? { status } : {} });
  }

  get(id: string): Observable<DsrRequestView> {
    return this.http.get<DsrRequestView>(one(id));
  }

  create(request: CreateDsrRequest): Observable<DsrRequestView> {
    return this.http.post<DsrRequestView>(base, request);
  }

  verifyIdentity(id: string, request: VerifyDsrIdentityRequest): Observable<DsrRequestView> {
    return this.http.post<DsrRequestView>(`${one(id)}/identity`, request);
  }

  extend(id: string, request: ExtendDsrRequest): Observable<DsrRequestView> {
    return this.http.post<DsrRequestView>(`${one(id)}/extend`, request);
  }

  complete(id: string, request: CompleteDsrRequest): Observable<DsrRequestView> {
    return this.http.post<DsrRequestView>(`${one(id)}/complete`, request);
  }

  /** R-RET-06: the erasure request's own destruction list with what may go now. */
  prepareErasure(id: string): Observable<DestructionListView> {
    return this.http.post<DestructionListView>(`${one(id)}/erasure-list`, {});
  }

  /** Rectification: the corrections made since the request came in. */
  changes(id: string): Observable<DsrLinkedChange[]> {
    return this.http.get<DsrLinkedChange[]>(`${one(id)}/changes`);
  }

  /** The client's consents, for a withdrawal request. */
  consents(id: string): Observable<ConsentView[]> {
    return this.http.get<ConsentView[]>(`${one(id)}/consents`);
  }

  /** R-CONS-02: withdrawn as of today, through the request. */
  withdrawConsent(id: string, consentId: string): Observable<ConsentView> {
    return this.http.post<ConsentView>(`${one(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, {});
  }

  /** The export (zip), the extension letter or the outcome letter (PDF). */
  download(id: string, what: 'export' | 'extension-letter' | 'outcome-letter'): Observable<DownloadedFile> {
    return this.http.get(`${one(id)}/${what}`, { observe: 'response', responseType: 'blob' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob(),
        fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? `${what}.pdf`,
      })),
    );
  }
}

/** "nog 9 dagen", "vandaag", "3 dagen te laat": a deadline in words, never by colour alone. */
export function deadlineText(request: Pick<DsrRequestView, 'status' | 'daysLeft'>): string {
  if (request.status === 'completed') return 'Afgehandeld';
  if (request.daysLeft < 0)
    return `${-request.daysLeft} ${request.daysLeft === -1 ? 'dag' : 'dagen'} te laat`;
  if (request.daysLeft === 0) return 'Termijn verstrijkt vandaag';
  return `Nog ${request.daysLeft} ${request.daysLeft === 1 ? 'dag' : 'dagen'}`;
}
