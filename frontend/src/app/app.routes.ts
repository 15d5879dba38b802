import type { Routes } from '@angular/router';
import { abilityGuard, authGuard, guestGuard } from './core/auth/auth.guards';

/** Titles name the page only; WerkpadTitleStrategy appends " – Werkpad". */
export const routes: Routes = [
  {
    path: 'inloggen',
    title: 'Inloggen',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/auth/pages/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Start',
        loadComponent: () => import('./features/home/pages/home-page').then((m) => m.HomePage),
      },
      {
        path: 'clienten',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'Client'] },
        loadChildren: () => import('./features/clients/clients.routes').then((m) => m.CLIENTS_ROUTES),
      },
      {
        path: 'beheer/gebruikers',
        canActivate: [abilityGuard],
        data: { ability: ['manage', 'User'] },
        loadChildren: () => import('./features/users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: 'beheer/arbeidsdiagnoses',
        canActivate: [abilityGuard],
        data: { ability: ['assign', 'ExpertiseTrajectory'] },
        loadChildren: () =>
          import('./features/expertise/expertise.routes').then((m) => m.EXPERTISE_ADMIN_ROUTES),
      },
      {
        // The Expertisecentrum's workspace; medical data never leaves it (R-MED-01).
        path: 'expertise',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'ExpertiseTrajectory'] },
        loadChildren: () => import('./features/expertise/expertise.routes').then((m) => m.EXPERTISE_ROUTES),
      },
      {
        path: 'fg/auditlog',
        canActivate: [abilityGuard],
        data: { ability: ['verify', 'AuditChain'] },
        loadChildren: () => import('./features/audit/audit.routes').then((m) => m.AUDIT_ROUTES),
      },
      {
        // The FG's registers span every client; read AuditEvent is the FG's mark (coaches may read
        // disclosures and consents of their own clients, not these registers).
        path: 'registers',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'AuditEvent'] },
        loadChildren: () => import('./features/registers/registers.routes').then((m) => m.REGISTERS_ROUTES),
      },
    ],
  },
  {
    path: 'fout',
    title: 'Er is iets misgegaan',
    loadComponent: () => import('./features/errors/pages/error-page').then((m) => m.ErrorPage),
  },
  {
    path: 'geen-toegang',
    title: 'Geen toegang',
    loadComponent: () => import('./features/errors/pages/forbidden-page').then((m) => m.ForbiddenPage),
  },
  {
    path: '**',
    title: 'Pagina niet gevonden',
    loadComponent: () => import('./features/errors/pages/not-found-page').then((m) => m.NotFoundPage),
  },
];
