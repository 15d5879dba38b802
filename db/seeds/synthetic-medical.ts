import { randomUUID } from 'node:crypto';

import { type CareProviderKind, type MedicalRecordKind, medicalAad } from '@werkpad/shared';
import { type ClientBase } from 'pg';

/**
 * Synthetic medical records for the demo (R-MED-01, R-MED-04). Every text is obviously fictional and
 * says so. The caller encrypts: it passes MedicalCrypto's encrypt (the key never reaches db/), and
 * this file names the associated data with medicalAad from @werkpad/shared, the same scheme the
 * medical module decrypts with. Runs as the owner, which row-level security does not restrict.
 */
export interface SeedMedicalOptions {
  readonly encrypt: (plaintext: string, aad: string) => { ciphertext: Buffer; keyId: string };
  readonly expertiseUserId: string;
  /** Defaults to today; records are dated between the trajectory's start and min(closure, today). */
  readonly today?: string;
}

export interface SeedMedicalResult {
  readonly medicalRecords: number;
  readonly versions: number;
  readonly careProviderRequests: number;
}

interface SeedRecord {
  readonly kind: MedicalRecordKind;
  readonly dayOffset: number;
  readonly title: string;
  readonly body: string;
  readonly source: string | null;
}

const RECORDS: readonly SeedRecord[] = [
  {
    kind: 'research_note',
    dayOffset: 7,
    title: 'Intakegesprek arbeidsdiagnose (synthetisch)',
    body:
      'FICTIEF VOORBEELD. Cliënt vertelt over vermoeidheid na een halve werkdag en wil graag weer ' +
      'aan de slag in de groenvoorziening. Afspraak: belastbaarheid in kaart brengen.',
    source: null,
  },
  {
    kind: 'test_result',
    dayOffset: 21,
    title: 'Uitslag belastbaarheidstest (synthetisch)',
    body:
      'FICTIEF VOORBEELD. Tillen tot 10 kg gaat goed, langdurig staan beperkt tot circa een uur. ' +
      'Concentratie vermindert na twee uur aaneengesloten werk.',
    source: 'Testlocatie Expertisecentrum (fictief)',
  },
  {
    kind: 'bedrijfsarts_report',
    dayOffset: 35,
    title: 'Rapport bedrijfsarts (synthetisch)',
    body:
      'FICTIEF VOORBEELD. Fictieve aandoening "demo-syndroom" vastgesteld; advies om te starten met ' +
      'drie dagdelen per week en na zes weken opnieuw te beoordelen.',
    source: 'Bedrijfsarts dr. P. Voorbeeld (fictief)',
  },
];

const EARLIER_TITLE = 'Intakegesprek (concept, synthetisch)';
const EARLIER_BODY = 'FICTIEF VOORBEELD. Eerste aantekeningen van het intakegesprek, later aangevuld.';

const PROVIDER_KIND: CareProviderKind = 'huisarts';
const DEFAULT_PROVIDER = 'Huisartsenpraktijk De Voorbeeldhoek (fictief)';
const QUESTION =
  'FICTIEF VOORBEELD. Graag ontvangen wij de informatie over de belastbaarheid van cliënt die voor ' +
  'de arbeidsdiagnose van belang is, met toestemming van cliënt.';

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/**
 * For each arbeidsdiagnose trajectory assigned to `expertiseUserId`: three records (the first with
 * one earlier version in its history) and, only where the client has a written `gp_data_request`
 * consent valid today, one care provider request that names it (R-MED-04; the database trigger
 * checks it again). A consent that names a recipient gets a request to that recipient.
 */
export async function seedMedicalRecords(
  ownerClient: ClientBase,
  options: SeedMedicalOptions,
): Promise<SeedMedicalResult> {
  const today = options.today ?? todayIso();
  const trajectories = (
    await ownerClient.query<{ id: string; client_id: string; start_date: string; last_day: string }>(
      `SELECT id, client_id, start_date::text AS start_date,
              LEAST(COALESCE(closed_on, $2::date), $2::date)::text AS last_day
         FROM trajectory
        WHERE type = 'arbeidsdiagnose' AND expertise_user_id = $1 AND start_date <= $2::date
        ORDER BY start_date, id`,
      [options.expertiseUserId, today],
    )
  ).rows;

  let medicalRecords = 0;
  let versions = 0;
  let careProviderRequests = 0;
  for (const trajectory of trajectories) {
    const dateIn = (offset: number): string => {
      const date = addDays(trajectory.start_date, offset);
      return date > trajectory.last_day ? trajectory.last_day : date;
    };
    for (const [index, record] of RECORDS.entries()) {
      const id = randomUUID();
      const title = options.encrypt(record.title, medicalAad('medical_record', id, 'title'));
      const hasHistory = index === 0;
      await ownerClient.query(
        `INSERT INTO medical.medical_record (id, trajectory_id, client_id, kind, recorded_on, title_encrypted,
           body_encrypted, source_encrypted, key_id, version, created_by, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          trajectory.id,
          trajectory.client_id,
          record.kind,
          dateIn(record.dayOffset),
          title.ciphertext,
          options.encrypt(record.body, medicalAad('medical_record', id, 'body')).ciphertext,
          record.source === null
            ? null
            : options.encrypt(record.source, medicalAad('medical_record', id, 'source')).ciphertext,
          title.keyId,
          hasHistory ? 2 : 1,
          options.expertiseUserId,
          hasHistory ? options.expertiseUserId : null,
          hasHistory ? new Date() : null,
        ],
      );
      medicalRecords++;
      if (hasHistory) {
        const versionId = randomUUID();
        const earlierTitle = options.encrypt(
          EARLIER_TITLE,
          medicalAad('medical_record_version', versionId, 'title'),
        );
        await ownerClient.query(
          `INSERT INTO medical.medical_record_version (id, record_id, trajectory_id, version, kind, recorded_on,
             title_encrypted, body_encrypted, source_encrypted, key_id, written_by, written_at, superseded_by)
           VALUES ($1, $2, $3, 1, $4, $5, $6, $7, NULL, $8, $9, $10, $9)`,
          [
            versionId,
            id,
            trajectory.id,
            record.kind,
            dateIn(record.dayOffset),
            earlierTitle.ciphertext,
            options.encrypt(EARLIER_BODY, medicalAad('medical_record_version', versionId, 'body')).ciphertext,
            earlierTitle.keyId,
            options.expertiseUserId,
            new Date(Date.now() - 24 * 3600 * 1000),
          ],
        );
        versions++;
      }
    }

    const consent = (
      await ownerClient.query<{ id: string; recipient: string | null; given_on: string }>(
        `SELECT id, recipient, given_on::text AS given_on FROM consent
          WHERE client_id = $1 AND purpose = 'gp_data_request' AND form = 'written'
            AND given_on <= $2::date AND (valid_until IS NULL OR valid_until >= $2::date)
            AND (withdrawn_on IS NULL OR withdrawn_on > $2::date)
          ORDER BY given_on DESC, recorded_at DESC LIMIT 1`,
        [trajectory.client_id, today],
      )
    ).rows[0];
    if (!consent) continue;
    // Not before the consent (R-MED-04) nor the trajectory, not after its end.
    const requestedOn = consent.given_on > trajectory.start_date ? consent.given_on : trajectory.start_date;
    if (requestedOn > trajectory.last_day) continue;
    const id = randomUUID();
    const provider = options.encrypt(
      consent.recipient ?? DEFAULT_PROVIDER,
      medicalAad('care_provider_request', id, 'provider'),
    );
    await ownerClient.query(
      `INSERT INTO medical.care_provider_request (id, trajectory_id, client_id, provider_kind, provider_encrypted,
         question_encrypted, key_id, consent_id, requested_on, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        trajectory.id,
        trajectory.client_id,
        PROVIDER_KIND,
        provider.ciphertext,
        options.encrypt(QUESTION, medicalAad('care_provider_request', id, 'question')).ciphertext,
        provider.keyId,
        consent.id,
        requestedOn,
        options.expertiseUserId,
      ],
    );
    careProviderRequests++;
  }
  return { medicalRecords, versions, careProviderRequests };
}
