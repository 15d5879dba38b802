import { Injectable } from '@nestjs/common';
import { hash, verify, argon2id } from 'argon2';

/**
 * argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): about 30 ms here, slow
 * enough for an attacker, fast enough for logins.
 */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** Computed once so that a login for an unknown user costs as much as one for a known user. */
  private readonly dummyHash = hash('werkpad-timing-equaliser', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  async verifyAgainstNothing(password: string): Promise<false> {
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
