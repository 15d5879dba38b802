import type { Routes } from '@angular/router';
import { abilityGuard } from '../../core/auth/auth.guards';
import { ConsentRegisterPage } from './pages/consent-register-page';
import { DisclosureRegisterPage } from './pages/disclosure-register-page';

/**
 * Under /registers, which app.routes already limits to the FG (read AuditEvent). Each register also
 * needs its own read right: coaches may read disclosures and consents too, but only their clients'.
 */
export const REGISTERS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'verstrekkingen' },
  {
    path: 'verstrekkingen',
    title: 'Verstrekkingenregister',
    canActivate: [abilityGuard],
    data: { ability: ['read', 'Disclosure'] },
    component: DisclosureRegisterPage,
  },
  {
    path: 'toestemmingen',
    title: 'Toestemmingenregister',
    canActivate: [abilityGuard],
    data: { ability: ['read', 'Consent'] },
    component: ConsentRegisterPage,
  },
];
