import { type ModulePolicy } from '../../authz/policy.types';

/**
 * R-RET-01..06. The records manager (functioneel beheer, `admin`) keeps the retention policy, sets
 * and lifts legal holds, prepares and reviews the destruction list and starts an approved run. The
 * FG (`dpo`) approves the list as the second person (Archiefbesluit art. 8: a reviewed, recorded
 * act) and reads lists and certificates, with pseudonymous dossier references only. Coaches and
 * income consultants see the dates and holds of the clients they may open (through ClientAccess).
 */
export const retentionPolicy: ModulePolicy = {
  module: 'retention',
  subjects: ['RetentionPolicy', 'LegalHold', 'DestructionList'],
  byRole: {
    admin: ({ can }) => {
      can('read', 'RetentionPolicy');
      can('update', 'RetentionPolicy');
      can('read', 'LegalHold');
      can('create', 'LegalHold');
      can('update', 'LegalHold');
      can('read', 'DestructionList');
      can('create', 'DestructionList');
      can('update', 'DestructionList');
    },
    dpo: ({ can }) => {
      can('read', 'RetentionPolicy');
      can('read', 'DestructionList');
      can('approve', 'DestructionList');
    },
    coach: ({ can }) => can('read', 'LegalHold'),
    income_consultant: ({ can }) => can('read', 'LegalHold'),
  },
};
