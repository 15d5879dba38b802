/** Endpoints that work without a bearer token: adding one is pointless and retrying them on 401 would loop. */
export const LOGIN_URL = '/api/auth/login';
export const REFRESH_URL = '/api/auth/refresh';
export const LOGOUT_URL = '/api/auth/logout';
export const ME_URL = '/api/auth/me';

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}

export function isTokenlessAuthUrl(url: string): boolean {
  return url === LOGIN_URL || url === REFRESH_URL;
}
