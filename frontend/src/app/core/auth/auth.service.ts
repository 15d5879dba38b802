import { HttpClient, HttpContext } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CurrentUser,
  LoginRequest,
  MfaChallenge,
  MfaEnrollment,
  MfaVerifyRequest,
  TokenResponse,
} from '@werkpad/shared';
import { catchError, finalize, firstValueFrom, map, type Observable, of, share, switchMap, tap } from 'rxjs';
import { buildAbility } from './ability';
import {
  LOGIN_URL,
  LOGOUT_URL,
  ME_URL,
  MFA_ENROLLMENT_URL,
  MFA_VERIFY_URL,
  REFRESH_URL,
} from './auth-endpoints';
import { RETRY_ON_UNAUTHORIZED } from './http-context';

/** What the password step ends in: signed in, or (log readers) a second step with a code. */
export type LoginOutcome =
  | { readonly kind: 'signedIn'; readonly user: CurrentUser }
  | { readonly kind: 'mfa'; readonly challenge: MfaChallenge };

function isMfaChallenge(response: TokenResponse | MfaChallenge): response is MfaChallenge {
  return 'mfaToken' in response;
}

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

  login(request: LoginRequest): Observable<LoginOutcome> {
    return this.http
      .post<TokenResponse | MfaChallenge>(LOGIN_URL, request)
      .pipe(
        switchMap((response) =>
          isMfaChallenge(response)
            ? of<LoginOutcome>({ kind: 'mfa', challenge: response })
            : this.startSession(response).pipe(map((user): LoginOutcome => ({ kind: 'signedIn', user }))),
        ),
      );
  }

  /** A new secret and its QR code for the authenticator app (first login of a log reader). */
  startMfaEnrollment(mfaToken: string): Observable<MfaEnrollment> {
    return this.http.post<MfaEnrollment>(MFA_ENROLLMENT_URL, { mfaToken });
  }

  /** The code from the authenticator app completes the login; the session starts as after a password. */
  verifyMfa(request: MfaVerifyRequest): Observable<CurrentUser> {
    return this.http
      .post<TokenResponse>(MFA_VERIFY_URL, request)
      .pipe(switchMap((response) => this.startSession(response)));
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

  private startSession(response: TokenResponse): Observable<CurrentUser> {
    this.token.set(response.accessToken);
    return this.loadCurrentUser().pipe(
      // A token without a user is no session: do not leave half of one behind.
      tap({ error: () => this.clearSession() }),
    );
  }

  private loadCurrentUser(): Observable<CurrentUser> {
    const context = new HttpContext().set(RETRY_ON_UNAUTHORIZED, false);
    return this.http.get<CurrentUser>(ME_URL, { context }).pipe(tap((user) => this.currentUser.set(user)));
  }
}
