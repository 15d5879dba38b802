// npm run demo:totp [-- SECRET]: prints the current two-step login code (TOTP: 30 s, 6 digits,
// SHA-1) for the demo FG dpo1, or for the base32 secret given, e.g. the one shown when a new FG
// account sets up its second factor. For the demo and development only.
import otplib from 'otplib';

/** The same value as DEMO_TOTP_SECRET in db/seeds/synthetic-mfa.ts (a test checks they agree). */
export const DEMO_TOTP_SECRET = 'WERKPADDEMOFGTOTPSECRETDEMOONLY2';

const secret = (process.argv[2] ?? DEMO_TOTP_SECRET).replace(/\s+/g, '').toUpperCase();
if (!/^[A-Z2-7]+=*$/.test(secret)) {
  console.error('Geef een geheim in base32 (letters A-Z en cijfers 2-7).');
  process.exit(2);
}
const totp = otplib.authenticator.clone({ step: 30, digits: 6, window: 1 });
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(totp.generate(secret));
console.error(`${process.argv[2] ? 'Code' : 'Code voor dpo1'}, nog ${secondsLeft} s geldig.`);
