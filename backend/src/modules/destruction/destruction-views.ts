/** How destruction lists and their items are read from the database and shown by the API. */
import {
  type DestructionCounts,
  type DestructionItemStatus,
  type DestructionItemView,
  type DestructionListStatus,
  type DestructionListView,
} from '@werkpad/shared';

import { type StoredDestructionPart } from './destruction-items';

/** A destruction list as read by SELECT_LIST. */
export interface ListRow {
  id: string;
  reference: string;
  as_of: string;
  prepared_at: Date;
  status: DestructionListStatus;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  has_certificate: boolean;
  counts: Partial<Record<DestructionItemStatus, number>> | null;
  erasure_request_id: string | null;
  erasure_reference: string | null;
}

export interface ItemRow {
  id: string;
  client_id: string | null;
  first_name: string | null;
  last_name: string | null;
  dossier_ref: string;
  scope: 'client' | 'trajectories';
  parts: StoredDestructionPart[];
  status: DestructionItemStatus;
  excluded_reason: string | null;
  destroyed_at: Date | null;
  counts: DestructionCounts | null;
}

export const SELECT_LIST = `
  SELECT l.id, l.reference, l.as_of::text AS as_of, l.prepared_at, l.status,
         r.display_name AS reviewed_by_name, l.reviewed_at, a.display_name AS approved_by_name, l.approved_at,
         l.started_at, l.completed_at, l.certificate_sha256 IS NOT NULL AS has_certificate,
         (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM destruction_item
            WHERE list_id = l.id GROUP BY status) c) AS counts,
         l.dsr_request_id AS erasure_request_id, d.reference AS erasure_reference
    FROM destruction_list l
    LEFT JOIN app_user r ON r.id = l.reviewed_by LEFT JOIN app_user a ON a.id = l.approved_by
    LEFT JOIN dsr_request d ON d.id = l.dsr_request_id`;

export function toListView(row: ListRow): DestructionListView {
  const itemCounts = { due: 0, excluded: 0, held: 0, destroyed: 0, ...(row.counts ?? {}) };
  return {
    id: row.id,
    reference: row.reference,
    asOf: row.as_of,
    preparedAt: row.prepared_at.toISOString(),
    status: row.status,
    reviewedBy: row.reviewed_by_name,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    approvedBy: row.approved_by_name,
    approvedAt: row.approved_at?.toISOString() ?? null,
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    itemCounts,
    progress: { done: itemCounts.destroyed, total: itemCounts.destroyed + itemCounts.due },
    hasCertificate: row.has_certificate,
    erasureRequest:
      row.erasure_request_id && row.erasure_reference
        ? { id: row.erasure_request_id, reference: row.erasure_reference }
        : null,
  };
}

/**
 * An item as the API shows it: the short dossier reference, the parts without their trajectory ids,
 * and the client's name only for the records manager (`withNames`) while the client exists.
 */
export function toItemView(row: ItemRow, withNames: boolean): DestructionItemView {
  return {
    id: row.id,
    clientId: withNames ? row.client_id : null,
    clientName: withNames && row.last_name !== null ? `${row.last_name}, ${row.first_name}` : null,
    dossierRef: row.dossier_ref.slice(0, 16),
    scope: row.scope,
    parts: row.parts.map(({ trajectoryId: _omitted, ...part }) => part),
    status: row.status,
    excludedReason: row.excluded_reason,
    destroyedAt: row.destroyed_at?.toISOString() ?? null,
    counts: row.counts,
  };
}
