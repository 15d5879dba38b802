import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditChainVerification } from '@werkpad/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  verifyChain(): Observable<AuditChainVerification> {
    return this.http.get<AuditChainVerification>('/api/audit/verify');
  }
}
