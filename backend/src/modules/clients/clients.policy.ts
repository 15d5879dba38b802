import { type ModulePolicy } from '../../authz/policy.types';

/**
 * Client files. A coach sees the clients of their own caseload only (RULES.md §1, need-to-know).
 * Admin sees no client content at all; the other roles get their views in later modules.
 */
export const clientsPolicy: ModulePolicy = {
  module: 'clients',
  subjects: ['Client'],
  byRole: {
    coach: ({ can, user }) => can('read', 'Client', { coachId: user.id }),
  },
};
