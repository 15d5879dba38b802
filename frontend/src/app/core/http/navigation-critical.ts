import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks a call the page cannot be shown without (e.g. loading the list a page is about). When such
 * a call fails unexpectedly the user gets the error page; other calls (form submits) report inline.
 */
export const NAVIGATION_CRITICAL = new HttpContextToken<boolean>(() => false);

export function navigationCritical(): HttpContext {
  return new HttpContext().set(NAVIGATION_CRITICAL, true);
}
