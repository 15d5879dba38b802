import type { Routes } from '@angular/router';
import { ClientFilePage } from './pages/client-file-page';
import { ClientsPage } from './pages/clients-page';

export const CLIENTS_ROUTES: Routes = [
  { path: '', title: 'Mijn cliënten', component: ClientsPage },
  // The title names the page, never the client (titles end up in browser history).
  { path: ':id', title: 'Cliëntdossier', component: ClientFilePage },
];
