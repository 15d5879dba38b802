import type { Routes } from '@angular/router';
import { ClientsPage } from './pages/clients-page';

export const CLIENTS_ROUTES: Routes = [{ path: '', title: 'Mijn cliënten', component: ClientsPage }];
