import { ConflictException, Injectable } from '@nestjs/common';
import { type ClientView } from '@werkpad/shared';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { visibleCategories } from '../../authz/category-projection';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { FieldCrypto } from '../../common/crypto/field-crypto';
import { type AccessibleClient, ClientAccess } from './client-access.service';
import { Client } from './client.entity';
import { fileView } from './client-view';
import { type FieldChange, FieldChangeRecorder } from './field-change.recorder';

const UNIQUE_VIOLATION = '23505';
const BSN_UNIQUE_INDEX = 'client_bsn_blind_index_key';
const DUPLICATE_BSN = 'Er is al een cliënt met dit BSN.';

function isUniqueViolationOn(error: unknown, constraint: string): boolean {
  const failure = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return (
    failure.code === UNIQUE_VIOLATION &&
    (failure.constraint ?? failure.driverError?.constraint) === constraint
  );
}

/** A second client with the same BSN answers 409; any other failure passes unchanged. */
function rethrowWrite(error: unknown): never {
  if (isUniqueViolationOn(error, BSN_UNIQUE_INDEX)) throw new ConflictException(DUPLICATE_BSN);
  throw error;
}

/**
 * The client record itself, shared by the file (ClientsService) and caseload assignment: writing a
 * row with its field history, and reading it back as the caller may see it.
 */
@Injectable()
export class ClientFileService {
  constructor(
    private readonly access: ClientAccess,
    private readonly crypto: FieldCrypto,
    private readonly changes: FieldChangeRecorder,
  ) {}

  /** The file as far as the caller may see it (see `fileView`). */
  async view(access: AccessibleClient): Promise<ClientView> {
    const { coachId } = access.client;
    const coachName =
      access.coachName !== undefined ? access.coachName : coachId ? await this.displayName(coachId) : null;
    return fileView(access, coachName, (stored) => this.crypto.decrypt(stored));
  }

  /**
   * The client again after a change in this request, with what the caller may now see of it. Its
   * id is in the audit row already (ClientAccess.find or create), so it is not added twice.
   */
  async reloadView(ability: AppAbility, id: string): Promise<ClientView> {
    const client = await this.access.manager().getRepository(Client).findOneByOrFail({ id });
    return this.view({
      client,
      readable: visibleCategories(ability, 'read', 'Client', client),
      writable: visibleCategories(ability, 'update', 'Client', client),
    });
  }

  /** Inserts a new client and returns its id. */
  async insert(values: QueryDeepPartialEntity<Client>): Promise<string> {
    try {
      const result = await this.access.manager().getRepository(Client).insert(values);
      return (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      rethrowWrite(error);
    }
  }

  /** Writes `set` and records each change old -> new; nothing at all when nothing changed. */
  async write(
    user: AuthenticatedUser,
    id: string,
    set: QueryDeepPartialEntity<Client>,
    changes: readonly FieldChange[],
  ): Promise<void> {
    if (changes.length === 0) return;
    const manager = this.access.manager();
    try {
      await manager
        .createQueryBuilder()
        .update(Client)
        .set({ ...set, updatedAt: () => 'now()' })
        .where('id = :id', { id })
        .execute();
    } catch (error) {
      rethrowWrite(error);
    }
    await this.changes.record(
      manager,
      { clientId: id, entityType: 'Client', entityId: id, changedBy: user.id },
      changes,
    );
  }

  async displayName(userId: string): Promise<string | null> {
    const rows = (await this.access
      .manager()
      .query('SELECT display_name FROM app_user WHERE id = $1', [userId])) as Array<{ display_name: string }>;
    return rows[0]?.display_name ?? null;
  }
}
