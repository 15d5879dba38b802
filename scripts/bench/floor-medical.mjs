// The Expertisecentrum routes of the floor (issue 5): the expertise user's workspace list, and the
// medical records of one trajectory as the medical module reads them: over a second pool logged in
// as werkpad_medical, in a transaction that names the user for row-level security, with AES-256-GCM
// decryption of every content column, then the audit row on the main connection.
import { createDecipheriv, createHash } from 'node:crypto';

import pg from 'pg';

import { appendAudit, auditAs } from './floor-audit.mjs';
import { activeUser } from './floor-auth.mjs';
import { pool, shared } from './floor-backend.mjs';
import { HttpError } from './floor-http.mjs';

const {
  destructionDate,
  medicalAad,
  MEDICAL_CIPHERTEXT_VERSION,
  MEDICAL_HEADER_LENGTH,
  MEDICAL_IV_LENGTH,
  MEDICAL_KEY_ID_LENGTH,
  MEDICAL_TAG_LENGTH,
} = shared;

/** MedicalDatabase's pool: its own login (werkpad_medical) and its size (5). */
export const medicalPool = new pg.Pool({
  connectionString: process.env.FLOOR_MEDICAL_DATABASE_URL,
  max: 5,
  application_name: 'werkpad-floor-medical',
});

/** MedicalCrypto's key ring: current key first, retired ones after; keyed by the 8-hex key id. */
const medicalKeys = new Map(
  [process.env.MEDICAL_ENCRYPTION_KEY, ...(process.env.MEDICAL_ENCRYPTION_PREVIOUS_KEYS?.split(',') ?? [])]
    .filter(Boolean)
    .map((base64) => {
      const key = Buffer.from(base64.trim(), 'base64');
      return [createHash('sha256').update(key).digest('hex').slice(0, MEDICAL_KEY_ID_LENGTH), key];
    }),
);

/**
 * MedicalCrypto.decrypt: version | key id | IV | tag | ciphertext, with the header authenticated
 * together with the associated data that binds the value to its table, row and column.
 */
function decrypt(stored, aad) {
  if (stored === null) return null;
  if (stored[0] !== MEDICAL_CIPHERTEXT_VERSION) throw new Error('not a medical ciphertext');
  const key = medicalKeys.get(stored.subarray(1, MEDICAL_HEADER_LENGTH).toString('latin1'));
  if (!key) throw new Error('medical key not in the ring');
  const tagStart = MEDICAL_HEADER_LENGTH + MEDICAL_IV_LENGTH;
  const bodyStart = tagStart + MEDICAL_TAG_LENGTH;
  const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(MEDICAL_HEADER_LENGTH, tagStart), {
    authTagLength: MEDICAL_TAG_LENGTH,
  });
  decipher.setAAD(Buffer.concat([stored.subarray(0, MEDICAL_HEADER_LENGTH), Buffer.from(aad, 'utf8')]));
  decipher.setAuthTag(stored.subarray(tagStart, bodyStart));
  return Buffer.concat([decipher.update(stored.subarray(bodyStart)), decipher.final()]).toString('utf8');
}

/** MedicalDatabase.transaction: BEGIN, the user for the RLS policies, the work, COMMIT. */
async function medicalTransaction(userId, work) {
  const client = await medicalPool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('werkpad.user_id', $1, true)`, [userId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The display name of a user id column (userName in medical-records.service.ts). */
const userName = (column) => `(SELECT u.display_name FROM public.app_user u WHERE u.id = ${column})`;
const RECORD_COLUMNS = `r.id, r.trajectory_id, r.client_id, r.kind, r.recorded_on::text AS recorded_on,
  r.title_encrypted, r.body_encrypted, r.source_encrypted, r.key_id, r.version, r.created_by, r.created_at,
  r.updated_by, r.updated_at, ${userName('r.created_by')} AS created_by_name,
  ${userName('r.updated_by')} AS updated_by_name`;

/**
 * MedicalRecordsService.list: findAssignedTrajectory (404 unless it is an arbeidsdiagnose of this
 * expertise user), the records newest first (row-level security applies on top), decrypted; then
 * the audit row of the read, with ids and the category `medical` only.
 */
export async function medicalRecords(request, [trajectoryId]) {
  const user = await activeUser(request);
  const { trajectory, rows } = await medicalTransaction(user.userId, async (client) => {
    const found = await client.query(
      `SELECT t.id, t.client_id, t.status FROM public.trajectory t
        WHERE t.id = $1 AND t.type = 'arbeidsdiagnose' AND t.expertise_user_id = medical.current_expertise_user()`,
      [trajectoryId],
    );
    if (!found.rows[0]) throw new HttpError(404, 'Niet gevonden.');
    const records = await client.query(
      `SELECT ${RECORD_COLUMNS} FROM medical.medical_record r
        WHERE r.trajectory_id = $1 ORDER BY r.recorded_on DESC, r.created_at DESC, r.id`,
      [found.rows[0].id],
    );
    return { trajectory: found.rows[0], rows: records.rows };
  });
  const body = rows.map((row) => {
    const aad = (column) => medicalAad('medical_record', row.id, column);
    return {
      id: row.id,
      trajectoryId: row.trajectory_id,
      clientId: row.client_id,
      kind: row.kind,
      recordedOn: row.recorded_on,
      title: decrypt(row.title_encrypted, aad('title')),
      body: decrypt(row.body_encrypted, aad('body')),
      source: decrypt(row.source_encrypted, aad('source')),
      version: row.version,
      createdBy: row.created_by,
      createdByName: row.created_by_name,
      createdAt: row.created_at.toISOString(),
      updatedBy: row.updated_by,
      updatedByName: row.updated_by_name,
      updatedAt: row.updated_at?.toISOString() ?? null,
    };
  });
  // Only the benchmark sends this header, to measure what the audit append costs.
  if (request.headers['x-floor-audit'] === 'off') return { status: 200, body };
  await appendAudit(
    {
      ...auditAs(user),
      subjectClientIds: [trajectory.client_id],
      objectType: 'MedicalRecord',
      objectId: trajectoryId,
      action: 'read',
      result: 'allowed',
      categories: ['medical'],
      ground: { kind: 'trajectory', reference: trajectory.id },
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body };
}

const WORKSPACE_GROUND = { kind: 'role_policy', reference: 'expertise.policy: eigen arbeidsdiagnoses' };

/**
 * ExpertiseWorkspaceService.list: the user's own arbeidsdiagnose trajectories (the CASL rule
 * `expertiseUserId = user`, in SQL), with the client's and coach's names and the outcome status,
 * open first, then the audit row naming the clients.
 */
export async function expertiseWorkspace(request) {
  const user = await activeUser(request);
  const status = new URL(request.url, 'http://floor').searchParams.get('status');
  if (status !== null && !['open', 'closed'].includes(status)) throw new HttpError(400, 'status');
  const params = [user.userId];
  if (status) params.push(status);
  const { rows } = await pool.query(
    `SELECT t.id AS "trajectoryId", t.client_id AS "clientId", c.first_name || ' ' || c.last_name AS "clientName",
            t.status, t.start_date::text AS "startDate", t.closed_on::text AS "closedOn",
            coach.display_name AS "coachName", outcome.status AS "outcomeStatus", t.legal_basis AS "legalBasis",
            c.date_of_birth::text AS "clientDateOfBirth"
       FROM trajectory t
       JOIN client c ON c.id = t.client_id
       LEFT JOIN app_user coach ON coach.id = c.coach_id
       LEFT JOIN diagnosis_outcome outcome ON outcome.trajectory_id = t.id
      WHERE (t.expertise_user_id = $1) AND t.type = 'arbeidsdiagnose'${status ? ' AND t.status = $2' : ''}
      ORDER BY CASE WHEN t.status = 'open' THEN 0 ELSE 1 END ASC, t.start_date DESC, t.id ASC`,
    params,
  );
  const body = rows.map((row) => ({
    trajectoryId: row.trajectoryId,
    clientId: row.clientId,
    clientName: row.clientName,
    status: row.status,
    startDate: row.startDate,
    closedOn: row.closedOn,
    coachName: row.coachName,
    outcomeStatus: row.outcomeStatus,
    dossierDestructionDate: destructionDate('arbeidsdiagnose', row.closedOn, 'file'),
    medicalDestructionDate: destructionDate('arbeidsdiagnose', row.closedOn, 'medical'),
  }));
  await appendAudit(
    {
      ...auditAs(user),
      subjectClientIds: [...new Set(rows.map((row) => row.clientId))],
      objectType: 'ExpertiseTrajectory',
      action: 'search',
      result: 'allowed',
      categories: rows.length > 0 ? ['identity', 'diagnosis_outcome'] : [],
      ground: WORKSPACE_GROUND,
      details: status ? { status } : null,
      httpStatus: 200,
    },
    request,
  );
  return { status: 200, body };
}
