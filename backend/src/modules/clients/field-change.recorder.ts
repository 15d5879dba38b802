import { Injectable } from '@nestjs/common';
import { type DataCategory } from '@werkpad/shared';
import { type EntityManager } from 'typeorm';

import { RequestContext } from '../../common/request-context';
import { FieldChangeRecord } from './field-change.entity';

export interface FieldChange {
  readonly field: string;
  readonly category: DataCategory;
  /** Already made safe to keep: sensitive values (BSN, IBAN) arrive masked. */
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/** Renders a stored value for the change history (dates and booleans as text, null stays null). */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Records who changed which field when, old -> new, in the same transaction as the change, linked
 * by request id to the audit row that records the change itself (R-AUD-01).
 */
@Injectable()
export class FieldChangeRecorder {
  async record(
    manager: EntityManager,
    target: { clientId: string; entityType: string; entityId: string; changedBy: string },
    changes: readonly FieldChange[],
  ): Promise<void> {
    if (changes.length === 0) return;
    const requestId = RequestContext.current()?.requestId ?? null;
    await manager
      .getRepository(FieldChangeRecord)
      .insert(changes.map((change) => ({ ...target, ...change, requestId })));
    RequestContext.addAuditDetails({
      details: { gewijzigdeVelden: changes.map((change) => change.field).join(',') },
    });
  }
}
