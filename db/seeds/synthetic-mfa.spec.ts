import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { authenticator } from 'otplib';

import { DEMO_TOTP_SECRET } from './synthetic-mfa';

const SCRIPT = join(__dirname, '../../scripts/demo-totp.mjs');

/** The codes of the previous, current and next 30-second step: the script may run across a boundary. */
function codesAroundNow(secret: string): string[] {
  const now = Date.now();
  return [-30_000, 0, 30_000].map((offset) => authenticator.clone({ epoch: now + offset }).generate(secret));
}

describe('the demo TOTP secret', () => {
  it('is a valid base32 secret of 160 bits', () => {
    expect(DEMO_TOTP_SECRET).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('npm run demo:totp prints the current code for the seeded secret (the two copies agree)', () => {
    const printed = execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8', stdio: 'pipe' }).trim();
    expect(codesAroundNow(DEMO_TOTP_SECRET)).toContain(printed);
  });

  it('npm run demo:totp -- SECRET prints the code for another secret, spaces allowed', () => {
    const other = 'JBSWY3DPEHPK3PXP';
    const printed = execFileSync(process.execPath, [SCRIPT, 'JBSW Y3DP EHPK 3PXP'], {
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
    expect(codesAroundNow(other)).toContain(printed);
  });
});
