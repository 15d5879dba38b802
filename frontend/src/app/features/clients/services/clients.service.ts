import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AccessGround,
  BsnReveal,
  ClientAssignment,
  ClientSort,
  ClientView,
  ClientWrite,
  FieldChange,
  Page,
  SortDirection,
  StaffMember,
  StaffRole,
  TrajectoryStatus,
  TrajectoryType,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

export interface ClientFilters {
  readonly trajectoryType: TrajectoryType | null;
  readonly status: TrajectoryStatus | null;
  readonly coachId: string | null;
}

export interface ClientQuery extends Partial<ClientFilters> {
  readonly q: string;
  /** 1-based, as the API counts. */
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: ClientSort;
  readonly direction?: SortDirection;
}

export type { SortDirection, StaffMember, StaffRole };

function clientUrl(id: string): string {
  return `/api/clients/${encodeURIComponent(id)}`;
}

@Injectable({ providedIn: 'root' })
export class ClientsService {
  private readonly http = inject(HttpClient);

  /** The API returns only clients in the caller's scope, with only the fields the caller may see. */
  list(query: ClientQuery): Observable<Page<ClientView>> {
    let params = new HttpParams().set('q', query.q).set('page', query.page).set('pageSize', query.pageSize);
    if (query.sort) params = params.set('sort', query.sort).set('direction', query.direction ?? 'asc');
    if (query.trajectoryType) params = params.set('trajectoryType', query.trajectoryType);
    if (query.status) params = params.set('status', query.status);
    if (query.coachId) params = params.set('coachId', query.coachId);
    return this.http.get<Page<ClientView>>('/api/clients', { params, context: navigationCritical() });
  }

  staff(role: StaffRole): Observable<StaffMember[]> {
    return this.http.get<StaffMember[]>('/api/clients/staff', { params: { role } });
  }

  get(id: string): Observable<ClientView> {
    return this.http.get<ClientView>(clientUrl(id), { context: navigationCritical() });
  }

  create(client: ClientWrite): Observable<ClientView> {
    return this.http.post<ClientView>('/api/clients', client);
  }

  update(id: string, changes: ClientWrite): Observable<ClientView> {
    return this.http.patch<ClientView>(clientUrl(id), changes);
  }

  history(id: string): Observable<FieldChange[]> {
    return this.http.get<FieldChange[]>(`${clientUrl(id)}/history`);
  }

  /** The full BSN, on explicit request only; the API records who asked. */
  /** "Waarom zie ik dit": per visible category, the rule that grants it (audited by the API). */
  accessGrounds(id: string): Observable<AccessGround[]> {
    return this.http.get<AccessGround[]>(`${clientUrl(id)}/access-grounds`);
  }

  revealBsn(id: string): Observable<BsnReveal> {
    return this.http.post<BsnReveal>(`${clientUrl(id)}/bsn-reveal`, null);
  }

  assign(id: string, assignment: ClientAssignment): Observable<ClientView> {
    return this.http.put<ClientView>(`${clientUrl(id)}/assignment`, assignment);
  }
}
