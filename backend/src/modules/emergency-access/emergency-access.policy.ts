import { type DataCategory, type Role } from '@werkpad/shared';

import { type ModulePolicy } from '../../authz/policy.types';
import { COACH_CATEGORIES, INCOME_CONSULTANT_CATEGORIES } from '../clients/clients.policy';

/**
 * What an active emergency grant lets a role read of the client: the role's own normal categories
 * (without the intake extras), never `medical` (issue 6, item 4; R-MED-01). Read only: no grant
 * ever adds an `update` rule. AbilityFactory turns this into one rule per role over the granted
 * client ids; a role absent here cannot hold a grant.
 */
export const EMERGENCY_READ_CATEGORIES: Readonly<Partial<Record<Role, readonly DataCategory[]>>> = {
  coach: COACH_CATEGORIES.filter((category) => category !== 'medical'),
  income_consultant: INCOME_CONSULTANT_CATEGORIES.filter((category) => category !== 'medical'),
};

/**
 * Break-the-glass (issue 6, item 4): coaches and income consultants may open one client outside
 * their scope for a limited time, stating a reason; they see and end only their own grants.
 */
export const emergencyAccessPolicy: ModulePolicy = {
  module: 'emergency-access',
  subjects: ['EmergencyAccess'],
  byRole: {
    coach: ({ can, user }) => {
      can('create', 'EmergencyAccess');
      can('read', 'EmergencyAccess', { userId: user.id });
      can('update', 'EmergencyAccess', { userId: user.id });
    },
    income_consultant: ({ can, user }) => {
      can('create', 'EmergencyAccess');
      can('read', 'EmergencyAccess', { userId: user.id });
      can('update', 'EmergencyAccess', { userId: user.id });
    },
  },
};
