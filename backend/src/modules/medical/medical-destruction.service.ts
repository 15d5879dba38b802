import { Injectable } from '@nestjs/common';

import { MedicalDestructionPort } from '../../common/medical-destruction.port';
import { MedicalDatabase } from './medical-database';

/**
 * R-RET-04/05 for the medical part: destruction goes through this module's own connection, in a
 * transaction of its own that commits before the rest of the dossier is destroyed (so a crash in
 * between leaves a dossier whose medical records are gone and whose rest the resumed run destroys).
 * medical.destroy_records (migration 1150) re-checks each item: approved list, due, no legal hold.
 */
@Injectable()
export class MedicalDestruction extends MedicalDestructionPort {
  constructor(private readonly database: MedicalDatabase) {
    super();
  }

  async destroyRecords(itemIds: readonly string[], actorId: string): Promise<number> {
    return this.database.transaction(actorId, async (query) => {
      const rows = await query<{ destroyed: number }>(
        'SELECT coalesce(sum(destroyed), 0)::int AS destroyed FROM medical.destroy_records($1::uuid[])',
        [itemIds],
      );
      return rows[0].destroyed;
    });
  }
}
