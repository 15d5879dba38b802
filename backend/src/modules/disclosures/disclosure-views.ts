import { type DisclosureView } from '@werkpad/shared';
import { type EntityManager, type SelectQueryBuilder } from 'typeorm';

import { Disclosure } from './disclosure.entity';

export interface DisclosureViewRow {
  disclosed_by_name: string | null;
}

export function distinct<T>(values: readonly (T | null)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== null))];
}

/** Disclosures with the name of who disclosed them (the register's metadata, never the package). */
export function disclosureViewQuery(manager: EntityManager): SelectQueryBuilder<Disclosure> {
  return manager
    .getRepository(Disclosure)
    .createQueryBuilder('disclosure')
    .leftJoin('app_user', 'discloser', '"discloser"."id" = "disclosure"."disclosed_by"')
    .addSelect('"discloser"."display_name"', 'disclosed_by_name');
}

export function toDisclosureView(disclosure: Disclosure, disclosedByName: string | null): DisclosureView {
  return {
    id: disclosure.id,
    clientId: disclosure.clientId,
    trajectoryId: disclosure.trajectoryId,
    recipient: {
      type: disclosure.recipientType,
      organisation: disclosure.recipientOrganisation,
      ...(disclosure.recipientPerson ? { person: disclosure.recipientPerson } : {}),
      country: disclosure.recipientCountry,
    },
    categories: disclosure.categories,
    fields: disclosure.fields,
    channel: disclosure.channel,
    purpose: disclosure.purpose,
    ruleId: disclosure.ruleId,
    ruleVersion: disclosure.ruleVersion,
    legalBasis: disclosure.legalBasis,
    consentId: disclosure.consentId,
    disclosedBy: disclosure.disclosedBy,
    disclosedByName: disclosedByName ?? '',
    disclosedAt: disclosure.disclosedAt.toISOString(),
    digest: disclosure.digest.toString('hex'),
    isReport: disclosure.isReport,
    reviewStatus: disclosure.reviewStatus,
    shownToClientOn: disclosure.shownToClientOn,
  };
}
