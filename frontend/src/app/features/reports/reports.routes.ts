import type { Routes } from '@angular/router';
import { ReportExportPage } from './pages/report-export-page';

export const REPORTS_ROUTES: Routes = [
  { path: '', title: 'Rapportages exporteren', component: ReportExportPage },
];
