import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CareProviderRequestView,
  CreateCareProviderRequest,
  CreateMedicalRecordRequest,
  MedicalRecordVersionView,
  MedicalRecordView,
  UpdateMedicalRecordRequest,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';

function trajectoryUrl(trajectoryId: string): string {
  return `/api/expertise/trajectories/${encodeURIComponent(trajectoryId)}`;
}

function recordUrl(recordId: string): string {
  return `/api/expertise/medical-records/${encodeURIComponent(recordId)}`;
}

/**
 * Medical records and data requests to care providers (R-MED-01, R-MED-04, R-MED-06). Only the
 * expertise user assigned to the trajectory gets an answer; everyone else gets 404.
 */
@Injectable({ providedIn: 'root' })
export class MedicalService {
  private readonly http = inject(HttpClient);

  records(trajectoryId: string): Observable<MedicalRecordView[]> {
    return this.http.get<MedicalRecordView[]>(`${trajectoryUrl(trajectoryId)}/medical-records`);
  }

  createRecord(trajectoryId: string, request: CreateMedicalRecordRequest): Observable<MedicalRecordView> {
    return this.http.post<MedicalRecordView>(`${trajectoryUrl(trajectoryId)}/medical-records`, request);
  }

  record(recordId: string): Observable<MedicalRecordView> {
    return this.http.get<MedicalRecordView>(recordUrl(recordId));
  }

  /** 409 when the record changed since `expectedVersion`: the edit is refused, not lost silently. */
  updateRecord(recordId: string, request: UpdateMedicalRecordRequest): Observable<MedicalRecordView> {
    return this.http.patch<MedicalRecordView>(recordUrl(recordId), request);
  }

  /** Earlier versions, newest first. */
  versions(recordId: string): Observable<MedicalRecordVersionView[]> {
    return this.http.get<MedicalRecordVersionView[]>(`${recordUrl(recordId)}/versions`);
  }

  careProviderRequests(trajectoryId: string): Observable<CareProviderRequestView[]> {
    return this.http.get<CareProviderRequestView[]>(`${trajectoryUrl(trajectoryId)}/care-provider-requests`);
  }

  /** R-MED-04: 403 with a message naming the missing consent when there is no valid written consent. */
  createCareProviderRequest(
    trajectoryId: string,
    request: CreateCareProviderRequest,
  ): Observable<CareProviderRequestView> {
    return this.http.post<CareProviderRequestView>(
      `${trajectoryUrl(trajectoryId)}/care-provider-requests`,
      request,
    );
  }
}
