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
        // R-AUD-05; listed before any /fg route of the FG's workplace, so its own path wins.
        path: 'fg/datalekken',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'DataBreach'] },
        loadChildren: () => import('./features/breaches/breaches.routes').then((m) => m.BREACHES_ROUTES),
      },
      {
        path: 'fg/verwerkingsregister',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'ProcessingRegister'] },
        loadChildren: () =>
          import('./features/processing-register/processing-register.routes').then(
            (m) => m.PROCESSING_REGISTER_ROUTES,
          ),
      },
      {
        // R-RET-01..05: retention and destruction, for the records manager and the FG.
        path: 'bewaartermijnen',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'DestructionList'] },
        loadChildren: () => import('./features/retention/retention.routes').then((m) => m.RETENTION_ROUTES),
      },
      {
        // Issue 9 (R-DSR): the privacy desk handles data-subject requests; the FG follows them.
        path: 'verzoeken',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'DataSubjectRequest'] },
        loadChildren: () => import('./features/dsr/dsr.routes').then((m) => m.DSR_ROUTES),
      },
      {
        // R-REP-01: management's export of progress reports.
        path: 'rapportages',
        canActivate: [abilityGuard],
        data: { ability: ['export', 'ReportExport'] },
        loadChildren: () => import('./features/reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        // Break-the-glass for coaches and income consultants; the FG reviews every use.
        path: 'noodtoegang',
        canActivate: [abilityGuard],
        data: { ability: ['create', 'EmergencyAccess'] },
        loadChildren: () => import('./features/emergency/emergency.routes').then((m) => m.EMERGENCY_ROUTES),
      },
      {
        // The FG's workplace: dashboard, access-log search, client access overview, findings. After the
        // other /fg/… routes: the router tries those first and falls through to this one.
        path: 'fg',
        canActivate: [abilityGuard],
        data: { ability: ['read', 'AuditEvent'] },
        loadChildren: () => import('./features/fg/fg.routes').then((m) => m.FG_ROUTES),
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
