import type { Routes } from '@angular/router';
import { RetentionPage } from './pages/retention-page';

export const RETENTION_ROUTES: Routes = [{ path: '', title: 'Bewaartermijnen', component: RetentionPage }];
