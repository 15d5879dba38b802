import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateFunctionalCapabilityRequest,
  DiagnosisOutcomeView,
  FunctionalCapabilityView,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';

/**
 * What the Expertisecentrum lets go out of it, as the client file shows it: the final outcome of an
 * arbeidsdiagnose (R-MED-02) and the functional capabilities (R-MED-05). Never a medical record.
 */
@Injectable({ providedIn: 'root' })
export class ExpertiseResultsService {
  private readonly http = inject(HttpClient);

  /** The coach and income consultant get only a final outcome; 404 while there is none. */
  outcome(trajectoryId: string): Observable<DiagnosisOutcomeView> {
    return this.http.get<DiagnosisOutcomeView>(
      `/api/trajectories/${encodeURIComponent(trajectoryId)}/outcome`,
    );
  }

  /** Newest first (category health_functional). */
  capabilities(clientId: string): Observable<FunctionalCapabilityView[]> {
    return this.http.get<FunctionalCapabilityView[]>(
      `/api/clients/${encodeURIComponent(clientId)}/functional-capabilities`,
    );
  }

  createCapability(
    clientId: string,
    request: CreateFunctionalCapabilityRequest,
  ): Observable<FunctionalCapabilityView> {
    return this.http.post<FunctionalCapabilityView>(
      `/api/clients/${encodeURIComponent(clientId)}/functional-capabilities`,
      request,
    );
  }
}
