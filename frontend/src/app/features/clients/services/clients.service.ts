import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ClientSummary, Page } from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

export interface ClientQuery {
  readonly q: string;
  /** 1-based, as the API counts. */
  readonly page: number;
  readonly pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class ClientsService {
  private readonly http = inject(HttpClient);

  /** The API returns only the caller's own caseload; the UI never asks for more. */
  list(query: ClientQuery): Observable<Page<ClientSummary>> {
    const params = new HttpParams().set('q', query.q).set('page', query.page).set('pageSize', query.pageSize);
    return this.http.get<Page<ClientSummary>>('/api/clients', { params, context: navigationCritical() });
  }
}
