import type { Routes } from '@angular/router';
import { AccessLogPage } from './pages/access-log-page';
import { ClientAccessPage } from './pages/client-access-page';
import { ClientLookupPage } from './pages/client-lookup-page';
import { FgDashboardPage } from './pages/fg-dashboard-page';
import { FindingsPage } from './pages/findings-page';

/**
 * The FG's workplace under /fg, which app.routes limits to read AuditEvent (the FG's mark). The
 * overview has its own path so that its menu link is not also "current" on the pages below it. No
 * wildcard here: other /fg/… pages (breaches, the audit check) are routed next to this feature.
 */
export const FG_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'overzicht' },
  { path: 'overzicht', title: 'FG-werkplek', component: FgDashboardPage },
  { path: 'toegangslog', title: 'Toegangslog', component: AccessLogPage },
  { path: 'toegangslog/clienten', title: 'Toegangsoverzicht van een cliënt', component: ClientLookupPage },
  { path: 'toegangslog/clienten/:clientId', title: 'Toegangsoverzicht cliënt', component: ClientAccessPage },
  { path: 'bevindingen', title: 'Bevindingen', component: FindingsPage },
];
