import { createHash } from 'node:crypto';

import { NotFoundException } from '@nestjs/common';
import {
  type DestructionCertificate,
  type DestructionCounts,
  type RetentionPart,
  type TrajectoryType,
} from '@werkpad/shared';
import { type EntityManager } from 'typeorm';

import { PROCESSING_CONTROLLER } from '../processing-register/processing-activities';
import { type StoredDestructionPart } from './destruction-items';

const COUNT_KEYS: ReadonlyArray<keyof DestructionCounts> = [
  'trajectories',
  'dossierEntries',
  'documents',
  'consents',
  'disclosures',
  'payrollRecords',
  'medicalRecords',
  'other',
  'auditRowsPseudonymised',
];

export const DESTRUCTION_METHOD =
  'Onomkeerbaar verwijderd uit de database (elk dossier geheel binnen één transactie; medische gegevens eerst, via de ' +
  'eigen databaseverbinding van het Expertisecentrum). Documenten staan in de database en zijn daarmee ' +
  'meeverwijderd. In het toegangslog is de verwijzing naar de cliënt vervangen door een pseudoniem.';

export const DESTRUCTION_GROUND =
  'Bewaartermijn verstreken (Archiefwet 1995 art. 3 en 5; Archiefbesluit 1995 art. 8; AVG art. 5 lid 1 sub e); ' +
  'termijnen volgens het bewaarbeleid, versie per dossier vermeld.';

/**
 * The verklaring van vernietiging (R-RET-04): built from the list and its items, which hold no
 * personal data (pseudonymous dossier references, trajectory types, periods, counts, who reviewed
 * and approved). The parts' trajectory ids are left out.
 */
export async function buildCertificate(
  manager: EntityManager,
  listId: string,
): Promise<DestructionCertificate> {
  const [list] = await manager.query<
    Array<{
      reference: string;
      as_of: string;
      prepared_at: Date;
      reviewed_by: string | null;
      reviewed_at: Date | null;
      approved_by: string | null;
      approved_at: Date | null;
      started_at: Date | null;
      completed_at: Date | null;
    }>
  >(
    `SELECT l.reference, l.as_of::text AS as_of, l.prepared_at, r.display_name AS reviewed_by, l.reviewed_at,
            a.display_name AS approved_by, l.approved_at, l.started_at, coalesce(l.completed_at, now()) AS completed_at
       FROM destruction_list l LEFT JOIN app_user r ON r.id = l.reviewed_by LEFT JOIN app_user a ON a.id = l.approved_by
      WHERE l.id = $1`,
    [listId],
  );
  if (!list) throw new NotFoundException('Vernietigingslijst niet gevonden.');
  const items = await manager.query<
    Array<{
      dossier_ref: string;
      scope: 'client' | 'trajectories';
      parts: StoredDestructionPart[];
      status: string;
      excluded_reason: string | null;
      destroyed_at: Date | null;
      counts: DestructionCounts | null;
    }>
  >(
    `SELECT dossier_ref, scope, parts, status, excluded_reason, destroyed_at, counts
       FROM destruction_item WHERE list_id = $1 ORDER BY dossier_ref`,
    [listId],
  );
  const policies = await manager.query<
    Array<{
      trajectory_type: TrajectoryType;
      part: RetentionPart;
      version: number;
      years: number;
      legal_ground: string;
    }>
  >(
    `SELECT DISTINCT p.trajectory_type, p.part, p.version, p.years, p.legal_ground
       FROM destruction_item i CROSS JOIN LATERAL jsonb_array_elements(i.parts) AS element(value)
       JOIN retention_policy p ON p.id = (element.value->>'policyId')::uuid
      WHERE i.list_id = $1 AND i.status = 'destroyed'
      ORDER BY p.trajectory_type, p.part, p.version`,
    [listId],
  );
  const destroyed = items.filter((item) => item.status === 'destroyed');
  const totals = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Record<
    keyof DestructionCounts,
    number
  >;
  for (const item of destroyed) for (const key of COUNT_KEYS) totals[key] += Number(item.counts?.[key] ?? 0);
  const moment = (value: Date | null) => value?.toISOString() ?? '';
  return {
    reference: list.reference,
    organisation: PROCESSING_CONTROLLER,
    asOf: list.as_of,
    preparedAt: moment(list.prepared_at),
    reviewedBy: list.reviewed_by ?? '',
    reviewedAt: moment(list.reviewed_at),
    approvedBy: list.approved_by ?? '',
    approvedAt: moment(list.approved_at),
    startedAt: moment(list.started_at),
    completedAt: moment(list.completed_at),
    method: DESTRUCTION_METHOD,
    ground: DESTRUCTION_GROUND,
    policies: policies.map((row) => ({
      trajectoryType: row.trajectory_type,
      part: row.part,
      version: row.version,
      years: row.years,
      legalGround: row.legal_ground,
    })),
    dossiers: destroyed.map((item) => ({
      dossierRef: item.dossier_ref.slice(0, 16),
      scope: item.scope,
      parts: item.parts.map(({ trajectoryId: _omitted, ...part }) => part),
      destroyedAt: moment(item.destroyed_at),
      counts: item.counts as DestructionCounts,
    })),
    excluded: items
      .filter((item) => item.status === 'excluded')
      .map((item) => ({ dossierRef: item.dossier_ref.slice(0, 16), reason: item.excluded_reason ?? '' })),
    held: items
      .filter((item) => item.status === 'held')
      .map((item) => ({ dossierRef: item.dossier_ref.slice(0, 16) })),
    totals: { ...totals, dossiers: destroyed.length },
  };
}

/** The certificate's canonical JSON (key order as built) and its SHA-256, stored on the list. */
export function certificateDigest(certificate: DestructionCertificate): { json: string; sha256: Buffer } {
  const json = JSON.stringify(certificate);
  return { json, sha256: createHash('sha256').update(json).digest() };
}
