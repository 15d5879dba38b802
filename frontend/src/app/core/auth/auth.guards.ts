import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import { allows, type AbilityRequirement } from './ability';
import { AuthService } from './auth.service';

/** Lets signed-in users through; others go to the login page, which returns them here afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).isAuthenticated()) return true;
  // Home is where a login goes anyway; leaving it out keeps the common case at a clean /inloggen.
  const queryParams = state.url === '/' ? {} : { returnUrl: state.url };
  return inject(Router).createUrlTree(['/inloggen'], { queryParams });
};

/** Keeps a signed-in user off the login page. */
export const guestGuard: CanActivateFn = () =>
  inject(AuthService).isAuthenticated() ? inject(Router).createUrlTree(['/']) : true;

/**
 * Checks `data.ability` (e.g. `['manage', 'User']`) against the user's rules. This only spares the
 * user a page full of 403s; the API enforces the same rules on every call.
 */
export const abilityGuard: CanActivateFn = (route) => {
  const requirement = route.data['ability'] as AbilityRequirement | undefined;
  if (allows(inject(AuthService).ability(), requirement)) return true;
  return inject(Router).createUrlTree(['/geen-toegang']);
};
