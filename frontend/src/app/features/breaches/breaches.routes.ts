import type { Routes } from '@angular/router';
import { BreachRegisterPage } from './pages/breach-register-page';

export const BREACHES_ROUTES: Routes = [{ path: '', title: 'Datalekken', component: BreachRegisterPage }];
