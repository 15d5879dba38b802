/** Access tokens are short-lived (DEVELOPERS.md: at most 15 minutes); the session lasts a working day. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const SESSION_TTL_HOURS = 10;
export const REFRESH_COOKIE = 'werkpad_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Five wrong passwords in a row lock the account for fifteen minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const MESSAGES = {
  badCredentials: 'Gebruikersnaam of wachtwoord is onjuist.',
  locked:
    'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.',
  deactivated: 'Dit account is gedeactiveerd. Neem contact op met functioneel beheer.',
  sessionEnded: 'Uw sessie is verlopen of beëindigd. Log opnieuw in.',
  notAuthenticated: 'U bent niet ingelogd of uw sessie is verlopen.',
  wrongCode: 'De code is onjuist of al gebruikt. Vul de code in die uw authenticator-app nu toont.',
  mfaExpired: 'Uw inlogpoging is verlopen. Log opnieuw in met uw gebruikersnaam en wachtwoord.',
  mfaAlreadyEnrolled: 'Tweestapsverificatie is al ingesteld voor dit account.',
  mfaNotEnrolled: 'Stel eerst tweestapsverificatie in met de QR-code.',
} as const;
