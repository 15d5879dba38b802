import { Injectable } from '@nestjs/common';
import { CONSENT_PURPOSE_RULES, type ConsentPurpose } from '@werkpad/shared';

import { ClientAccess } from '../clients/client-access.service';
import { Consent } from './consent.entity';

/** Today's date in the Netherlands, as an ISO date (consents are given and withdrawn per day). */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** The message that names the missing consent (R-CONS-03). */
export function missingConsentMessage(purpose: ConsentPurpose): string {
  return `Er is geen geldige toestemming van de cliënt voor: ${CONSENT_PURPOSE_RULES[purpose].label.toLowerCase()}.`;
}

/**
 * SQL condition: the consent row `alias` is valid on the day `on` (a bound parameter such as
 * `:on` or `$3`). The one definition of "valid" in SQL, used by findValid and the FG register.
 */
export function consentValidOnSql(alias: string, on: string): string {
  return (
    `(${alias}.given_on <= ${on} AND (${alias}.valid_until IS NULL OR ${alias}.valid_until >= ${on})` +
    ` AND (${alias}.withdrawn_on IS NULL OR ${alias}.withdrawn_on > ${on}))`
  );
}

/** The same definition for a consent already loaded (ISO dates compare correctly as text). */
export function isConsentValidOn(
  consent: Pick<Consent, 'givenOn' | 'validUntil' | 'withdrawnOn'>,
  on: string,
): boolean {
  return (
    consent.givenOn <= on &&
    (consent.validUntil === null || consent.validUntil >= on) &&
    (consent.withdrawnOn === null || consent.withdrawnOn > on)
  );
}

/**
 * Whether a valid consent exists for a purpose on a day: given on or before it, not past its end
 * date, not withdrawn on or before it (R-CONS-02: a withdrawal counts from that day on). Every
 * consent-gated action asks here, so there is one definition of "valid".
 */
@Injectable()
export class ConsentCheck {
  constructor(private readonly access: ClientAccess) {}

  async findValid(
    clientId: string,
    purpose: ConsentPurpose,
    options: { on?: string; recipient?: string } = {},
  ): Promise<Consent | null> {
    const on = options.on ?? todayInAmsterdam();
    const query = this.access
      .manager()
      .getRepository(Consent)
      .createQueryBuilder('consent')
      .where('consent.clientId = :clientId', { clientId })
      .andWhere('consent.purpose = :purpose', { purpose })
      .andWhere(consentValidOnSql('consent', ':on'), { on });
    if (options.recipient) {
      // A consent that names a recipient covers that recipient only (case-insensitive).
      query.andWhere('(consent.recipient IS NULL OR lower(consent.recipient) = lower(:recipient))', {
        recipient: options.recipient,
      });
    }
    return query.orderBy('consent.givenOn', 'DESC').addOrderBy('consent.recordedAt', 'DESC').getOne();
  }
}
