import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateDataBreachRequest, DataBreachView, Page, UpdateDataBreachRequest } from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

const BASE = '/api/breaches';

/** The breach register (R-AUD-05): metadata about breaches, never client names or dossier content. */
@Injectable({ providedIn: 'root' })
export class BreachesService {
  private readonly http = inject(HttpClient);

  list(page: number, pageSize: number): Observable<Page<DataBreachView>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<DataBreachView>>(BASE, { params, context: navigationCritical() });
  }

  create(request: CreateDataBreachRequest): Observable<DataBreachView> {
    return this.http.post<DataBreachView>(BASE, request);
  }

  update(id: string, request: UpdateDataBreachRequest): Observable<DataBreachView> {
    return this.http.patch<DataBreachView>(`${BASE}/${encodeURIComponent(id)}`, request);
  }
}
