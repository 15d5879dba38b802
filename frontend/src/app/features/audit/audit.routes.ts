import type { Routes } from '@angular/router';
import { AuditVerifyPage } from './pages/audit-verify-page';

export const AUDIT_ROUTES: Routes = [{ path: '', title: 'Auditlog controleren', component: AuditVerifyPage }];
