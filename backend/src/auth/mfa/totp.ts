import { authenticator } from 'otplib';
import { HashAlgorithms } from 'otplib/core';

/** RFC 6238 as every authenticator app reads an otpauth:// URL: 30-second steps, 6 digits, HMAC-SHA-1. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side, so a code typed just as it changes, or a phone clock 30 s off, still works. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = 'Werkpad';
/** 20 random bytes (160 bits, RFC 4226's recommendation): 32 base32 characters. */
const SECRET_BYTES = 20;

const totp = authenticator.clone({
  step: TOTP_STEP_SECONDS,
  digits: TOTP_DIGITS,
  window: TOTP_WINDOW,
  algorithm: HashAlgorithms.SHA1,
});

export function generateTotpSecret(): string {
  return totp.generateSecret(SECRET_BYTES);
}

export function totpStep(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);
}

/** The code for one time step (tests, the demo script's twin and the login helpers use it). */
export function totpCode(secret: string, step: number): string {
  return totp.clone({ epoch: step * TOTP_STEP_SECONDS * 1000 }).generate(secret);
}

/**
 * The time step the code belongs to, within the window around `now`, or null when it matches none.
 * The caller stores the step and refuses it next time (RFC 6238 §5.2: a code is accepted once).
 */
export function matchTotpStep(secret: string, code: string, nowMs: number = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp.clone({ epoch: nowMs }).checkDelta(code, secret);
  return delta === null ? null : totpStep(nowMs) + delta;
}

/** What an authenticator app scans: otpauth://totp/Werkpad:<username>?secret=…&issuer=Werkpad. */
export function totpKeyUri(username: string, secret: string): string {
  return totp.keyuri(username, TOTP_ISSUER, secret);
}
