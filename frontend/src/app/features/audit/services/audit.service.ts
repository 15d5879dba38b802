import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditCheckpointView, AuditVerificationReport } from '@werkpad/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  /** The chain, and the chain against the latest signed checkpoint (R-AUD-02). */
  verifyChain(): Observable<AuditVerificationReport> {
    return this.http.get<AuditVerificationReport>('/api/audit/verify');
  }

  /** Newest first. */
  checkpoints(): Observable<AuditCheckpointView[]> {
    return this.http.get<AuditCheckpointView[]>('/api/audit/checkpoints');
  }

  createCheckpoint(): Observable<AuditCheckpointView> {
    return this.http.post<AuditCheckpointView>('/api/audit/checkpoints', null);
  }
}
