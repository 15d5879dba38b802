/**
 * How the destruction module reaches medical records without seeing the medical module (R-MED-06):
 * the medical module provides this port globally, and its one method can only destroy what approved,
 * due destruction items cover (the database function checks that, not the caller).
 */
export abstract class MedicalDestructionPort {
  /**
   * Destroys the medical records of the items' trajectories whose medical part is due (items under a
   * legal hold are left alone); the count is recorded on each item. Returns how many in all.
   */
  abstract destroyRecords(itemIds: readonly string[], actorId: string): Promise<number>;
}
