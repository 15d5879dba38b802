import { randomUUID } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  medicalAad,
  type MedicalRecordKind,
  type MedicalRecordVersionView,
  type MedicalRecordView,
} from '@werkpad/shared';

import { type AuthenticatedUser } from '../../authz/policy.types';
import { RequestContext } from '../../common/request-context';
import { MedicalCrypto } from './medical-crypto';
import { MedicalDatabase, type MedicalQuery } from './medical-database';
import { type CreateMedicalRecordDto, type UpdateMedicalRecordDto } from './dto/medical.dto';

export const NOT_FOUND = 'Niet gevonden.';
export const TRAJECTORY_CLOSED =
  'Dit arbeidsdiagnosetraject is afgesloten: medische gegevens kunnen niet meer worden vastgelegd of gewijzigd.';
export const STALE_VERSION =
  'Dit medisch gegeven is intussen door iemand anders gewijzigd. Laad het opnieuw en breng uw wijziging opnieuw aan.';
export const NOTHING_TO_CHANGE =
  'Geef minstens één veld om te wijzigen (kind, recordedOn, title, body of source).';

/** An arbeidsdiagnose trajectory assigned to the signed-in expertise user. */
export interface AssignedTrajectory {
  readonly id: string;
  readonly clientId: string;
  readonly open: boolean;
}

interface RecordRow {
  id: string;
  trajectory_id: string;
  client_id: string;
  kind: MedicalRecordKind;
  recorded_on: string;
  title_encrypted: Buffer;
  body_encrypted: Buffer;
  source_encrypted: Buffer | null;
  key_id: string;
  version: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Date | null;
}

interface VersionRow {
  id: string;
  version: number;
  kind: MedicalRecordKind;
  recorded_on: string;
  title_encrypted: Buffer;
  body_encrypted: Buffer;
  source_encrypted: Buffer | null;
  written_by: string;
  written_by_name: string;
  written_at: Date;
  superseded_by: string;
  superseded_by_name: string;
  superseded_at: Date;
}

/** The display name of a user id column (the medical role may read names, not accounts). */
export const userName = (column: string): string =>
  `(SELECT u.display_name FROM public.app_user u WHERE u.id = ${column})`;

const RECORD_COLUMNS = `r.id, r.trajectory_id, r.client_id, r.kind, r.recorded_on::text AS recorded_on,
  r.title_encrypted, r.body_encrypted, r.source_encrypted, r.key_id, r.version, r.created_by, r.created_at,
  r.updated_by, r.updated_at, ${userName('r.created_by')} AS created_by_name,
  ${userName('r.updated_by')} AS updated_by_name`;

/**
 * Medical records of the Expertisecentrum (R-MED-01, R-MED-06). Everything goes through the module's
 * own connection in a transaction as the signed-in user, so the database's row-level security
 * applies on top of the checks here; content is encrypted before it leaves the process and
 * decrypted only to answer the assigned expertise user. Audit rows name ids and the category
 * `medical`, never content (R-AUD-04).
 */
@Injectable()
export class MedicalRecordsService {
  constructor(
    private readonly database: MedicalDatabase,
    private readonly crypto: MedicalCrypto,
  ) {}

  list(actor: AuthenticatedUser, trajectoryId: string): Promise<MedicalRecordView[]> {
    return this.database.transaction(actor.id, async (query) => {
      const trajectory = await findAssignedTrajectory(query, trajectoryId);
      const rows = await query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM medical.medical_record r
          WHERE r.trajectory_id = $1 ORDER BY r.recorded_on DESC, r.created_at DESC, r.id`,
        [trajectory.id],
      );
      return rows.map((row) => this.toView(row));
    });
  }

  create(
    actor: AuthenticatedUser,
    trajectoryId: string,
    dto: CreateMedicalRecordDto,
  ): Promise<MedicalRecordView> {
    return this.database.transaction(actor.id, async (query) => {
      const trajectory = await findAssignedTrajectory(query, trajectoryId, { forWriting: true });
      const id = randomUUID();
      RequestContext.addAuditDetails({ objectId: id });
      const title = this.crypto.encrypt(dto.title, medicalAad('medical_record', id, 'title'));
      const rows = await query<RecordRow>(
        `INSERT INTO medical.medical_record AS r (id, trajectory_id, client_id, kind, recorded_on, title_encrypted,
                                                   body_encrypted, source_encrypted, key_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${RECORD_COLUMNS}`,
        [
          id,
          trajectory.id,
          trajectory.clientId,
          dto.kind,
          dto.recordedOn,
          title.ciphertext,
          this.crypto.encrypt(dto.body, medicalAad('medical_record', id, 'body')).ciphertext,
          this.crypto.encryptOptional(dto.source ?? null, medicalAad('medical_record', id, 'source')),
          title.keyId,
          actor.id,
        ],
      );
      return this.toView(rows[0]);
    });
  }

  get(actor: AuthenticatedUser, recordId: string): Promise<MedicalRecordView> {
    return this.database.transaction(actor.id, async (query) =>
      this.toView(await findVisibleRecord(query, recordId)),
    );
  }

  /** The old version goes into the history in the same transaction as the change. */
  update(
    actor: AuthenticatedUser,
    recordId: string,
    dto: UpdateMedicalRecordDto,
  ): Promise<MedicalRecordView> {
    const changes = {
      kind: dto.kind,
      recordedOn: dto.recordedOn,
      title: dto.title,
      body: dto.body,
      source: dto.source,
    };
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new BadRequestException(NOTHING_TO_CHANGE);
    }
    return this.database.transaction(actor.id, async (query) => {
      const visible = await findVisibleRecord(query, recordId);
      const trajectory = await findAssignedTrajectory(query, visible.trajectory_id, { forWriting: true });
      // Lock the row; under READ COMMITTED this reads the latest committed version.
      const locked = await query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM medical.medical_record r WHERE r.id = $1 FOR UPDATE`,
        [recordId],
      );
      const current = locked[0];
      if (!current) throw new NotFoundException(NOT_FOUND);
      if (current.version !== dto.expectedVersion) throw new ConflictException(STALE_VERSION);

      const old = this.decryptRecord(current);
      const versionId = randomUUID();
      const versionAad = (column: 'title' | 'body' | 'source') =>
        medicalAad('medical_record_version', versionId, column);
      const oldTitle = this.crypto.encrypt(old.title, versionAad('title'));
      await query(
        `INSERT INTO medical.medical_record_version (id, record_id, trajectory_id, version, kind, recorded_on,
           title_encrypted, body_encrypted, source_encrypted, key_id, written_by, written_at, superseded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          versionId,
          current.id,
          trajectory.id,
          current.version,
          current.kind,
          current.recorded_on,
          oldTitle.ciphertext,
          this.crypto.encrypt(old.body, versionAad('body')).ciphertext,
          this.crypto.encryptOptional(old.source, versionAad('source')),
          oldTitle.keyId,
          current.updated_by ?? current.created_by,
          current.updated_at ?? current.created_at,
          actor.id,
        ],
      );

      const next = {
        kind: changes.kind ?? current.kind,
        recordedOn: changes.recordedOn ?? current.recorded_on,
        title: changes.title ?? old.title,
        body: changes.body ?? old.body,
        source: changes.source === undefined ? old.source : changes.source,
      };
      const aad = (column: 'title' | 'body' | 'source') => medicalAad('medical_record', current.id, column);
      // Every column is written anew under the current key, so the row keeps one key id.
      const title = this.crypto.encrypt(next.title, aad('title'));
      const rows = await query<RecordRow>(
        `UPDATE medical.medical_record AS r
            SET kind = $2, recorded_on = $3, title_encrypted = $4, body_encrypted = $5, source_encrypted = $6,
                key_id = $7, version = r.version + 1, updated_by = $8, updated_at = now()
          WHERE r.id = $1 AND r.version = $9
          RETURNING ${RECORD_COLUMNS}`,
        [
          current.id,
          next.kind,
          next.recordedOn,
          title.ciphertext,
          this.crypto.encrypt(next.body, aad('body')).ciphertext,
          this.crypto.encryptOptional(next.source, aad('source')),
          title.keyId,
          actor.id,
          current.version,
        ],
      );
      if (!rows[0]) throw new ConflictException(STALE_VERSION);
      return this.toView(rows[0]);
    });
  }

  versions(actor: AuthenticatedUser, recordId: string): Promise<MedicalRecordVersionView[]> {
    return this.database.transaction(actor.id, async (query) => {
      const record = await findVisibleRecord(query, recordId);
      const rows = await query<VersionRow>(
        `SELECT v.id, v.version, v.kind, v.recorded_on::text AS recorded_on, v.title_encrypted, v.body_encrypted,
                v.source_encrypted, v.written_by, v.written_at, v.superseded_by, v.superseded_at,
                ${userName('v.written_by')} AS written_by_name, ${userName('v.superseded_by')} AS superseded_by_name
           FROM medical.medical_record_version v
          WHERE v.record_id = $1 ORDER BY v.version DESC`,
        [record.id],
      );
      return rows.map((row) => {
        const aad = (column: 'title' | 'body' | 'source') =>
          medicalAad('medical_record_version', row.id, column);
        return {
          version: row.version,
          kind: row.kind,
          recordedOn: row.recorded_on,
          title: this.crypto.decrypt(row.title_encrypted, aad('title')),
          body: this.crypto.decrypt(row.body_encrypted, aad('body')),
          source: this.crypto.decryptOptional(row.source_encrypted, aad('source')),
          writtenBy: row.written_by,
          writtenByName: row.written_by_name,
          writtenAt: row.written_at.toISOString(),
          supersededBy: row.superseded_by,
          supersededByName: row.superseded_by_name,
          supersededAt: row.superseded_at.toISOString(),
        };
      });
    });
  }

  private decryptRecord(row: RecordRow): { title: string; body: string; source: string | null } {
    const aad = (column: 'title' | 'body' | 'source') => medicalAad('medical_record', row.id, column);
    return {
      title: this.crypto.decrypt(row.title_encrypted, aad('title')),
      body: this.crypto.decrypt(row.body_encrypted, aad('body')),
      source: this.crypto.decryptOptional(row.source_encrypted, aad('source')),
    };
  }

  private toView(row: RecordRow): MedicalRecordView {
    return {
      id: row.id,
      trajectoryId: row.trajectory_id,
      clientId: row.client_id,
      kind: row.kind,
      recordedOn: row.recorded_on,
      ...this.decryptRecord(row),
      version: row.version,
      createdBy: row.created_by,
      createdByName: row.created_by_name,
      createdAt: row.created_at.toISOString(),
      updatedBy: row.updated_by,
      updatedByName: row.updated_by_name,
      updatedAt: row.updated_at?.toISOString() ?? null,
    };
  }
}

/**
 * The trajectory, if it is an arbeidsdiagnose assigned to the signed-in expertise user (the same
 * test as the row-level security: medical.current_expertise_user()); 404 otherwise, so nobody
 * learns whether it exists. Writing needs it open: 409 when closed. Names the audit row's client.
 */
export async function findAssignedTrajectory(
  query: MedicalQuery,
  trajectoryId: string,
  options: { forWriting?: boolean } = {},
): Promise<AssignedTrajectory> {
  if (RequestContext.current()?.audit.objectId === undefined) {
    RequestContext.addAuditDetails({ objectId: trajectoryId });
  }
  const rows = await query<{ id: string; client_id: string; status: string }>(
    `SELECT t.id, t.client_id, t.status FROM public.trajectory t
      WHERE t.id = $1 AND t.type = 'arbeidsdiagnose' AND t.expertise_user_id = medical.current_expertise_user()`,
    [trajectoryId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException(NOT_FOUND);
  RequestContext.addAuditDetails({
    subjectClientIds: [row.client_id],
    categories: ['medical'],
    ground: { kind: 'trajectory', reference: row.id },
  });
  if (options.forWriting && row.status !== 'open') throw new ConflictException(TRAJECTORY_CLOSED);
  return { id: row.id, clientId: row.client_id, open: row.status === 'open' };
}

/** A record the row-level security lets the signed-in user see; 404 otherwise. */
async function findVisibleRecord(query: MedicalQuery, recordId: string): Promise<RecordRow> {
  RequestContext.addAuditDetails({ objectId: recordId });
  const rows = await query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM medical.medical_record r WHERE r.id = $1`,
    [recordId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundException(NOT_FOUND);
  RequestContext.addAuditDetails({
    subjectClientIds: [row.client_id],
    categories: ['medical'],
    ground: { kind: 'trajectory', reference: row.trajectory_id },
  });
  return row;
}
