import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConsentView,
  CreateConsentRequest,
  DisclosureDecision,
  DisclosurePackage,
  DisclosureRequest,
  DisclosureResult,
  DisclosureView,
  RecordReportReviewRequest,
  WithdrawConsentRequest,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';

function base(clientId: string): string {
  return `/api/clients/${encodeURIComponent(clientId)}`;
}

/** A client's consent register (R-CONS-01, R-CONS-02). */
@Injectable({ providedIn: 'root' })
export class ConsentsService {
  private readonly http = inject(HttpClient);

  list(clientId: string): Observable<ConsentView[]> {
    return this.http.get<ConsentView[]>(`${base(clientId)}/consents`);
  }

  create(clientId: string, request: CreateConsentRequest): Observable<ConsentView> {
    return this.http.post<ConsentView>(`${base(clientId)}/consents`, request);
  }

  withdraw(clientId: string, consentId: string, withdrawnOn: string): Observable<ConsentView> {
    const body: WithdrawConsentRequest = { withdrawnOn, confirm: true };
    return this.http.post<ConsentView>(
      `${base(clientId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
      body,
    );
  }
}

/** What may be shared with whom, and the register of what was shared (R-SHARE-01, -02, -05). */
@Injectable({ providedIn: 'root' })
export class DisclosuresService {
  private readonly http = inject(HttpClient);

  /** A preview only: nothing is recorded or sent. */
  decide(clientId: string, request: DisclosureRequest): Observable<DisclosureDecision> {
    return this.http.post<DisclosureDecision>(`${base(clientId)}/disclosures/decision`, request);
  }

  /** Records the disclosure; a refusal answers 403 with the decision in the body. */
  disclose(clientId: string, request: DisclosureRequest): Observable<DisclosureResult> {
    return this.http.post<DisclosureResult>(`${base(clientId)}/disclosures`, request);
  }

  list(clientId: string): Observable<DisclosureView[]> {
    return this.http.get<DisclosureView[]>(`${base(clientId)}/disclosures`);
  }

  /** The package as it went out; reading it is audited. */
  package(clientId: string, disclosureId: string): Observable<DisclosurePackage> {
    return this.http.get<DisclosurePackage>(
      `${base(clientId)}/disclosures/${encodeURIComponent(disclosureId)}/package`,
    );
  }

  /** R-SHARE-06: the client saw the written report, before or after it was sent; recorded once. */
  recordReview(
    clientId: string,
    disclosureId: string,
    review: RecordReportReviewRequest,
  ): Observable<DisclosureView> {
    return this.http.post<DisclosureView>(
      `${base(clientId)}/disclosures/${encodeURIComponent(disclosureId)}/review`,
      review,
    );
  }
}
