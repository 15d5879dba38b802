import type { Routes } from '@angular/router';
import { ResearchListPage } from './pages/research-list-page';
import { WorkspacePage } from './pages/workspace-page';

/** Under /expertise, which app.routes limits to read ExpertiseTrajectory (the Expertisecentrum). */
export const EXPERTISE_ROUTES: Routes = [
  { path: '', title: 'Mijn onderzoeken', component: ResearchListPage },
  // The title names the page, never the client (titles end up in browser history).
  { path: 'trajectories/:trajectoryId', title: 'Onderzoek', component: WorkspacePage },
];

/** Under /beheer/arbeidsdiagnoses, limited to assign ExpertiseTrajectory (functioneel beheer). */
export const EXPERTISE_ADMIN_ROUTES: Routes = [
  {
    path: '',
    title: 'Arbeidsdiagnoses toewijzen',
    loadComponent: () => import('./pages/assignments-page').then((m) => m.AssignmentsPage),
  },
];
