import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { EmergencyAccessGrant, EmergencyAccessRequest } from '@werkpad/shared';
import { type Observable, tap } from 'rxjs';

const BASE = '/api/emergency-access';

/**
 * Break-the-glass access of a coach or income consultant to one client outside their scope. Holds
 * the user's active grants, so that the banner shows them wherever the user is in the app.
 */
@Injectable({ providedIn: 'root' })
export class EmergencyAccessService {
  private readonly http = inject(HttpClient);
  private readonly grants = signal<readonly EmergencyAccessGrant[]>([]);
  /** The clock the banner filters expired grants with; ticked by the banner. */
  readonly now = signal(new Date());
  readonly active = computed(() =>
    this.grants().filter(
      (grant) => grant.endedAt === null && new Date(grant.expiresAt).getTime() > this.now().getTime(),
    ),
  );

  refresh(): void {
    this.http.get<EmergencyAccessGrant[]>(`${BASE}/mine`).subscribe({
      next: (grants) => {
        this.now.set(new Date());
        this.grants.set(grants);
      },
      // The banner is a courtesy; the API still ends access at expiry whatever the page shows.
      error: () => undefined,
    });
  }

  request(request: EmergencyAccessRequest): Observable<EmergencyAccessGrant> {
    return this.http.post<EmergencyAccessGrant>(BASE, request).pipe(
      tap((grant) => {
        this.now.set(new Date());
        this.grants.update((grants) => [...grants.filter((g) => g.id !== grant.id), grant]);
      }),
    );
  }

  end(id: string): Observable<EmergencyAccessGrant> {
    return this.http
      .post<EmergencyAccessGrant>(`${BASE}/${encodeURIComponent(id)}/end`, null)
      .pipe(tap((ended) => this.grants.update((grants) => grants.filter((grant) => grant.id !== ended.id))));
  }

  clear(): void {
    this.grants.set([]);
  }
}
