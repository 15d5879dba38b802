import { DATA_CATEGORIES, type DataCategory } from '@werkpad/shared';

import { type ModulePolicy } from '../../authz/policy.types';

/** Everything a file can hold except what belongs elsewhere: medical (R-MED-01) and payroll. */
export const COACH_CATEGORIES: readonly DataCategory[] = DATA_CATEGORIES.filter(
  (category) => !['medical', 'payroll', 'account'].includes(category),
);

/** R-SHARE-03: whether finding work succeeds and whether that affects the benefit. */
export const INCOME_CONSULTANT_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'progress',
  'benefit_impact',
  // R-MED-02: the outcome/advice of the Expertisecentrum (only a final one, see expertise module).
  'diagnosis_outcome',
];

/**
 * R-SHARE-03, intake exception: the data needed to determine the right to benefit and the route.
 * Not coaching notes, functional health limitations or religion (see docs/decisions.md).
 */
export const INTAKE_EXTRA_CATEGORIES: readonly DataCategory[] = [
  'work_history',
  'education',
  'availability_transport',
  'financial',
  'language_inburgering',
  'life_domains',
];

/** Payroll acts as employer: identity (BSN, bank account), address for payslips, payroll data. */
export const PAYROLL_CATEGORIES: readonly DataCategory[] = ['identity', 'contact', 'payroll'];

export const MANAGEMENT_CATEGORIES: readonly DataCategory[] = ['identity', 'progress'];

/**
 * The Expertisecentrum (R-MED-01, R-MED-05): whom it researches, how to reach them, what they can
 * and cannot do at work, and its own outcome. Never coaching notes, dossier documents or payroll.
 * The medical records themselves are not a client category here: they live in schema `medical`.
 */
export const EXPERTISE_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'health_functional',
  'diagnosis_outcome',
];

/**
 * Client files (RULES.md §1). What a role sees of a client is declared per data category (the
 * rule's fields); which clients, by conditions on the client's own columns, so the same rules
 * scope lists in SQL. Nobody reads `medical` here: that is the Expertisecentrum's (issue 5).
 */
export const clientsPolicy: ModulePolicy = {
  module: 'clients',
  subjects: ['Client', 'Document', 'JobcoachingFile'],
  byRole: {
    coach: ({ can, user }) => {
      // Own caseload only; a coach registers new clients into their own caseload.
      can('read', 'Client', [...COACH_CATEGORIES], { coachId: user.id }).because(
        'Trajectbegeleider: cliënt in de eigen caseload (clients.policy)',
      );
      can('update', 'Client', [...COACH_CATEGORIES], { coachId: user.id });
      can('create', 'Client', { coachId: user.id });
      can('reveal', 'Client', { coachId: user.id });
      can('read', 'Document');
      can('create', 'Document');
      // R-SHARE-04: the jobcoaching file is between client, coach and (by disclosure) the employer.
      can('read', 'JobcoachingFile');
    },
    income_consultant: ({ can, user }) => {
      can('read', 'Client', [...INCOME_CONSULTANT_CATEGORIES], { incomeConsultantId: user.id }).because(
        'Inkomensconsulent: gekoppelde cliënt; alleen werk, voortgang en gevolgen voor de uitkering (R-SHARE-03)',
      );
      can('read', 'Client', [...INTAKE_EXTRA_CATEGORIES], {
        incomeConsultantId: user.id,
        inIntake: true,
      }).because('Inkomensconsulent: lopende intake, gegevens voor recht op uitkering en route (R-SHARE-03)');
      // The benefit system is keyed by BSN.
      can('reveal', 'Client', { incomeConsultantId: user.id });
      can('read', 'Document');
    },
    payroll: ({ can }) => {
      // Only clients employed under WSW / beschut werk or placed with loonkostensubsidie.
      can('read', 'Client', [...PAYROLL_CATEGORIES], { payrollScope: true }).because(
        'Salarisadministratie: cliënt met beschut werk of loonkostensubsidie (werkgeverstaak)',
      );
      can('update', 'Client', ['payroll'], { payrollScope: true });
      can('reveal', 'Client', { payrollScope: true });
      can('read', 'Document');
      can('create', 'Document');
    },
    management: ({ can }) => {
      // Identity and progress of every client; no notes, no documents (no Document rule).
      can('read', 'Client', [...MANAGEMENT_CATEGORIES]).because(
        'Management: identiteit en voortgang van alle cliënten',
      );
    },
    expertise: ({ can, user }) => {
      // Clients with an arbeidsdiagnose trajectory assigned to this user (`expertiseUserIds` is kept
      // by the trajectory trigger). `$all` = the array contains the user; sql-scope.ts translates it.
      // No `update` rule: functional capabilities are added through their own route (create
      // FunctionalCapability, expertise.policy), never by editing the file.
      can('read', 'Client', [...EXPERTISE_CATEGORIES], { expertiseUserIds: { $all: [user.id] } }).because(
        'Expertisecentrum: cliënt met een arbeidsdiagnose die aan u is toegewezen (R-MED-01)',
      );
    },
    admin: ({ can }) => {
      // Caseload assignment needs to recognise the person (name, date of birth), nothing of the file.
      can('read', 'Client', ['identity']).because(
        'Functioneel beheer: herkennen van de persoon bij toewijzing',
      );
      can('assign', 'Client');
    },
  },
};
