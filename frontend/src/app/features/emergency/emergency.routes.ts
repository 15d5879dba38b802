import type { Routes } from '@angular/router';
import { EmergencyAccessPage } from './pages/emergency-access-page';

export const EMERGENCY_ROUTES: Routes = [{ path: '', title: 'Noodtoegang', component: EmergencyAccessPage }];
