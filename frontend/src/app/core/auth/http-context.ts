import { HttpContextToken } from '@angular/common/http';

/**
 * Set to false for calls whose 401 must not trigger the refresh-and-retry dance, e.g. the calls
 * that make up logging in or out themselves (a 401 there is an answer, not an expired session).
 */
export const RETRY_ON_UNAUTHORIZED = new HttpContextToken<boolean>(() => true);
