import type { Routes } from '@angular/router';
import { ProcessingRegisterPage } from './pages/processing-register-page';

export const PROCESSING_REGISTER_ROUTES: Routes = [
  { path: '', title: 'Verwerkingsregister', component: ProcessingRegisterPage },
];
