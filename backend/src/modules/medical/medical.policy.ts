import { type ModulePolicy } from '../../authz/policy.types';

/**
 * Medical records and care provider requests of the Expertisecentrum (R-MED-01). Only `expertise`
 * works with them at all; which trajectories follows from the assignment, checked by the medical
 * module and again by the database's row-level security. Every other role, admin, dpo and
 * management included, has nothing here, and the routes use @HiddenPolicy so they answer 404.
 */
export const medicalPolicy: ModulePolicy = {
  module: 'medical',
  subjects: ['MedicalRecord'],
  byRole: {
    expertise: ({ can }) => {
      can('read', 'MedicalRecord');
      can('create', 'MedicalRecord');
      can('update', 'MedicalRecord');
    },
  },
};
