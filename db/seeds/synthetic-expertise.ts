import { type ClientBase } from 'pg';

import { addDays } from './synthetic-calendar';

/**
 * The Expertisecentrum's demo data outside the medical records (issue 5): the expertise user is
 * assigned to most open arbeidsdiagnose trajectories (a couple stay unassigned, so the admin's
 * assignment page has work) and to a few closed ones (so the workspace shows both destruction
 * dates); those trajectories get outcomes (none yet, draft, final, one sent to the client),
 * functional capabilities and written consents. Deterministic for the same database contents;
 * every text is fictional and none holds medical data (R-MED-02, R-MED-05). Runs as the owner
 * after seedDemo and before the medical records are seeded (they need the assignment).
 */
export interface SeedExpertiseOptions {
  readonly expertiseUserId: string;
  /** Defaults to today; nothing is dated after it. */
  readonly today?: string;
  /** Open arbeidsdiagnoses left without an expertise user (default 2). */
  readonly leaveUnassigned?: number;
  /** At most this many open trajectories are assigned (default 40), so the workspace stays readable. */
  readonly maxOpen?: number;
  /** Closed arbeidsdiagnoses assigned as well (default 4). */
  readonly closed?: number;
}

export interface SeedExpertiseResult {
  readonly assigned: number;
  readonly outcomes: number;
  readonly functionalCapabilities: number;
  readonly consents: number;
}

interface Candidate {
  readonly id: string;
  readonly client_id: string;
  readonly start_date: string;
  readonly closed_on: string | null;
}

const OUTCOMES: ReadonlyArray<{ conclusion: string; advice: string }> = [
  {
    conclusion:
      'FICTIEF VOORBEELD. Cliënt kan duurzaam werken in een rustige omgeving, in eerste instantie 20 uur per week.',
    advice:
      'Bemiddeling naar betaald werk met jobcoaching in de eerste drie maanden; na een half jaar uitbreiden.',
  },
  {
    conclusion:
      'FICTIEF VOORBEELD. Cliënt heeft een beschutte werkplek nodig; loonwaarde naar verwachting rond 40 procent.',
    advice: 'Beschut werk aanvragen; werkplek zonder zwaar tilwerk, met vaste begeleider.',
  },
  {
    conclusion: 'FICTIEF VOORBEELD. Cliënt is op korte termijn niet bemiddelbaar naar regulier werk.',
    advice: 'Eerst een participatieplek van 12 uur per week; over zes maanden opnieuw beoordelen.',
  },
];

const CAPABILITIES: ReadonlyArray<{
  canDo: string;
  cannotDo: string;
  hours: number;
  adjustments: string | null;
}> = [
  {
    canDo: 'Licht fysiek werk, zittend en staand afwisselen, werken in een klein team',
    cannotDo: 'Tillen boven 10 kg, werken in ploegendienst',
    hours: 20,
    adjustments: 'Vaste pauzes, stahoge werkplek',
  },
  {
    canDo: 'Administratief werk met een vaste structuur, klantcontact per telefoon',
    cannotDo: 'Werken onder hoge tijdsdruk, lange reistijden',
    hours: 24,
    adjustments: null,
  },
  {
    canDo: 'Buitenwerk in de groenvoorziening in dagdelen',
    cannotDo: 'Werken op hoogte, langer dan twee uur aaneengesloten staan',
    hours: 16,
    adjustments: 'Start met drie dagdelen per week',
  },
];

const GP_PRACTICES = [
  'Huisartsenpraktijk De Brink, Ede (fictief)',
  'Huisartsenpraktijk Veldhuizen, Ede (fictief)',
  'Huisartsenpraktijk Bennekom-Zuid (fictief)',
];

/** The earlier of a date and a limit (ISO dates compare correctly as text). */
function notAfter(date: string, limit: string): string {
  return date <= limit ? date : limit;
}

export async function seedExpertise(
  db: ClientBase,
  options: SeedExpertiseOptions,
): Promise<SeedExpertiseResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const user = options.expertiseUserId;
  const leave = options.leaveUnassigned ?? 2;
  const select = (status: 'open' | 'closed') =>
    db.query<Candidate>(
      `SELECT t.id, t.client_id, t.start_date::text AS start_date, t.closed_on::text AS closed_on
         FROM trajectory t JOIN client c ON c.id = t.client_id
        WHERE t.type = 'arbeidsdiagnose' AND t.status = $1 AND t.expertise_user_id IS NULL
        ORDER BY t.start_date, c.last_name, c.first_name, c.date_of_birth, t.id`,
      [status],
    );
  const open = (await select('open')).rows;
  const assignedOpen = open.slice(0, Math.max(0, Math.min(options.maxOpen ?? 40, open.length - leave)));
  const assignedClosed = (await select('closed')).rows.slice(0, options.closed ?? 4);
  const assigned = [...assignedOpen, ...assignedClosed];
  if (assigned.length === 0) return { assigned: 0, outcomes: 0, functionalCapabilities: 0, consents: 0 };
  await db.query(`UPDATE trajectory SET expertise_user_id = $1 WHERE id = ANY($2::uuid[])`, [
    user,
    assigned.map((trajectory) => trajectory.id),
  ]);

  let outcomes = 0;
  let capabilities = 0;
  let consents = 0;
  let sentOne = false;
  for (const [index, trajectory] of assigned.entries()) {
    const end = trajectory.closed_on ?? today;
    const day = (offset: number) => notAfter(addDays(trajectory.start_date, offset), end);

    // Outcomes: a closed trajectory always has a final one; open ones none, a draft or a final one.
    const kind = trajectory.closed_on ? 'final' : (['none', 'draft', 'final'] as const)[index % 3];
    if (kind !== 'none') {
      const text = OUTCOMES[index % OUTCOMES.length];
      const finalOn = day(42);
      const sent = kind === 'final' && (trajectory.closed_on !== null || !sentOne);
      if (sent && !trajectory.closed_on) sentOne = true;
      const result = await db.query(
        `INSERT INTO diagnosis_outcome (trajectory_id, client_id, conclusion, advice, status, version, created_by,
                                        created_at, updated_by, updated_at, finalized_by, finalized_at,
                                        sent_to_client_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ($8::date + time '08:30') AT TIME ZONE 'Europe/Amsterdam', $7,
                 ($9::date + time '09:00') AT TIME ZONE 'Europe/Amsterdam', $10,
                 CASE WHEN $10::uuid IS NULL THEN NULL ELSE ($9::date + time '09:00') AT TIME ZONE 'Europe/Amsterdam' END,
                 $11)
         ON CONFLICT (trajectory_id) DO NOTHING`,
        [
          trajectory.id,
          trajectory.client_id,
          text.conclusion,
          text.advice,
          kind,
          kind === 'final' ? 3 : 2,
          user,
          day(28),
          finalOn,
          kind === 'final' ? user : null,
          sent ? notAfter(addDays(finalOn, 3), end) : null,
        ],
      );
      outcomes += result.rowCount ?? 0;
    }

    // Functional capabilities for two of every three clients; the first has an older assessment too.
    if (index % 3 !== 2) {
      const history = index === 0 ? [21, 49] : [35];
      for (const [position, offset] of history.entries()) {
        const capability = CAPABILITIES[(index + position) % CAPABILITIES.length];
        const assessedOn = day(offset);
        await db.query(
          `INSERT INTO functional_capability (client_id, trajectory_id, can_do, cannot_do, hours_per_week,
                                              adjustments, assessed_on, valid_until, source, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'expertisecentrum', $9)`,
          [
            trajectory.client_id,
            trajectory.id,
            capability.canDo,
            capability.cannotDo,
            capability.hours,
            capability.adjustments,
            assessedOn,
            addDays(assessedOn, 365),
            user,
          ],
        );
        capabilities++;
      }
    }

    // Written consents (R-MED-04, R-MED-07): research for most, a GP request and health data to the
    // commissioner for some; evidence is a reference (the Expertisecentrum keeps no dossier documents).
    const consent = async (purpose: string, givenOn: string, recipient: string | null, evidence: string) => {
      await db.query(
        `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
         VALUES ($1, $2, $3, $4, 'written', $5, $6)`,
        [trajectory.client_id, purpose, recipient, givenOn, user, evidence],
      );
      consents++;
    };
    if (index % 4 !== 3) {
      const givenOn = day(2);
      await consent(
        'expertise_research',
        givenOn,
        null,
        `Getekend instemmingsformulier onderzoek ${givenOn}`,
      );
    }
    if (index % 3 === 0) {
      const givenOn = day(5);
      await consent(
        'gp_data_request',
        givenOn,
        GP_PRACTICES[index % GP_PRACTICES.length],
        `Getekende machtiging huisarts, map Expertisecentrum ${givenOn}`,
      );
    }
    if (index % 5 === 0) {
      const givenOn = day(40);
      await consent(
        'health_to_commissioner',
        givenOn,
        'Gemeente Ede, Werk en Inkomen',
        `Getekende toestemming rapportage gezondheid ${givenOn}`,
      );
    }
  }
  return { assigned: assigned.length, outcomes, functionalCapabilities: capabilities, consents };
}
