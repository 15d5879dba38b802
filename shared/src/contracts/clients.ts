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
