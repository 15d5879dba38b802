import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import {
  type DestructionCertificate,
  type DestructionItemView,
  type DestructionListView,
} from '@werkpad/shared';

import { AuditService } from '../../audit/audit.service';
import {
  bearer,
  createTestContext,
  executeDestructionList,
  type TestContext,
} from '../../../test/test-context';
import { DestructionRunner } from './destruction-runner.service';

/** Every column of every table in every schema of ours, as text, that contains `marker`. */
async function tablesContaining(ctx: TestContext, marker: string): Promise<string[]> {
  const tables = await ctx.owner.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_schema IN ('public', 'medical') AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const table of tables.rows) {
    const found = await ctx.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table.schema}"."${table.name}" t
        WHERE t::text ILIKE $1 OR encode(convert_to(t::text, 'UTF8'), 'escape') ILIKE $1`,
      [`%${marker}%`],
    );
    if (found.rows[0].n > 0) hits.push(`${table.schema}.${table.name}`);
  }
  return hits;
}

describe('retention and destruction (issue 7)', () => {
  let ctx: TestContext;
  let ids: Record<string, string>;
  let tokens: Record<string, string>;
  const logLines: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({
      logDestination: { write: (line: string) => void logLines.push(line) },
      logLevel: 'debug',
    });
    ids = {
      admin1: await ctx.createUser('admin1', ['admin']),
      admin2: await ctx.createUser('admin2', ['admin']),
      dpo1: await ctx.createUser('dpo1', ['dpo']),
      coach1: await ctx.createUser('coach1', ['coach']),
      exp1: await ctx.createUser('exp1', ['expertise']),
    };
    tokens = {};
    for (const name of Object.keys(ids)) tokens[name] = await ctx.login(name);
  });
  afterAll(() => ctx.close());

  let bsnCounter = 100;
  /** A valid BSN (11-proef) per call. */
  function nextBsn(): string {
    for (;;) {
      const digits = String(bsnCounter++).padStart(8, '0').split('').map(Number);
      const sum = digits.reduce((total, digit, index) => total + digit * (9 - index), 0);
      const last = sum % 11;
      if (last < 10) return `${digits.join('')}${last}`;
    }
  }

  const client = (lastName: string) => ctx.createClient({ lastName, bsn: nextBsn(), coachId: ids['coach1'] });
  const trajectory = (
    clientId: string,
    type: 'bemiddeling' | 'arbeidsdiagnose' | 'inburgering',
    closedOn?: string,
    startDate = '2004-01-05',
  ) => ctx.createTrajectory(clientId, type, { createdBy: ids['coach1'], closedOn, startDate });

  const as = (user: string) => bearer(tokens[user]);

  async function prepareList(): Promise<DestructionListView> {
    const response = await ctx.http.post('/api/destruction-lists').set(as('admin1'));
    expect(response.status).toBe(201);
    return response.body as DestructionListView;
  }

  async function itemsOf(listId: string, user = 'admin1'): Promise<DestructionItemView[]> {
    const response = await ctx.http.get(`/api/destruction-lists/${listId}/items?pageSize=100`).set(as(user));
    expect(response.status).toBe(200);
    return response.body.items as DestructionItemView[];
  }

  /** Review by admin1, approval by the FG, execution, and waiting for the run to finish. */
  async function reviewApproveExecute(listId: string): Promise<DestructionListView> {
    expect((await ctx.http.post(`/api/destruction-lists/${listId}/review`).set(as('admin1'))).status).toBe(
      200,
    );
    expect((await ctx.http.post(`/api/destruction-lists/${listId}/approve`).set(as('dpo1'))).status).toBe(
      200,
    );
    return executeDestructionList(ctx.http, listId, as('admin1'));
  }

  async function closeOpenLists(): Promise<void> {
    await ctx.owner.query(
      `UPDATE destruction_list SET status = 'cancelled' WHERE status IN ('prepared','reviewed','approved','running')`,
    );
  }

  describe('R-RET-01 / R-RET-02: dates', () => {
    it('R-RET-01: computes each part from the current policy; 29 February becomes 28 February; medical 15 years', async () => {
      const clientId = await client('Datum');
      await trajectory(clientId, 'arbeidsdiagnose', '2024-02-29', '2024-01-02');
      const response = await ctx.http.get(`/api/clients/${clientId}/retention`).set(as('admin1'));
      expect(response.status).toBe(200);
      const dates = response.body.dates as Array<{ part: string; dueOn: string; years: number }>;
      expect(dates.find((date) => date.part === 'file')).toMatchObject({ dueOn: '2026-02-28', years: 2 });
      expect(dates.find((date) => date.part === 'medical')).toMatchObject({ dueOn: '2039-02-28', years: 15 });
      expect(response.body.clientDueOn).toBe('2039-02-28');
    });

    it('R-RET-02: the client record goes on the latest date, and not while a trajectory is open; reopening clears the date', async () => {
      const clientId = await client('Laatste');
      const early = await trajectory(clientId, 'inburgering', '2015-06-30');
      await trajectory(clientId, 'bemiddeling', '2020-01-31');
      const read = async () =>
        (await ctx.http.get(`/api/clients/${clientId}/retention`).set(as('coach1'))).body;
      expect((await read()).clientDueOn).toBe('2030-01-31');
      await ctx.owner.query(`UPDATE trajectory SET status = 'open', closed_on = NULL WHERE id = $1`, [early]);
      const reopened = await read();
      expect(reopened.clientDueOn).toBeNull();
      expect(
        reopened.dates.find((date: { trajectoryId: string }) => date.trajectoryId === early).dueOn,
      ).toBeNull();
    });

    it('R-RET-01: a changed period is a recorded new version that applies to every date from then on', async () => {
      const clientId = await client('Wgbo');
      await trajectory(clientId, 'arbeidsdiagnose', '2020-03-01', '2020-01-06');
      const change = await ctx.http.post('/api/retention/policies').set(as('admin1')).send({
        trajectoryType: 'arbeidsdiagnose',
        part: 'medical',
        years: 20,
        legalGround: 'WGBO art. 7:454 (20 jaar)',
        source: 'Wetswijziging 2020',
        reason: 'De WGBO-termijn is 20 jaar geworden.',
      });
      expect(change.status).toBe(201);
      expect(change.body).toMatchObject({ version: 2, years: 20, changedBy: 'Test admin1' });
      const dates = (await ctx.http.get(`/api/clients/${clientId}/retention`).set(as('admin1'))).body.dates;
      expect(dates.find((date: { part: string }) => date.part === 'medical')).toMatchObject({
        dueOn: '2040-03-01',
        policyVersion: 2,
      });
      const policies = (await ctx.http.get('/api/retention/policies').set(as('dpo1'))).body;
      expect(
        policies.history
          .filter((p: { part: string }) => p.part === 'medical')
          .map((p: { version: number }) => p.version),
      ).toEqual([2, 1]);
      // Back to 15 years for the other tests, again as a recorded version.
      await ctx.http.post('/api/retention/policies').set(as('admin1')).send({
        trajectoryType: 'arbeidsdiagnose',
        part: 'medical',
        years: 15,
        legalGround: 'WGBO',
        source: 'Test',
        reason: 'Terug naar 15 jaar voor de volgende tests.',
      });
    });

    it('answers 400 with a Dutch message for a bad period, and 403 for a coach', async () => {
      const bad = await ctx.http.post('/api/retention/policies').set(as('admin1')).send({
        trajectoryType: 'bemiddeling',
        part: 'medical',
        years: 0,
        legalGround: 'x',
        source: 'y',
        reason: 'kort',
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/years moet een geheel getal van 1 tot en met 100 zijn/);
      const coach = await ctx.http.post('/api/retention/policies').set(as('coach1')).send({});
      expect(coach.status).toBe(403);
    });
  });

  describe('R-RET-03..06: holds, the reviewed list, destruction and what is left', () => {
    it('R-RET-04: the reviewer cannot approve; an excluded dossier survives; R-RET-03: a hold set after approval still blocks', async () => {
      await closeOpenLists();
      const excludedClient = await client('Uitgezonderd');
      await trajectory(excludedClient, 'bemiddeling', '2010-01-04');
      const lateHoldClient = await client('Blokkade');
      await trajectory(lateHoldClient, 'bemiddeling', '2010-01-04');
      const list = await prepareList();
      const items = await itemsOf(list.id);
      const itemOf = (clientId: string) =>
        items.find((item) => item.clientId === clientId) as DestructionItemView;
      expect(itemOf(excludedClient)).toMatchObject({
        scope: 'client',
        status: 'due',
        clientName: 'Uitgezonderd, Test',
      });
      // The FG sees pseudonymous references only.
      const fgItems = await itemsOf(list.id, 'dpo1');
      expect(fgItems.every((item) => item.clientId === null && item.clientName === null)).toBe(true);

      const exclude = await ctx.http
        .post(`/api/destruction-lists/${list.id}/items/${itemOf(excludedClient).id}/exclude`)
        .set(as('admin1'))
        .send({ reason: 'Bezwaarprocedure loopt nog bij de gemeente.' });
      expect(exclude.status).toBe(200);
      expect((await ctx.http.post(`/api/destruction-lists/${list.id}/review`).set(as('admin1'))).status).toBe(
        200,
      );
      // Another admin is not the FG: approval is the FG's (the second person, R-RET-04).
      expect(
        (await ctx.http.post(`/api/destruction-lists/${list.id}/approve`).set(as('admin2'))).status,
      ).toBe(403);
      expect((await ctx.http.post(`/api/destruction-lists/${list.id}/approve`).set(as('dpo1'))).status).toBe(
        200,
      );
      const hold = await ctx.http
        .post(`/api/clients/${lateHoldClient}/legal-holds`)
        .set(as('admin1'))
        .send({ reason: 'Rechtszaak over de uitkering loopt nog.' });
      expect(hold.status).toBe(201);
      expect(
        (await ctx.http.post(`/api/destruction-lists/${list.id}/execute`).set(as('admin1'))).status,
      ).toBe(202);
      let finished: DestructionListView | null = null;
      for (let attempt = 0; attempt < 100 && !finished; attempt += 1) {
        const current = (await ctx.http.get(`/api/destruction-lists/${list.id}`).set(as('admin1'))).body;
        if (current.status === 'completed') finished = current;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // A run that never finished says why in the log.
      expect(finished ? [] : logLines.filter((line) => /afgebroken|niet vernietigd/.test(line))).toEqual([]);
      expect(finished?.itemCounts).toMatchObject({ excluded: 1, held: 1 });
      const left = await ctx.owner.query('SELECT id FROM client WHERE id = ANY ($1::uuid[])', [
        [excludedClient, lateHoldClient],
      ]);
      expect(left.rows).toHaveLength(2);
      const retention = (await ctx.http.get(`/api/clients/${lateHoldClient}/retention`).set(as('coach1')))
        .body;
      expect(retention.state).toBe('on_hold');
      expect(retention.holds[0]).toMatchObject({ active: true, setByName: 'Test admin1' });
    });

    it('R-RET-04: a dossier that cannot be destroyed stops only itself; the rest of its batch goes, and the resumed run finishes it', async () => {
      await closeOpenLists();
      const goes = await client('Gaat');
      await trajectory(goes, 'bemiddeling', '2010-03-01');
      const stuck = await client('Vast');
      const stuckTrajectory = await trajectory(stuck, 'bemiddeling', '2010-03-01');
      const list = await prepareList();
      // A medical record on a trajectory whose medical part the list does not cover: the client's
      // delete meets the RESTRICT key of the medical schema, so this dossier's transaction fails.
      const [blocker] = (
        await ctx.owner.query(
          `INSERT INTO medical.medical_record (trajectory_id, client_id, kind, recorded_on, title_encrypted,
                                               body_encrypted, key_id, created_by)
           VALUES ($1, $2, 'diagnosis', DATE '2009-05-01', '\\x00', '\\x00', 'test', $3) RETURNING id`,
          [stuckTrajectory, stuck, ids['exp1']],
        )
      ).rows as Array<{ id: string }>;
      expect((await ctx.http.post(`/api/destruction-lists/${list.id}/review`).set(as('admin1'))).status).toBe(
        200,
      );
      expect((await ctx.http.post(`/api/destruction-lists/${list.id}/approve`).set(as('dpo1'))).status).toBe(
        200,
      );
      // As POST :id/execute does, but awaited here: the list is running, the runner takes it.
      await ctx.owner.query(
        `UPDATE destruction_list SET status = 'running', started_at = now() WHERE id = $1`,
        [list.id],
      );
      const runner = ctx.app.get(DestructionRunner);
      await runner.start(list.id, ids['dpo1']);

      const alive = async () =>
        (
          await ctx.owner.query('SELECT id FROM client WHERE id = ANY ($1::uuid[])', [[goes, stuck]])
        ).rows.map((row: { id: string }) => row.id);
      expect(await alive()).toEqual([stuck]);
      const statusOf = async (clientId: string) =>
        (await itemsOf(list.id)).find((item) => item.clientId === clientId)?.status;
      expect(await statusOf(stuck)).toBe('due');
      expect(logLines.some((line) => line.includes('niet vernietigd'))).toBe(true);
      expect((await ctx.http.get(`/api/destruction-lists/${list.id}`).set(as('admin1'))).body.status).toBe(
        'running',
      );

      await ctx.owner.query('DELETE FROM medical.medical_record WHERE id = $1', [blocker.id]);
      await runner.start(list.id, ids['dpo1']);
      expect(await alive()).toEqual([]);
      const finished = (await ctx.http.get(`/api/destruction-lists/${list.id}`).set(as('admin1')))
        .body as DestructionListView;
      expect(finished.status).toBe('completed');
      expect(finished.hasCertificate).toBe(true);
    });

    it('R-RET-03: a hold on one trajectory keeps it, the rest of a due dossier goes; lifting needs a reason', async () => {
      await closeOpenLists();
      const clientId = await client('Deels');
      const kept = await trajectory(clientId, 'bemiddeling', '2011-01-04');
      const gone = await trajectory(clientId, 'inburgering', '2011-01-04');
      const hold = await ctx.http
        .post(`/api/clients/${clientId}/legal-holds`)
        .set(as('admin1'))
        .send({ trajectoryId: kept, reason: 'Klacht bij de Nationale ombudsman.', until: '2099-12-31' });
      expect(hold.status).toBe(201);
      // A progress report speaks about the trajectories it covers: it goes with the last of them.
      const reportAbout = async (reference: string, trajectoryIds: string[]) =>
        ctx.owner.query(
          `INSERT INTO progress_report (id, reference, client_id, trajectory_ids, period_start, period_end,
                                        recipient_type, recipient_organisation, categories, content,
                                        content_sha256, origin, created_by, created_at)
           VALUES (gen_random_uuid(), $1, $2, $3, '2010-01-01', '2010-12-31', 'income_consultant', 'Gemeente',
                   '{progress}', '{}', sha256('x'), 'file', $4, now())`,
          [reference, clientId, trajectoryIds, ids['coach1']],
        );
      const stamp = Date.now().toString(36);
      await reportAbout(`RAP-GONE-${stamp}`, [gone]);
      await reportAbout(`RAP-KEPT-${stamp}`, [kept]);
      const list = await prepareList();
      const item = (await itemsOf(list.id)).find((candidate) => candidate.clientId === clientId);
      expect(item).toMatchObject({ scope: 'trajectories', status: 'due' });
      expect(item?.parts.map((part) => part.trajectoryType)).toEqual(['inburgering']);
      await reviewApproveExecute(list.id);
      const remaining = await ctx.owner.query<{ id: string }>(
        'SELECT id FROM trajectory WHERE client_id = $1',
        [clientId],
      );
      expect(remaining.rows.map((row) => row.id)).toEqual([kept]);
      expect(gone).not.toBe(kept);
      const reports = await ctx.owner.query<{ reference: string }>(
        'SELECT reference FROM progress_report WHERE client_id = $1',
        [clientId],
      );
      expect(reports.rows.map((row) => row.reference)).toEqual([`RAP-KEPT-${stamp}`]);
      const tooShort = await ctx.http
        .post(`/api/legal-holds/${hold.body.id}/lift`)
        .set(as('admin1'))
        .send({ reason: 'ok' });
      expect(tooShort.status).toBe(400);
      const lifted = await ctx.http
        .post(`/api/legal-holds/${hold.body.id}/lift`)
        .set(as('admin1'))
        .send({ reason: 'De klacht is afgehandeld.' });
      expect(lifted.body).toMatchObject({ active: false, liftedByName: 'Test admin1' });
    });

    it('R-RET-06: the erasure assessment names what can go now and what must be kept, with the ground', async () => {
      const clientId = await client('Wissen');
      await trajectory(clientId, 'inburgering', '2012-05-01');
      await trajectory(clientId, 'bemiddeling', '2025-05-01');
      const response = await ctx.http.get(`/api/clients/${clientId}/erasure-assessment`).set(as('admin1'));
      expect(response.status).toBe(200);
      expect(response.body.erasableNow).toEqual([
        expect.objectContaining({
          trajectoryType: 'inburgering',
          part: 'file',
          reason: expect.stringMatching(/verstreken op 01-05-2017/),
        }),
      ]);
      expect(response.body.mustKeep).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            trajectoryType: 'bemiddeling',
            keepUntil: '2035-05-01',
            ground: expect.stringMatching(/Wettelijke bewaarplicht: 10 jaar/),
          }),
          expect.objectContaining({ part: 'client', keepUntil: '2035-05-01' }),
        ]),
      );
      expect((await ctx.http.get(`/api/clients/${clientId}/erasure-assessment`).set(as('dpo1'))).status).toBe(
        403,
      );
    });

    it('R-RET-05: after destruction nothing with the marker is left in any table or log line, the log keeps a reference and the chain verifies', async () => {
      await closeOpenLists();
      const marker = `MRK${Date.now().toString(36)}X`;
      const clientId = await ctx.createClient({
        lastName: `${marker}achternaam`,
        firstName: `${marker}voornaam`,
        bsn: nextBsn(),
        coachId: ids['coach1'],
      });
      await ctx.owner.query(
        `UPDATE client SET street = $2, city = $3, debt_notes = $4, life_domains_notes = $5, availability_notes = $6 WHERE id = $1`,
        [
          clientId,
          `${marker}straat`,
          `${marker}stad`,
          `${marker}schulden`,
          `${marker}leefgebieden`,
          `${marker}beschikbaar`,
        ],
      );
      const diagnosis = await trajectory(clientId, 'arbeidsdiagnose', undefined, '2004-01-05');
      const bemiddeling = await trajectory(clientId, 'bemiddeling', '2009-12-31');
      await ctx.owner.query('UPDATE trajectory SET expertise_user_id = $2 WHERE id = $1', [
        diagnosis,
        ids['exp1'],
      ]);
      const record = await ctx.http
        .post(`/api/expertise/trajectories/${diagnosis}/medical-records`)
        .set(as('exp1'))
        .send({
          kind: 'diagnosis',
          recordedOn: '2004-02-02',
          title: `${marker}titel`,
          body: `${marker}inhoud`,
        });
      expect(record.status).toBe(201);
      const note = await ctx.owner.query<{ id: string }>(
        `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
         VALUES ($1, $2, 'note', 'coaching_notes', $3, $4, '2009-06-01', $5) RETURNING id`,
        [clientId, bemiddeling, `${marker}notitie`, `${marker}tekst`, ids['coach1']],
      );
      const document = await ctx.owner.query<{ id: string }>(
        `INSERT INTO document (client_id, file_name, media_type, size_bytes, sha256, uploaded_by)
         VALUES ($1, $2, 'text/plain', 20, sha256('x'), $3) RETURNING id`,
        [clientId, `${marker}.txt`, ids['coach1']],
      );
      await ctx.owner.query(
        "INSERT INTO document_content (document_id, content) VALUES ($1, convert_to($2, 'UTF8'))",
        [document.rows[0].id, `${marker}inhoud van het bestand`],
      );
      await ctx.owner.query(
        `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
         VALUES ($1, 'whatsapp', $2, '2005-01-01', 'written', $3, $4)`,
        [clientId, `${marker}ontvanger`, ids['coach1'], `${marker}bewijs`],
      );
      await ctx.owner.query(
        `INSERT INTO employment (client_id, employer_name, job_title, start_date, contract_hours_per_week, gross_monthly_salary_cents, created_by)
         VALUES ($1, $2, $3, '2006-01-01', 20, 150000, $4)`,
        [clientId, `${marker}werkgever`, `${marker}functie`, ids['coach1']],
      );
      await ctx.owner.query(
        `INSERT INTO emergency_access (user_id, client_id, reason, explanation, expires_at)
         VALUES ($1, $2, 'crisis_contact', $3, now() + interval '1 hour')`,
        [ids['coach1'], clientId, `${marker} toelichting bij de noodtoegang`],
      );
      // A data-subject request stays in the register, without the client and its free text.
      const dsr = await ctx.owner.query<{ id: string }>(
        `INSERT INTO dsr_request (reference, client_id, type, channel, received_on, description, due_on, registered_by)
         VALUES ($1, $2, 'access', 'letter', '2009-01-05', $3, '2009-02-05', $4) RETURNING id`,
        [`AVG-${marker}`.slice(0, 20).replace(marker, 'M'), clientId, `${marker} wil inzage`, ids['admin1']],
      );
      // Reads that the log records about this client, then the arbeidsdiagnose closes long ago.
      expect((await ctx.http.get(`/api/clients/${clientId}`).set(as('coach1'))).status).toBe(200);
      await ctx.owner.query(
        `UPDATE trajectory SET status = 'closed', closed_on = '2008-02-29' WHERE id = $1`,
        [diagnosis],
      );
      expect(note.rows).toHaveLength(1);
      expect(await tablesContaining(ctx, marker)).not.toEqual([]);
      const logged = await ctx.owner.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_event WHERE subject_client_ids @> ARRAY[$1]::uuid[]',
        [clientId],
      );
      expect(logged.rows[0].n).toBeGreaterThan(0);

      const list = await prepareList();
      const item = (await itemsOf(list.id)).find(
        (candidate) => candidate.clientId === clientId,
      ) as DestructionItemView;
      expect(item).toMatchObject({ scope: 'client', status: 'due' });
      logLines.length = 0;
      await reviewApproveExecute(list.id);

      expect(await tablesContaining(ctx, marker)).toEqual([]);
      expect(logLines.filter((line) => line.includes(marker))).toEqual([]);
      const kept = await ctx.owner.query<{ client_id: string | null; dossier_ref: string }>(
        'SELECT client_id, dossier_ref FROM dsr_request WHERE id = $1',
        [dsr.rows[0].id],
      );
      expect(kept.rows).toEqual([{ client_id: null, dossier_ref: item.dossierRef }]);
      expect(
        (await ctx.owner.query('SELECT 1 FROM medical.medical_record WHERE client_id = $1', [clientId])).rows,
      ).toEqual([]);
      const stillNamed = await ctx.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE subject_client_ids @> ARRAY[$1]::uuid[] OR object_id = $1::text`,
        [clientId],
      );
      expect(stillNamed.rows[0].n).toBe(0);
      // The log keeps the pseudonymous reference, the same one the certificate names.
      const ref = ctx.app.get(AuditService).refFor(clientId);
      const byRef = await ctx.owner.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_event WHERE $1 = ANY (subject_refs)',
        [ref],
      );
      // Every row that named the client before (and the list's own reads since) now carries only the reference.
      expect(byRef.rows[0].n).toBeGreaterThanOrEqual(logged.rows[0].n);
      const verification = (await ctx.http.get('/api/audit/verify').set(as('dpo1'))).body;
      expect(verification).toMatchObject({ ok: true, firstBrokenSeq: null });

      const download = await ctx.http
        .get(`/api/destruction-lists/${list.id}/certificate?format=json`)
        .set(as('dpo1'));
      const certificate = download.body as DestructionCertificate;
      // What is downloaded is the archived certificate itself: its digest is the one stored with it.
      const digest = createHash('sha256').update(download.text).digest('hex');
      const stored = await ctx.owner.query<{ sha: string }>(
        `SELECT encode(certificate_sha256, 'hex') AS sha FROM destruction_list WHERE id = $1`,
        [list.id],
      );
      expect(stored.rows[0].sha).toBe(digest);
      expect(certificate.totals).toMatchObject({ dossiers: certificate.dossiers.length, medicalRecords: 1 });
      const entry = certificate.dossiers.find((dossier) => dossier.dossierRef === ref.slice(0, 16));
      expect(entry).toMatchObject({
        scope: 'client',
        counts: expect.objectContaining({ medicalRecords: 1, documents: 1, consents: 1 }),
      });
      expect(certificate).toMatchObject({ reviewedBy: 'Test admin1', approvedBy: 'Test dpo1' });
      expect(JSON.stringify(certificate)).not.toContain(clientId);
      expect(JSON.stringify(certificate)).not.toContain(marker);
      const pdf = await ctx.http
        .get(`/api/destruction-lists/${list.id}/certificate?format=pdf`)
        .set(as('admin1'))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
      const file = join(mkdtempSync(join(tmpdir(), 'werkpad-vv-')), 'verklaring.pdf');
      writeFileSync(file, pdf.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Verklaring van vernietiging');
      expect(text).toContain(certificate.reference);
      expect(text).toContain(ref.slice(0, 16));
      expect(text.replace(/\s/g, '')).toContain(digest);
      expect(text).not.toContain(marker);
    });

    it('a dossier entry, disclosure or diagnosis outcome cannot name another client than its trajectory has', async () => {
      const owner = await client('Eigenaar');
      const other = await client('Ander');
      const ownersTrajectory = await trajectory(owner, 'bemiddeling');
      const refused = await ctx.owner
        .query(
          `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
           VALUES ($1, $2, 'note', 'coaching_notes', 'Gesprek', 'Verslag', '2009-06-01', $3)`,
          [other, ownersTrajectory, ids['coach1']],
        )
        .then(
          () => null,
          (error: { code?: string; constraint?: string }) => error,
        );
      expect(refused).toMatchObject({ code: '23503', constraint: 'dossier_entry_trajectory_fkey' });
    });

    it('R-RET-05: the application role cannot pseudonymise the log of a living client or outside an approved list, nor change a row', async () => {
      await closeOpenLists();
      const clientId = await client('Levend');
      await trajectory(clientId, 'bemiddeling', '2010-02-01');
      const list = await prepareList();
      const item = (await itemsOf(list.id)).find(
        (candidate) => candidate.clientId === clientId,
      ) as DestructionItemView;
      expect((await ctx.http.post(`/api/destruction-lists/${list.id}/review`).set(as('admin1'))).status).toBe(
        200,
      );
      expect((await ctx.http.post(`/api/destruction-lists/${list.id}/approve`).set(as('dpo1'))).status).toBe(
        200,
      );
      const appRole = new Client({ connectionString: ctx.appRoleUrl });
      await appRole.connect();
      try {
        // Approved and due, but the client still exists: its log stays as it is.
        await expect(
          appRole.query('SELECT * FROM audit_pseudonymise_clients($1::uuid[])', [[item.id]]),
        ).rejects.toThrow(/still exists/);
        await expect(
          appRole.query('SELECT * FROM audit_pseudonymise_clients(ARRAY[gen_random_uuid()])'),
        ).rejects.toThrow(/not every item is a due dossier of an approved destruction list/);
        await expect(appRole.query(`UPDATE audit_event SET subject_client_ids = '{}'`)).rejects.toThrow(
          /permission denied/,
        );
        // One item that is not approved and due stops the whole batch, including the approved one.
        await expect(
          appRole.query('SELECT * FROM destroy_dossiers(ARRAY[$1::uuid, gen_random_uuid()])', [item.id]),
        ).rejects.toThrow(/not every destruction item of the batch is approved and due/);
        expect((await itemsOf(list.id)).find((candidate) => candidate.id === item.id)?.status).toBe('due');
      } finally {
        await appRole.end();
      }
      await closeOpenLists();
    });
  });
});
