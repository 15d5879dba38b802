/** A row in a caseload list: identity shown with the BSN masked (DEVELOPERS.md, 7). */
export interface ClientSummary {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly bsnMasked: string;
  readonly city: string;
  readonly coachId: string | null;
}

/**
 * What the API actually returns for a client: the fields of the data categories the user may see
 * of that client (CLIENT_FIELD_CATEGORIES); fields of other categories are absent, never empty.
 */
export type ClientView = Partial<ClientSummary> & Pick<ClientSummary, 'id' | 'coachId'>;
