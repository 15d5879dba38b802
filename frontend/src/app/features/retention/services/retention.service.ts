import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ErasureAssessment,
  ChangeRetentionPolicyRequest,
  ClientRetention,
  DestructionItemView,
  DestructionListView,
  LegalHoldView,
  Page,
  RetentionOverview,
  RetentionPolicies,
  RetentionPolicyView,
  RetentionState,
  SetLegalHoldRequest,
} from '@werkpad/shared';
import { map, type Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';
import {
  type DownloadedPdf,
  fileNameOf,
} from '../../processing-register/services/processing-register.service';

const LISTS = '/api/destruction-lists';
const id = (value: string) => encodeURIComponent(value);

/** Retention and destruction (R-RET-01..06): policy, dates, holds, the reviewed destruction list. */
@Injectable({ providedIn: 'root' })
export class RetentionService {
  private readonly http = inject(HttpClient);

  overview(
    state: Exclude<RetentionState, 'open'> | null,
    page: number,
    pageSize: number,
  ): Observable<RetentionOverview> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (state) params = params.set('state', state);
    return this.http.get<RetentionOverview>('/api/retention/overview', {
      params,
      context: navigationCritical(),
    });
  }

  policies(): Observable<RetentionPolicies> {
    return this.http.get<RetentionPolicies>('/api/retention/policies');
  }

  changePolicy(request: ChangeRetentionPolicyRequest): Observable<RetentionPolicyView> {
    return this.http.post<RetentionPolicyView>('/api/retention/policies', request);
  }

  lists(): Observable<Page<DestructionListView>> {
    return this.http.get<Page<DestructionListView>>(LISTS, { params: new HttpParams().set('pageSize', 20) });
  }

  list(listId: string): Observable<DestructionListView> {
    return this.http.get<DestructionListView>(`${LISTS}/${id(listId)}`);
  }

  items(listId: string, page: number, pageSize: number): Observable<Page<DestructionItemView>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<DestructionItemView>>(`${LISTS}/${id(listId)}/items`, { params });
  }

  prepare(): Observable<DestructionListView> {
    return this.http.post<DestructionListView>(LISTS, {});
  }

  exclude(listId: string, itemId: string, reason: string): Observable<DestructionItemView> {
    return this.http.post<DestructionItemView>(`${LISTS}/${id(listId)}/items/${id(itemId)}/exclude`, {
      reason,
    });
  }

  /** review | approve | execute | cancel */
  act(listId: string, action: 'review' | 'approve' | 'execute' | 'cancel'): Observable<DestructionListView> {
    return this.http.post<DestructionListView>(`${LISTS}/${id(listId)}/${action}`, {});
  }

  certificate(listId: string, format: 'pdf' | 'json'): Observable<DownloadedPdf> {
    const params = new HttpParams().set('format', format);
    return this.http
      .get(`${LISTS}/${id(listId)}/certificate`, { params, observe: 'response', responseType: 'blob' })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName: fileNameOf(
            response.headers.get('content-disposition'),
            `verklaring-van-vernietiging.${format}`,
          ),
        })),
      );
  }

  /** R-RET-06: what erasure on request can remove now and what must be kept, with the ground. */
  erasureAssessment(clientId: string): Observable<ErasureAssessment> {
    return this.http.get<ErasureAssessment>(`/api/clients/${id(clientId)}/erasure-assessment`);
  }

  clientRetention(clientId: string): Observable<ClientRetention> {
    return this.http.get<ClientRetention>(`/api/clients/${id(clientId)}/retention`);
  }

  setHold(clientId: string, request: SetLegalHoldRequest): Observable<LegalHoldView> {
    return this.http.post<LegalHoldView>(`/api/clients/${id(clientId)}/legal-holds`, request);
  }

  liftHold(holdId: string, reason: string): Observable<LegalHoldView> {
    return this.http.post<LegalHoldView>(`/api/legal-holds/${id(holdId)}/lift`, { reason });
  }
}

/** Saves a downloaded file through a temporary link. */
export function saveFile({ blob, fileName }: DownloadedPdf): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
