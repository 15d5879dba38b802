import { randomUUID } from 'node:crypto';

import { type Role } from '@werkpad/shared';
import { type Pool, type PoolClient } from 'pg';

import {
  insertClients,
  insertConsents,
  insertDossierEntries,
  insertPayroll,
  insertTrajectories,
} from './demo-seed-inserts';
import { type ClientParticulars, syntheticParticulars } from './synthetic-client-fields';
import { syntheticConsents } from './synthetic-consents';
import { syntheticDossierEntries } from './synthetic-dossier';
import { seedExpertise } from './synthetic-expertise';
import { seedMedicalRecords, type SeedMedicalOptions } from './synthetic-medical';
import { DEMO_TOTP_USERNAME, seedDemoMfa } from './synthetic-mfa';
import { syntheticPayroll } from './synthetic-payroll';
import { syntheticPeople } from './synthetic-people';
import { syntheticTrajectories } from './synthetic-trajectories';

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

/**
 * Encryption of sensitive fields as the backend does it (FieldCrypto): the BSN with its blind
 * index, other fields (the IBAN) encrypted only.
 */
export interface FieldProtector {
  protect(bsn: string): { encrypted: Buffer; blindIndex: Buffer };
  encrypt(plaintext: string): Buffer;
}

/** The earlier name of FieldProtector. */
export type BsnProtector = FieldProtector;

export interface DemoSeedOptions {
  readonly clients: number;
  readonly passwordHash: string;
  /** Encrypts the BSN (with blind index) and the IBAN; FieldCrypto fits. */
  readonly bsnProtector: FieldProtector;
  /** Dossier entries per client (default 3: a note, a progress entry and a decision). */
  readonly notesPerClient?: number;
  /** The day the data is generated around (YYYY-MM-DD); default today. */
  readonly today?: string;
  readonly batchSize?: number;
  /** Batches inserted at the same time, each on its own connection of the pool (default 2). */
  readonly concurrency?: number;
  readonly onProgress?: (inserted: number) => void;
  /**
   * Encrypts synthetic medical records with the medical key (MedicalCrypto.encrypt). Without it the
   * Expertisecentrum gets assignments, outcomes and consents but no medical records.
   */
  readonly medicalEncrypt?: SeedMedicalOptions['encrypt'];
}

export interface DemoSeedResult {
  readonly users: number;
  readonly clients: number;
  readonly trajectories: number;
  readonly dossierEntries: number;
  readonly employments: number;
  readonly medicalRecords: number;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Inserts the demo users (if missing) and `clients` synthetic clients split over coach1 (even
 * positions) and coach2 (odd), every tenth without a coach and every third linked to income1. Each
 * new client gets its particulars, one or two trajectories, `notesPerClient` dossier entries and,
 * with a beschut werk or loonkostensubsidie trajectory, payroll data. Clients whose BSN already
 * exists are skipped with everything that would hang off them, so a second run adds nothing twice.
 */
export async function seedDemo(pool: Pool, options: DemoSeedOptions): Promise<DemoSeedResult> {
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
  const id = (username: string): string => userIds.get(username) as string;
  const coaches = [id('coach1'), id('coach2')];
  const incomeConsultant = id('income1');
  const payrollUser = id('payroll1');
  const today = options.today ?? todayIso();
  const notesPerClient = options.notesPerClient ?? 3;
  const batchSize = options.batchSize ?? 5000;
  const protector = options.bsnProtector;
  const totals = { clients: 0, trajectories: 0, dossierEntries: 0, employments: 0 };

  type Pending = {
    index: number;
    clientId: string;
    coachId: string | null;
    incomeId: string | null;
    particulars: ClientParticulars;
  };
  // Rows are positional, in the order of the column lists in demo-seed-inserts.ts.
  let clientRows: unknown[][] = [];
  let pending: Pending[] = [];

  /** One batch of clients and everything hanging off them, in order, on one connection. */
  const insertBatch = async (clientRows: unknown[][], pending: Pending[], db: PoolClient): Promise<void> => {
    const inserted = await insertClients(db, clientRows);
    const trajectoryRows: unknown[][] = [];
    const entryRows: unknown[][] = [];
    const employmentRows: unknown[][] = [];
    const hoursRows: unknown[][] = [];
    const absenceRows: unknown[][] = [];
    const loonwaardeRows: unknown[][] = [];
    const lksRows: unknown[][] = [];
    const consentRows: unknown[][] = [];
    for (const { index, clientId, coachId, incomeId, particulars } of pending) {
      if (!inserted.has(clientId)) continue;
      // The coach who would hold the file; for a client without a coach the one who wrote it.
      const author = coachId ?? coaches[index % 2];
      const trajectories = syntheticTrajectories(index, today, undefined, particulars);
      const trajectoryIds = trajectories.map(() => randomUUID());
      trajectories.forEach((trajectory, position) => {
        trajectoryRows.push([
          trajectoryIds[position],
          clientId,
          trajectory.type,
          trajectory.legalBasis,
          trajectory.status,
          trajectory.startDate,
          trajectory.closedOn,
          coachId,
          incomeId,
          trajectory.reportingRecipient,
          trajectory.reportingCategories.join(','),
          trajectory.reportingForm,
          trajectory.reportingPurpose,
          trajectory.reportingFrequency,
          author,
        ]);
      });
      for (const consent of syntheticConsents(index, trajectories, today)) {
        consentRows.push([
          clientId,
          consent.purpose,
          consent.recipient,
          consent.givenOn,
          consent.form,
          author,
          consent.evidenceReference,
          consent.withdrawnOn,
          consent.withdrawnOn ? author : null,
        ]);
      }
      for (const entry of syntheticDossierEntries(index, trajectories, notesPerClient, today)) {
        entryRows.push([clientId, trajectoryIds[entry.trajectory], entry.template, entry.occurredOn, author]);
      }
      const payroll = syntheticPayroll(index, trajectories, today);
      if (payroll) {
        const employmentId = randomUUID();
        const job = payroll.employment;
        employmentRows.push([
          employmentId,
          clientId,
          job.employerName,
          job.isInlener,
          job.jobTitle,
          job.startDate,
          job.endDate,
          job.contractHoursPerWeek,
          job.grossMonthlySalaryCents,
          payrollUser,
        ]);
        for (const month of payroll.hours) {
          hoursRows.push([employmentId, month.month, month.hoursWorked, payrollUser]);
        }
        for (const absence of payroll.absences) {
          absenceRows.push([employmentId, absence.firstDay, absence.lastDay, payrollUser]);
        }
        const lw = payroll.loonwaarde;
        loonwaardeRows.push([clientId, lw.assessedOn, lw.percentage, lw.method, lw.assessedBy, payrollUser]);
        const lks = payroll.lksApplication;
        if (lks) {
          lksRows.push([
            clientId,
            lks.appliedOn,
            lks.periodStart,
            lks.periodEnd,
            lks.status,
            lks.amountCents,
            payrollUser,
          ]);
        }
      }
    }
    await insertTrajectories(db, trajectoryRows);
    await insertDossierEntries(db, entryRows);
    await insertConsents(db, consentRows);
    await insertPayroll(db, {
      employments: employmentRows,
      hours: hoursRows,
      absences: absenceRows,
      loonwaardes: loonwaardeRows,
      lksApplications: lksRows,
    });

    totals.clients += inserted.size;
    totals.trajectories += trajectoryRows.length;
    totals.dossierEntries += entryRows.length;
    totals.employments += employmentRows.length;
    options.onProgress?.(totals.clients);
  };

  // Batches run on up to `concurrency` connections at once, so PostgreSQL works on one batch
  // (index upkeep, foreign-key checks, the trajectory trigger) while the next is generated or sent.
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const flush = async (): Promise<void> => {
    if (clientRows.length === 0) return;
    const [rows, batch] = [clientRows, pending];
    clientRows = [];
    pending = [];
    const work: Promise<void> = pool
      .connect()
      .then((db) => insertBatch(rows, batch, db).finally(() => db.release()))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure.error;
  };

  let index = 0;
  for (const person of syntheticPeople(options.clients)) {
    const { encrypted, blindIndex } = protector.protect(person.bsn);
    // Every tenth client has no coach yet: a caseload is an assignment, not a given.
    const coachId = index % 10 === 9 ? null : coaches[index % 2];
    const incomeId = index % 3 === 0 ? incomeConsultant : null;
    const extra = syntheticParticulars(person, index);
    const clientId = randomUUID();
    clientRows.push([
      clientId,
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
      incomeId,
      extra.nationality,
      extra.phone,
      extra.email,
      extra.dutchLanguageLevel,
      extra.inburgeringStatus,
      extra.drivingLicence,
      extra.transport,
      extra.availabilityHoursPerWeek,
      extra.availabilityNotes,
      extra.cvLink,
      extra.educationLevel,
      extra.hasDebts,
      extra.debtNotes,
      extra.lifeDomainsNotes,
      extra.functionalLimitations,
      extra.iban === null ? null : protector.encrypt(extra.iban),
    ]);
    pending.push({ index, clientId, coachId, incomeId, particulars: extra });
    index++;
    if (clientRows.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  if (failure) throw (failure as { error: unknown }).error;
  // The Expertisecentrum's part: assignments, outcomes, functional capabilities, consents, and then
  // the medical records, which need the assignments.
  let medicalRecords = 0;
  const db = await pool.connect();
  try {
    await seedExpertise(db, { expertiseUserId: id('expertise1'), today });
    if (options.medicalEncrypt) {
      const medical = await seedMedicalRecords(db, {
        encrypt: options.medicalEncrypt,
        expertiseUserId: id('expertise1'),
        today,
      });
      medicalRecords = medical.medicalRecords;
    }
  } finally {
    db.release();
  }
  // The trigger rewrote every client row once or twice; fresh statistics keep the planner honest.
  await pool.query('VACUUM (ANALYZE) client, trajectory, dossier_entry');
  await seedDemoMfa(pool, { userId: id(DEMO_TOTP_USERNAME), encrypt: (secret) => protector.encrypt(secret) });
  return { users: DEMO_USERS.length, ...totals, medicalRecords };
}
