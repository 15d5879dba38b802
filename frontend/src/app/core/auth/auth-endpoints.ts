/** Endpoints that work without a bearer token: adding one is pointless and retrying them on 401 would loop. */
export const LOGIN_URL = '/api/auth/login';
export const REFRESH_URL = '/api/auth/refresh';
export const LOGOUT_URL = '/api/auth/logout';
export const ME_URL = '/api/auth/me';
/** The second login step of log readers (dpo): set up the authenticator app, then type its code. */
export const MFA_ENROLLMENT_URL = '/api/auth/mfa/enrollment';
export const MFA_VERIFY_URL = '/api/auth/mfa/verify';

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}

export function isTokenlessAuthUrl(url: string): boolean {
  return url === LOGIN_URL || url === REFRESH_URL || url === MFA_ENROLLMENT_URL || url === MFA_VERIFY_URL;
}
