/**
 * Database roles. The owner (the login in DATABASE_URL) runs migrations; the application serves
 * requests as APP_ROLE, which holds only the grants its migrations give it. MEDICAL_ROLE is the
 * only role with rights on the `medical` schema (R-MED-06): only the medical module's own
 * connection logs in as it, so no other module can read medical data, even by mistake.
 */
export const APP_ROLE = 'werkpad_app';
export const MEDICAL_ROLE = 'werkpad_medical';
export const MEDICAL_SCHEMA = 'medical';

/** The passwords of the login roles the owner provisions. */
export interface RolePasswords {
  readonly app: string;
  readonly medical: string;
}
