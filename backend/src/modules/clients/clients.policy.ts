import { type ModulePolicy } from '../../authz/policy.types';

/**
 * Client files. A coach sees the clients of their own caseload only (RULES.md §1, need-to-know).
 * Admin sees no client content at all; the other roles get their views in later modules.
 * What a role sees of a client is declared per data category (the rule's fields).
 */
export const clientsPolicy: ModulePolicy = {
  module: 'clients',
  subjects: ['Client'],
  byRole: {
    // Categories are CASL fields; issue 3 widens this to the coach's full file (never medical).
    coach: ({ can, user }) => can('read', 'Client', ['identity', 'contact'], { coachId: user.id }),
  },
};
