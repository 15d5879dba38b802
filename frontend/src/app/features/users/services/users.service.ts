import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateUserRequest,
  Page,
  ResetSecondFactorRequest,
  UpdateUserRequest,
  UserSummary,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

export interface UserQuery {
  readonly q: string;
  /** 1-based, as the API counts. */
  readonly page: number;
  readonly pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  list(query: UserQuery): Observable<Page<UserSummary>> {
    const params = new HttpParams().set('q', query.q).set('page', query.page).set('pageSize', query.pageSize);
    return this.http.get<Page<UserSummary>>('/api/users', { params, context: navigationCritical() });
  }

  create(request: CreateUserRequest): Observable<UserSummary> {
    return this.http.post<UserSummary>('/api/users', request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`/api/users/${encodeURIComponent(id)}`, request);
  }

  resetSecondFactor(id: string, request: ResetSecondFactorRequest): Observable<UserSummary> {
    return this.http.post<UserSummary>(`/api/users/${encodeURIComponent(id)}/second-factor-reset`, request);
  }
}
