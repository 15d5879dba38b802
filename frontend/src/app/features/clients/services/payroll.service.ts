import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AbsenceEpisodeView,
  CreateAbsenceEpisodeRequest,
  CreateEmploymentRequest,
  CreateHoursRecordRequest,
  CreateLksApplicationRequest,
  CreateLoonwaardeRequest,
  EmploymentView,
  HoursRecordView,
  LksApplicationView,
  LoonwaardeView,
  PayrollFile,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';

function base(clientId: string): string {
  return `/api/clients/${encodeURIComponent(clientId)}/payroll`;
}

function employment(clientId: string, employmentId: string): string {
  return `${base(clientId)}/employments/${encodeURIComponent(employmentId)}`;
}

/** The payroll part of a client file (category `payroll`); the API checks scope and category. */
@Injectable({ providedIn: 'root' })
export class PayrollService {
  private readonly http = inject(HttpClient);

  file(clientId: string): Observable<PayrollFile> {
    return this.http.get<PayrollFile>(base(clientId));
  }

  addEmployment(clientId: string, request: CreateEmploymentRequest): Observable<EmploymentView> {
    return this.http.post<EmploymentView>(`${base(clientId)}/employments`, request);
  }

  addHours(
    clientId: string,
    employmentId: string,
    request: CreateHoursRecordRequest,
  ): Observable<HoursRecordView> {
    return this.http.post<HoursRecordView>(`${employment(clientId, employmentId)}/hours`, request);
  }

  addAbsence(
    clientId: string,
    employmentId: string,
    request: CreateAbsenceEpisodeRequest,
  ): Observable<AbsenceEpisodeView> {
    return this.http.post<AbsenceEpisodeView>(`${employment(clientId, employmentId)}/absences`, request);
  }

  addLoonwaarde(clientId: string, request: CreateLoonwaardeRequest): Observable<LoonwaardeView> {
    return this.http.post<LoonwaardeView>(`${base(clientId)}/loonwaarde`, request);
  }

  addLksApplication(clientId: string, request: CreateLksApplicationRequest): Observable<LksApplicationView> {
    return this.http.post<LksApplicationView>(`${base(clientId)}/lks-applications`, request);
  }
}
