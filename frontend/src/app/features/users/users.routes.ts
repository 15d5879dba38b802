import type { Routes } from '@angular/router';
import { UsersPage } from './pages/users-page';

export const USERS_ROUTES: Routes = [{ path: '', title: 'Gebruikersbeheer', component: UsersPage }];
