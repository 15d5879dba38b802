import { randomUUID } from 'node:crypto';

import { type Role } from '@werkpad/shared';
import { type Pool } from 'pg';

import { syntheticPeople } from './synthetic-people';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

/** One demo user per role; coach2 exists so that two caseloads can be compared. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin1', displayName: 'Ad Beheer', roles: ['admin'] },
  { username: 'coach1', displayName: 'Carla Coach', roles: ['coach'] },
  { username: 'coach2', displayName: 'Cor Coach', roles: ['coach'] },
  { username: 'income1', displayName: 'Ines Inkomen', roles: ['income_consultant'] },
  { username: 'expertise1', displayName: 'Eva Expertise', roles: ['expertise'] },
  { username: 'payroll1', displayName: 'Paul Salaris', roles: ['payroll'] },
  { username: 'dpo1', displayName: 'Fenna FG', roles: ['dpo'] },
  { username: 'management1', displayName: 'Maarten Management', roles: ['management'] },
];

export interface BsnProtector {
  protect(bsn: string): { encrypted: Buffer; blindIndex: Buffer };
}

export interface DemoSeedOptions {
  readonly clients: number;
  readonly passwordHash: string;
  readonly bsnProtector: BsnProtector;
  readonly batchSize?: number;
  readonly onProgress?: (inserted: number) => void;
}

/** Inserts the demo users (if missing) and `clients` synthetic clients split over coach1 and coach2. */
export async function seedDemo(
  pool: Pool,
  options: DemoSeedOptions,
): Promise<{ users: number; clients: number }> {
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const result = await pool.query<{ id: string }>(
      `INSERT INTO app_user (username, display_name, password_hash, roles)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET username = EXCLUDED.username
       RETURNING id`,
      [user.username, user.displayName, options.passwordHash, user.roles],
    );
    userIds.set(user.username, result.rows[0].id);
  }
  // Every tenth client has no coach yet: a caseload is an assignment, not a given.
  const coaches = [userIds.get('coach1'), userIds.get('coach2')];
  const batchSize = options.batchSize ?? 5000;
  let batch: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
  let inserted = 0;

  const flush = async (): Promise<void> => {
    if (batch[0].length === 0) return;
    await pool.query(
      `INSERT INTO client (id, first_name, last_name, date_of_birth, bsn_encrypted, bsn_blind_index,
                           street, house_number, postcode, city, coach_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::bytea[], $6::bytea[],
                            $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[])
       ON CONFLICT (bsn_blind_index) DO NOTHING`,
      batch,
    );
    inserted += batch[0].length;
    options.onProgress?.(inserted);
    batch = batch.map(() => []);
  };

  let index = 0;
  for (const person of syntheticPeople(options.clients)) {
    const { encrypted, blindIndex } = options.bsnProtector.protect(person.bsn);
    const coachId = index % 10 === 9 ? null : coaches[index % 2];
    const row = [
      randomUUID(),
      person.firstName,
      person.lastName,
      person.dateOfBirth,
      encrypted,
      blindIndex,
      person.street,
      person.houseNumber,
      person.postcode,
      person.city,
      coachId,
    ];
    row.forEach((value, column) => batch[column].push(value));
    index++;
    if (batch[0].length >= batchSize) await flush();
  }
  await flush();
  return { users: DEMO_USERS.length, clients: inserted };
}
