/**
 * Database roles. The owner (the login in DATABASE_URL) runs migrations; the application serves
 * requests as APP_ROLE, which holds only the grants its migrations give it.
 */
export const APP_ROLE = 'werkpad_app';
