import { type ModulePolicy } from '../../authz/policy.types';

/** Functioneel beheer manages staff accounts; nobody else sees them (own account via /auth/me). */
export const usersPolicy: ModulePolicy = {
  module: 'users',
  subjects: ['User'],
  byRole: {
    admin: ({ can }) => can('manage', 'User'),
  },
};
