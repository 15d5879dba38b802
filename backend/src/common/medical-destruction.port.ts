/**
 * How the destruction module reaches medical records without seeing the medical module (R-MED-06):
 * the medical module provides this port globally, and its one method can only destroy what an
 * approved, due destruction item covers (the database function checks that, not the caller).
 */
export abstract class MedicalDestructionPort {
  /** Destroys the medical records of the item's trajectories whose medical part is due; returns how many. */
  abstract destroyRecords(itemId: string, actorId: string): Promise<number>;
}
