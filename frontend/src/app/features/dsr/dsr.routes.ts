import type { Routes } from '@angular/router';
import { DsrDetailPage } from './pages/dsr-detail-page';
import { DsrListPage } from './pages/dsr-list-page';

export const DSR_ROUTES: Routes = [
  { path: '', title: 'Verzoeken van betrokkenen', component: DsrListPage },
  { path: ':id', title: 'Verzoek van een betrokkene', component: DsrDetailPage },
];
