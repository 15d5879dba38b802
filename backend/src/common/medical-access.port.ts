/** One of the client's own medical records, as it goes into the answer to an access request. */
export interface SubjectMedicalRecord {
  readonly kind: string;
  readonly recordedOn: string;
  readonly title: string;
  readonly body: string;
  readonly source: string | null;
}

/**
 * How the data-subject-request module receives the client's own medical records (R-DSR-04) without
 * seeing the medical module (R-MED-06): the medical module provides this port, and the database
 * function behind it answers only for an open, identity-verified access or portability request.
 */
export abstract class MedicalAccessPort {
  abstract recordsForAccessRequest(requestId: string, actorId: string): Promise<SubjectMedicalRecord[]>;
}
