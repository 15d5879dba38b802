import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DiagnosisOutcomeView,
  ExpertiseAssignmentRequest,
  ExpertiseAssignmentRow,
  ExpertiseTrajectoryDetail,
  ExpertiseTrajectorySummary,
  FinalizeDiagnosisOutcomeRequest,
  OutcomeSentToClientRequest,
  SaveDiagnosisOutcomeRequest,
  StaffMember,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

export type ExpertiseStatusFilter = 'open' | 'closed';

function trajectoryUrl(trajectoryId: string): string {
  return `/api/expertise/trajectories/${encodeURIComponent(trajectoryId)}`;
}

/**
 * The Expertisecentrum's own arbeidsdiagnose trajectories and their outcome (R-MED-02, R-MED-03).
 * Medical records go through MedicalService: they have their own module and connection in the API.
 */
@Injectable({ providedIn: 'root' })
export class ExpertiseService {
  private readonly http = inject(HttpClient);

  /** Only the signed-in expertise user's own trajectories; the API scopes this in SQL. */
  trajectories(status: ExpertiseStatusFilter): Observable<ExpertiseTrajectorySummary[]> {
    return this.http.get<ExpertiseTrajectorySummary[]>('/api/expertise/trajectories', {
      params: { status },
      context: navigationCritical(),
    });
  }

  /** 404 unless the trajectory is the user's own: the page says "not found", not "forbidden". */
  trajectory(trajectoryId: string): Observable<ExpertiseTrajectoryDetail> {
    return this.http.get<ExpertiseTrajectoryDetail>(trajectoryUrl(trajectoryId), {
      context: navigationCritical(),
    });
  }

  /** The assigned expertise user sees the draft too; 404 when there is no outcome yet. */
  outcome(trajectoryId: string): Observable<DiagnosisOutcomeView> {
    return this.http.get<DiagnosisOutcomeView>(
      `/api/trajectories/${encodeURIComponent(trajectoryId)}/outcome`,
    );
  }

  /** Saves the draft; 409 when someone saved in between (expectedVersion) or it is final already. */
  saveOutcome(trajectoryId: string, request: SaveDiagnosisOutcomeRequest): Observable<DiagnosisOutcomeView> {
    return this.http.put<DiagnosisOutcomeView>(`${trajectoryUrl(trajectoryId)}/outcome`, request);
  }

  /** After this the outcome is visible to coach and income consultant and may go to the commissioner. */
  finalizeOutcome(trajectoryId: string, expectedVersion: number): Observable<DiagnosisOutcomeView> {
    const body: FinalizeDiagnosisOutcomeRequest = { expectedVersion, confirm: true };
    return this.http.post<DiagnosisOutcomeView>(`${trajectoryUrl(trajectoryId)}/outcome/finalize`, body);
  }

  /** R-MED-03: the client receives the outcome too. */
  outcomeSentToClient(trajectoryId: string, sentOn: string): Observable<DiagnosisOutcomeView> {
    const body: OutcomeSentToClientRequest = { sentOn };
    return this.http.post<DiagnosisOutcomeView>(
      `${trajectoryUrl(trajectoryId)}/outcome/sent-to-client`,
      body,
    );
  }

  /** Functional administrator: open arbeidsdiagnoses and who works on them (no research content). */
  assignments(): Observable<ExpertiseAssignmentRow[]> {
    return this.http.get<ExpertiseAssignmentRow[]>('/api/expertise/assignments', {
      context: navigationCritical(),
    });
  }

  assign(trajectoryId: string, expertiseUserId: string | null): Observable<ExpertiseAssignmentRow> {
    const body: ExpertiseAssignmentRequest = { expertiseUserId };
    return this.http.put<ExpertiseAssignmentRow>(
      `/api/trajectories/${encodeURIComponent(trajectoryId)}/expertise-assignment`,
      body,
    );
  }

  /** Active users with the expertise role, by name (the staff route of the client files). */
  expertiseStaff(): Observable<StaffMember[]> {
    return this.http.get<StaffMember[]>('/api/clients/staff', { params: { role: 'expertise' } });
  }
}
