import {
  CLIENT_FIELD_CATEGORIES,
  type ClientDetail,
  type ClientSummary,
  type ClientView,
  DATA_CATEGORIES,
  type DataCategory,
  maskBsn,
  maskIban,
} from '@werkpad/shared';

import { type AuditGround } from '../../audit/audit-event';
import { projectByCategory, visibleCategories } from '../../authz/category-projection';
import { type AppAbility } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { type AccessibleClient } from './client-access.service';

/** Decrypts a stored field (FieldCrypto.decrypt); only called for a category that is shown. */
export type Decrypt = (stored: Buffer) => string;

/** The fields of a caseload row (ClientSummary); each is shown only with its category. */
const SUMMARY_CATEGORIES: ReadonlySet<DataCategory> = new Set(['identity', 'contact', 'progress']);

/** Categories that have a field in a client response; `categories` of a view names those shown. */
const FIELD_CATEGORIES: ReadonlySet<string> = new Set(Object.values(CLIENT_FIELD_CATEGORIES));

/** A caseload row as the list query selects it. */
export interface ListRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  bsnEncrypted: Buffer;
  city: string;
  coachId: string | null;
  coachName: string | null;
  incomeConsultantId: string | null;
  openTrajectoryTypes: ClientSummary['openTrajectoryTypes'];
  payrollScope: boolean;
  inIntake: boolean;
  expertiseUserIds: string[];
}

/** The fields the caller may see, plus what identifies the client and its caseload (always sent). */
function projected(
  fields: ClientSummary | ClientDetail,
  visible: ReadonlySet<DataCategory>,
  categories: readonly DataCategory[],
): ClientView {
  return {
    ...projectByCategory(fields, CLIENT_FIELD_CATEGORIES, visible),
    id: fields.id,
    coachId: fields.coachId,
    incomeConsultantId: fields.incomeConsultantId,
    categories,
  };
}

/** The ground of every client request: the caller's roles under clients.policy. */
export function policyGround(): AuditGround {
  const roles = RequestContext.current()?.user?.roles ?? [];
  return { kind: 'role_policy', reference: `clients.policy (${roles.join(', ')})` };
}

/** One caseload row, shaped by the categories the caller may see of that client. */
export function summaryView(ability: AppAbility, row: ListRow, decrypt: Decrypt): ClientView {
  const visible = visibleCategories(ability, 'read', 'Client', {
    coachId: row.coachId,
    incomeConsultantId: row.incomeConsultantId,
    payrollScope: row.payrollScope,
    inIntake: row.inIntake,
    expertiseUserIds: row.expertiseUserIds,
  });
  const summary: ClientSummary = {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    dateOfBirth: row.dateOfBirth,
    bsnMasked: visible.has('identity') ? maskBsn(decrypt(row.bsnEncrypted)) : '',
    city: row.city,
    coachId: row.coachId,
    coachName: row.coachName,
    incomeConsultantId: row.incomeConsultantId,
    openTrajectoryTypes: row.openTrajectoryTypes,
  };
  return projected(
    summary,
    visible,
    DATA_CATEGORIES.filter((category) => SUMMARY_CATEGORIES.has(category) && visible.has(category)),
  );
}

/**
 * The whole file projected on the readable categories. The BSN is decrypted only when identity
 * is shown, the IBAN only when payroll is; both leave the server masked.
 */
export function fileView(access: AccessibleClient, coachName: string | null, decrypt: Decrypt): ClientView {
  const { client, readable } = access;
  const detail: ClientDetail = {
    id: client.id,
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: client.dateOfBirth,
    bsnMasked: readable.has('identity') ? maskBsn(decrypt(client.bsnEncrypted)) : '',
    nationality: client.nationality,
    city: client.city,
    street: client.street,
    houseNumber: client.houseNumber,
    postcode: client.postcode,
    phone: client.phone,
    email: client.email,
    coachId: client.coachId,
    coachName,
    incomeConsultantId: client.incomeConsultantId,
    openTrajectoryTypes: client.openTrajectoryTypes,
    dutchLanguageLevel: client.dutchLanguageLevel,
    inburgeringStatus: client.inburgeringStatus,
    drivingLicence: client.drivingLicence,
    transport: client.transport,
    availabilityHoursPerWeek: client.availabilityHoursPerWeek,
    availabilityNotes: client.availabilityNotes,
    cvLink: client.cvLink,
    educationLevel: client.educationLevel,
    hasDebts: client.hasDebts,
    debtNotes: client.debtNotes,
    lifeDomainsNotes: client.lifeDomainsNotes,
    functionalLimitations: client.functionalLimitations,
    religiousFunction: client.religiousFunction,
    ibanMasked:
      readable.has('payroll') && client.ibanEncrypted ? maskIban(decrypt(client.ibanEncrypted)) : null,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
  return {
    ...projected(
      detail,
      readable,
      DATA_CATEGORIES.filter((category) => readable.has(category) && FIELD_CATEGORIES.has(category)),
    ),
    // What the caller may read of this client anywhere in the file (dossier, trajectories too), so
    // the UI can say what it does not show; never medical (no client rule grants it).
    readableCategories: DATA_CATEGORIES.filter((category) => readable.has(category)),
  };
}
