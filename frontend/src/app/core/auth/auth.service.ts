import { HttpClient, HttpContext } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { CurrentUser, LoginRequest, TokenResponse } from '@werkpad/shared';
import { catchError, finalize, firstValueFrom, map, type Observable, of, share, switchMap, tap } from 'rxjs';
import { buildAbility } from './ability';
import { LOGIN_URL, LOGOUT_URL, ME_URL, REFRESH_URL } from './auth-endpoints';
import { RETRY_ON_UNAUTHORIZED } from './http-context';

/**
 * Holds the session. The access token lives only in memory (a signal), never in storage, so a
 * script injected into the page cannot lift it from localStorage; after a reload the httpOnly
 * refresh cookie restores it through `restoreSession`.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<CurrentUser | null>(null);
  /** Shared while in flight so that several requests failing with 401 at once trigger one refresh. */
  private refreshInFlight: Observable<string> | null = null;

  readonly user = this.currentUser.asReadonly();
  readonly isAuthenticated = computed(() => this.token() !== null && this.currentUser() !== null);
  readonly ability = computed(() => buildAbility(this.currentUser()?.rules ?? []));

  accessToken(): string | null {
    return this.token();
  }

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.http.post<TokenResponse>(LOGIN_URL, request).pipe(
      tap((response) => this.token.set(response.accessToken)),
      switchMap(() => this.loadCurrentUser()),
      // A token without a user is no session: do not leave half of one behind.
      tap({ error: () => this.clearSession() }),
    );
  }

  /** Gets a new access token with the refresh cookie; errors when the refresh session is gone. */
  refresh(): Observable<string> {
    this.refreshInFlight ??= this.http.post<TokenResponse>(REFRESH_URL, null).pipe(
      map((response) => response.accessToken),
      tap((accessToken) => this.token.set(accessToken)),
      finalize(() => (this.refreshInFlight = null)),
      share(),
    );
    return this.refreshInFlight;
  }

  /** Runs once at start-up; any failure simply means "not logged in". */
  restoreSession(): Promise<void> {
    const restore = this.refresh().pipe(
      switchMap(() => this.loadCurrentUser()),
      map(() => undefined),
      catchError(() => {
        this.clearSession();
        return of(undefined);
      }),
    );
    return firstValueFrom(restore);
  }

  /** Ends the session on the server (revoking the refresh token) and always locally. */
  logout(): Observable<void> {
    const context = new HttpContext().set(RETRY_ON_UNAUTHORIZED, false);
    return this.http.post<void>(LOGOUT_URL, null, { context }).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      // Cleared before subscribers hear about it, so a following navigation sees no session.
      tap(() => this.clearSession()),
    );
  }

  clearSession(): void {
    this.token.set(null);
    this.currentUser.set(null);
  }

  private loadCurrentUser(): Observable<CurrentUser> {
    const context = new HttpContext().set(RETRY_ON_UNAUTHORIZED, false);
    return this.http.get<CurrentUser>(ME_URL, { context }).pipe(tap((user) => this.currentUser.set(user)));
  }
}
