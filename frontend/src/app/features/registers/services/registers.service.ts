import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConsentRegisterEntry,
  ConsentRegisterQuery,
  DisclosureRegisterQuery,
  DisclosureView,
  Page,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { navigationCritical } from '../../../core/http/navigation-critical';

type QueryValue = string | number | boolean | undefined;

/** Leaves unset filters out of the URL: the API reads an empty value as a (wrong) filter. */
function toParams(query: Readonly<Record<string, QueryValue>>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params = params.set(key, value);
  }
  return params;
}

/** The FG's registers across clients: metadata only, the API never sends client names here. */
@Injectable({ providedIn: 'root' })
export class RegistersService {
  private readonly http = inject(HttpClient);

  disclosures(query: DisclosureRegisterQuery): Observable<Page<DisclosureView>> {
    // unreviewedReports=false would still be a filter to a reader of the URL; only "true" is sent.
    const params = toParams({ ...query, unreviewedReports: query.unreviewedReports ? true : undefined });
    return this.http.get<Page<DisclosureView>>('/api/disclosures', { params, context: navigationCritical() });
  }

  consents(query: ConsentRegisterQuery): Observable<Page<ConsentRegisterEntry>> {
    return this.http.get<Page<ConsentRegisterEntry>>('/api/consents', {
      params: toParams({ ...query }),
      context: navigationCritical(),
    });
  }
}
