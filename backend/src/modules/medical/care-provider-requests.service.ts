import { randomUUID } from 'node:crypto';

import { ForbiddenException, Injectable } from '@nestjs/common';
import { type CareProviderKind, type CareProviderRequestView, medicalAad } from '@werkpad/shared';

import { type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import {
  ConsentCheck,
  isConsentValidOn,
  missingConsentMessage,
  todayInAmsterdam,
} from '../consents/consent-check.service';
import { type CreateCareProviderRequestDto } from './dto/medical.dto';
import { MedicalCrypto } from './medical-crypto';
import { MedicalDatabase } from './medical-database';
import { findAssignedTrajectory, userName } from './medical-records.service';

interface RequestRow {
  id: string;
  trajectory_id: string;
  provider_kind: CareProviderKind;
  provider_encrypted: Buffer;
  question_encrypted: Buffer;
  consent_id: string;
  requested_on: string;
  requested_by: string;
  requested_by_name: string;
  created_at: Date;
}

const REQUEST_COLUMNS = `c.id, c.trajectory_id, c.provider_kind, c.provider_encrypted, c.question_encrypted,
  c.consent_id, c.requested_on::text AS requested_on, c.requested_by, c.created_at,
  ${userName('c.requested_by')} AS requested_by_name`;

/**
 * Data requests to a GP or other care provider (R-MED-04): registered only after the client's
 * written consent for `gp_data_request` is recorded, and the request names that consent.
 *
 * Which consent counts: valid on the day of the request and still valid today (a withdrawal stops
 * every new registration, whatever its date), written, and, when the consent names a recipient,
 * only for that care provider (compared case-insensitively with `provider`). A consent without a
 * recipient covers any care provider. The database checks the same consent again on insert.
 */
@Injectable()
export class CareProviderRequestsService {
  constructor(
    private readonly database: MedicalDatabase,
    private readonly crypto: MedicalCrypto,
    private readonly consents: ConsentCheck,
  ) {}

  list(actor: AuthenticatedUser, trajectoryId: string): Promise<CareProviderRequestView[]> {
    return this.database.transaction(actor.id, async (query) => {
      const trajectory = await findAssignedTrajectory(query, trajectoryId);
      const rows = await query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM medical.care_provider_request c
          WHERE c.trajectory_id = $1 ORDER BY c.requested_on DESC, c.created_at DESC, c.id`,
        [trajectory.id],
      );
      return rows.map((row) => this.toView(row));
    });
  }

  create(
    actor: AuthenticatedUser,
    trajectoryId: string,
    dto: CreateCareProviderRequestDto,
  ): Promise<CareProviderRequestView> {
    return this.database.transaction(actor.id, async (query) => {
      const trajectory = await findAssignedTrajectory(query, trajectoryId, { forWriting: true });
      const consent = await this.consents.findValid(trajectory.clientId, 'gp_data_request', {
        on: dto.requestedOn,
        recipient: dto.provider,
      });
      if (!consent || consent.form !== 'written' || !isConsentValidOn(consent, todayInAmsterdam())) {
        throw new ForbiddenException(missingConsentMessage('gp_data_request'));
      }
      const id = randomUUID();
      RequestContext.addAuditDetails({ objectId: id, ground: { kind: 'consent', reference: consent.id } });
      const provider = this.crypto.encrypt(dto.provider, medicalAad('care_provider_request', id, 'provider'));
      const rows = await query<RequestRow>(
        `INSERT INTO medical.care_provider_request AS c (id, trajectory_id, client_id, provider_kind,
           provider_encrypted, question_encrypted, key_id, consent_id, requested_on, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${REQUEST_COLUMNS}`,
        [
          id,
          trajectory.id,
          trajectory.clientId,
          dto.providerKind,
          provider.ciphertext,
          this.crypto.encrypt(dto.question, medicalAad('care_provider_request', id, 'question')).ciphertext,
          provider.keyId,
          consent.id,
          dto.requestedOn,
          actor.id,
        ],
      );
      return this.toView(rows[0]);
    });
  }

  private toView(row: RequestRow): CareProviderRequestView {
    return {
      id: row.id,
      trajectoryId: row.trajectory_id,
      providerKind: row.provider_kind,
      provider: this.crypto.decrypt(
        row.provider_encrypted,
        medicalAad('care_provider_request', row.id, 'provider'),
      ),
      question: this.crypto.decrypt(
        row.question_encrypted,
        medicalAad('care_provider_request', row.id, 'question'),
      ),
      consentId: row.consent_id,
      requestedOn: row.requested_on,
      requestedBy: row.requested_by,
      requestedByName: row.requested_by_name,
      createdAt: row.created_at.toISOString(),
    };
  }
}
