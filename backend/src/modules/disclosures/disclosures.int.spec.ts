import { createHash } from 'node:crypto';

import {
  type DisclosureDecision,
  type DisclosurePackage,
  type DisclosureResult,
  type DisclosureView,
} from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';
import { missingConsentMessage, todayInAmsterdam } from '../consents/consent-check.service';
import { canonicalJson } from './disclosure-package';

const BSN = '111222333';

describe('disclosures (R-SHARE)', () => {
  let ctx: TestContext;
  let coachId: string;
  let coach: string;
  let otherCoach: string;
  let payroll: string;
  let dpo: string;
  let clientId: string;
  let bemiddeling: string;
  let intake: string;
  let placedClientId: string;
  let beschutWerk: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    coachId = await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('coach2', ['coach']);
    await ctx.createUser('payroll1', ['payroll']);
    await ctx.createUser('fg1', ['dpo']);
    clientId = await ctx.createClient({ lastName: 'Jansen', firstName: 'Piet', bsn: BSN, coachId });
    await ctx.owner.query(
      `UPDATE client SET cv_link = 'https://cv.example/piet', phone = '0612345678', debt_notes = 'Schuld bij energiebedrijf'
        WHERE id = $1`,
      [clientId],
    );
    bemiddeling = await ctx.createTrajectory(clientId, 'bemiddeling', { createdBy: coachId });
    intake = await ctx.createTrajectory(clientId, 'intake', { createdBy: coachId });
    const entry = `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id)
                   VALUES ($1, $2, $3, $4, $5, $6, '2026-02-01', $7)`;
    await ctx.owner.query(entry, [
      clientId,
      bemiddeling,
      'note',
      'coaching_notes',
      'Gesprek',
      'Vertrouwelijk gespreksverslag',
      coachId,
    ]);
    await ctx.owner.query(entry, [
      clientId,
      bemiddeling,
      'progress',
      'progress',
      'Sollicitatie verstuurd',
      'Bij Bouwbedrijf Ede',
      coachId,
    ]);
    await ctx.owner.query(entry, [
      clientId,
      bemiddeling,
      'correspondence',
      'financial',
      'Brief schuldeiser',
      'Over de schuld',
      coachId,
    ]);

    placedClientId = await ctx.createClient({ lastName: 'Bakker', bsn: '123456782', coachId });
    beschutWerk = await ctx.createTrajectory(placedClientId, 'beschut_werk', { createdBy: coachId });
    await ctx.owner.query('UPDATE client SET iban_encrypted = $2 WHERE id = $1', [
      placedClientId,
      ctx.crypto.encrypt('NL91ABNA0417164300'),
    ]);

    coach = await ctx.login('coach1');
    otherCoach = await ctx.login('coach2');
    payroll = await ctx.login('payroll1');
    dpo = await ctx.login('fg1');
  });
  afterAll(() => ctx.close());

  const toUwv = () => ({
    trajectoryId: bemiddeling,
    recipient: { type: 'uwv', organisation: 'UWV Ede', person: 'M. de Boer', country: 'NL' },
    categories: ['identity', 'work_history', 'progress'],
    channel: 'secure_portal',
    purpose: 'Aanmelding voor een vacature via UWV',
  });

  const toSociaalTeam = () => ({
    trajectoryId: intake,
    recipient: { type: 'sociaal_team', organisation: 'Sociaal team Ede', country: 'NL' },
    categories: ['identity', 'life_domains'],
    channel: 'email',
    purpose: 'Afstemming hulp thuis',
  });

  async function disclosureCount(): Promise<number> {
    const result = await ctx.owner.query<{ count: string }>('SELECT count(*) FROM disclosure');
    return Number(result.rows[0].count);
  }

  it('R-SHARE-01, R-SHARE-02: a coach shares allowed categories with UWV; the register holds the legal basis and the digest of exactly what was sent', async () => {
    const response = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send(toUwv());
    expect(response.status).toBe(201);
    const result = response.body as DisclosureResult;
    expect(result.disclosure).toMatchObject({
      clientId,
      trajectoryId: bemiddeling,
      recipient: { type: 'uwv', organisation: 'UWV Ede', person: 'M. de Boer', country: 'NL' },
      categories: ['identity', 'work_history', 'progress'],
      ruleId: 'uwv',
      legalBasis: 'Participatiewet / WSW; Wet SUWI',
      consentId: null,
      disclosedByName: 'Test coach1',
      isReport: false,
      reviewStatus: null,
    });

    // The package names only the disclosed categories; no notes, no financial correspondence.
    const pkg = result.package;
    expect(Object.keys(pkg.data).sort()).toEqual(['identity', 'progress', 'work_history']);
    const text = JSON.stringify(pkg);
    expect(text).not.toContain('Vertrouwelijk gespreksverslag');
    expect(text).not.toContain('schuld');
    expect(text).not.toContain('0612345678');
    expect(text).toContain('Sollicitatie verstuurd');
    expect(text).toContain('https://cv.example/piet');
    // UWV is keyed by the BSN: it receives it in full.
    expect((pkg.data['identity'] as { fields: Record<string, unknown> }).fields['bsn']).toBe(BSN);
    expect(pkg.summary).toContain('Verstrekking aan UWV: UWV Ede t.a.v. M. de Boer (NL)');

    const digest = createHash('sha256').update(canonicalJson(pkg)).digest('hex');
    expect(result.disclosure.digest).toBe(digest);
    const row = await ctx.owner.query(
      `SELECT encode(digest, 'hex') AS digest, package, legal_basis, rule_id, rule_version, fields, disclosed_by
         FROM disclosure WHERE id = $1`,
      [result.disclosure.id],
    );
    expect(row.rows[0]).toMatchObject({
      digest,
      legal_basis: 'Participatiewet / WSW; Wet SUWI',
      rule_id: 'uwv',
      disclosed_by: coachId,
    });
    expect(createHash('sha256').update(canonicalJson(row.rows[0].package)).digest('hex')).toBe(digest);
    expect(row.rows[0].fields).toEqual(
      expect.arrayContaining(['firstName', 'bsn', 'cvLink', 'dossierEntries']),
    );

    const audit = await ctx.owner.query(
      `SELECT categories, ground->>'kind' AS ground_kind, ground->>'reference' AS ground_reference, result FROM audit_event
        WHERE object_id = $1 AND action = 'create'`,
      [result.disclosure.id],
    );
    expect(audit.rows[0]).toMatchObject({
      categories: ['identity', 'work_history', 'progress'],
      ground_kind: 'legal_basis',
      ground_reference: 'Participatiewet / WSW; Wet SUWI',
      result: 'allowed',
    });

    const stored = await ctx.http
      .get(`/api/clients/${clientId}/disclosures/${result.disclosure.id}/package`)
      .set(bearer(coach));
    expect(stored.status).toBe(200);
    expect(stored.body as DisclosurePackage).toEqual(pkg);
  });

  it('R-SHARE-01: a refused request records nothing and answers 403 with the reason per category', async () => {
    const before = await disclosureCount();
    const response = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send({ ...toUwv(), categories: ['identity', 'coaching_notes', 'financial'] });
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('Gespreksverslagen: Gespreksverslagen mag niet naar UWV');
    expect(response.body.message).toContain('Financiële situatie en schulden');
    const decision = response.body.decision as DisclosureDecision;
    expect(decision.categories.map((category) => [category.category, category.allowed])).toEqual([
      ['identity', true],
      ['coaching_notes', false],
      ['financial', false],
    ]);
    expect(await disclosureCount()).toBe(before);
    const audit = await ctx.owner.query(
      `SELECT result, http_status FROM audit_event WHERE action = 'create' AND object_type = 'Disclosure'
        ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toMatchObject({ result: 'denied', http_status: 403 });
  });

  it('R-SHARE-05: a recipient outside the EU/EEA is refused', async () => {
    const response = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send({ ...toUwv(), recipient: { ...toUwv().recipient, country: 'US' } });
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('Gegevens gaan nooit naar ontvangers buiten de EU/EER');
  });

  it('previews a decision without recording anything', async () => {
    const before = await disclosureCount();
    const response = await ctx.http
      .post(`/api/clients/${clientId}/disclosures/decision`)
      .set(bearer(coach))
      .send({ ...toUwv(), categories: ['identity', 'coaching_notes'] });
    expect(response.status).toBe(200);
    expect((response.body as DisclosureDecision).categories.map((category) => category.allowed)).toEqual([
      true,
      false,
    ]);
    expect(await disclosureCount()).toBe(before);
  });

  it('R-CONS-03, R-CONS-02: the sociaal team needs a valid consent; after withdrawal it is refused again', async () => {
    const without = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send(toSociaalTeam());
    expect(without.status).toBe(403);
    expect(without.body.message).toContain(missingConsentMessage('sociaal_team'));

    const consent = await ctx.owner.query<{ id: string }>(
      `INSERT INTO consent (client_id, purpose, recipient, given_on, form, recorded_by, evidence_reference)
       VALUES ($1, 'sociaal_team', 'Sociaal team Ede', '2026-01-10', 'oral', $2, 'Intakegesprek 10-01-2026')
       RETURNING id`,
      [clientId, coachId],
    );
    const consentId = consent.rows[0].id;
    const allowed = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send(toSociaalTeam());
    expect(allowed.status).toBe(201);
    expect((allowed.body as DisclosureResult).disclosure).toMatchObject({
      ruleId: 'sociaal-team',
      consentId,
      legalBasis: null,
    });
    const audit = await ctx.owner.query(
      `SELECT ground->>'kind' AS ground_kind, ground->>'reference' AS ground_reference FROM audit_event WHERE object_id = $1 AND action = 'create'`,
      [(allowed.body as DisclosureResult).disclosure.id],
    );
    expect(audit.rows[0]).toEqual({ ground_kind: 'consent', ground_reference: consentId });

    // The consent names its recipient: another sociaal team is not covered.
    const otherTeam = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send({
        ...toSociaalTeam(),
        recipient: { ...toSociaalTeam().recipient, organisation: 'Jeugdhulp Arnhem' },
      });
    expect(otherTeam.status).toBe(403);

    await ctx.owner.query(
      `UPDATE consent SET withdrawn_on = $2, withdrawn_recorded_by = $3, withdrawn_recorded_at = now() WHERE id = $1`,
      [consentId, todayInAmsterdam(), coachId],
    );
    const afterWithdrawal = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send(toSociaalTeam());
    expect(afterWithdrawal.status).toBe(403);
    expect(afterWithdrawal.body.message).toContain(missingConsentMessage('sociaal_team'));
    // The lawful earlier disclosure stays in the register.
    const kept = await ctx.owner.query('SELECT count(*) FROM disclosure WHERE consent_id = $1', [consentId]);
    expect(Number(kept.rows[0].count)).toBe(1);
  });

  it('R-SHARE-01: payroll may disclose payroll data to the Belastingdienst for beschut werk, with BSN and IBAN, but not to a sociaal team', async () => {
    const request = {
      trajectoryId: beschutWerk,
      recipient: { type: 'belastingdienst', organisation: 'Belastingdienst', country: 'NL' },
      categories: ['identity', 'payroll'],
      channel: 'secure_portal',
      purpose: 'Loonaangifte',
    };
    const response = await ctx.http
      .post(`/api/clients/${placedClientId}/disclosures`)
      .set(bearer(payroll))
      .send(request);
    expect(response.status).toBe(201);
    const result = response.body as DisclosureResult;
    expect(result.disclosure.legalBasis).toBe('Wet op de loonbelasting 1964 (loonaangifte) art. 28');
    expect((result.package.data['payroll'] as { fields: Record<string, unknown> }).fields).toEqual({
      iban: 'NL91ABNA0417164300',
    });
    expect((result.package.data['identity'] as { fields: Record<string, unknown> }).fields['bsn']).toBe(
      '123456782',
    );

    const sociaalTeam = await ctx.http
      .post(`/api/clients/${placedClientId}/disclosures`)
      .set(bearer(payroll))
      .send({
        ...request,
        recipient: { type: 'sociaal_team', organisation: 'Sociaal team Ede', country: 'NL' },
        categories: ['identity'],
      });
    expect(sociaalTeam.status).toBe(403);

    // A coach may not disclose to the Belastingdienst (the rule names payroll), nor payroll data they cannot read.
    const byCoach = await ctx.http
      .post(`/api/clients/${placedClientId}/disclosures`)
      .set(bearer(coach))
      .send(request);
    expect(byCoach.status).toBe(403);
  });

  it('cannot disclose what the caller cannot see: a coach is refused payroll data to an employer', async () => {
    const response = await ctx.http
      .post(`/api/clients/${placedClientId}/disclosures/decision`)
      .set(bearer(coach))
      .send({
        trajectoryId: beschutWerk,
        recipient: { type: 'employer', organisation: 'Permar', country: 'NL' },
        categories: ['identity', 'payroll'],
        channel: 'email',
        purpose: 'Plaatsing',
      });
    expect(response.status).toBe(200);
    const decision = response.body as DisclosureDecision;
    expect(decision.allowed).toBe(false);
    expect(decision.categories[1].reason).toContain('niet inzien');
  });

  it('R-SHARE-06: a written report is listed for the FG until the client has seen it', async () => {
    const report = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send({
        trajectoryId: bemiddeling,
        recipient: { type: 'income_consultant', organisation: 'Gemeente Ede', country: 'NL' },
        categories: ['identity', 'progress'],
        channel: 'email',
        purpose: 'Kwartaalrapportage',
        isReport: true,
      });
    expect(report.status).toBe(201);
    const id = (report.body as DisclosureResult).disclosure.id;
    expect((report.body as DisclosureResult).disclosure.reviewStatus).toBe('not_shown');

    const unreviewed = await ctx.http.get('/api/disclosures?unreviewedReports=true').set(bearer(dpo));
    expect(unreviewed.status).toBe(200);
    expect((unreviewed.body.items as DisclosureView[]).map((item) => item.id)).toEqual([id]);
    expect(JSON.stringify(unreviewed.body)).not.toContain('Sollicitatie verstuurd');
    expect((await ctx.http.get('/api/disclosures').set(bearer(coach))).status).toBe(403);
    const all = await ctx.http
      .get(`/api/disclosures?clientId=${clientId}&recipientType=uwv`)
      .set(bearer(dpo));
    expect(all.body.total).toBe(1);

    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    const tooEarly = await ctx.http
      .post(`/api/clients/${clientId}/disclosures/${id}/review`)
      .set(bearer(coach))
      .send({ status: 'shown_after_sending', shownOn: todayInAmsterdam(yesterday) });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.message).toContain('shownOn moet op of na de verzenddatum');

    const today = todayInAmsterdam();
    const reviewed = await ctx.http
      .post(`/api/clients/${clientId}/disclosures/${id}/review`)
      .set(bearer(coach))
      .send({ status: 'shown_after_sending', shownOn: today });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ reviewStatus: 'shown_after_sending', shownToClientOn: today });
    const again = await ctx.http
      .post(`/api/clients/${clientId}/disclosures/${id}/review`)
      .set(bearer(coach))
      .send({ status: 'shown_before_sending', shownOn: today });
    expect(again.status).toBe(409);

    const after = await ctx.http.get('/api/disclosures?unreviewedReports=true').set(bearer(dpo));
    expect(after.body.items).toEqual([]);

    const notAReport = (
      await ctx.owner.query(`SELECT id FROM disclosure WHERE NOT is_report AND client_id = $1 LIMIT 1`, [
        clientId,
      ])
    ).rows[0].id as string;
    const refused = await ctx.http
      .post(`/api/clients/${clientId}/disclosures/${notAReport}/review`)
      .set(bearer(coach))
      .send({ status: 'shown_before_sending', shownOn: today });
    expect(refused.status).toBe(400);
  });

  it('lists the client history newest first', async () => {
    const response = await ctx.http.get(`/api/clients/${clientId}/disclosures`).set(bearer(coach));
    expect(response.status).toBe(200);
    const items = response.body as DisclosureView[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    const times = items.map((item) => item.disclosedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('answers 404 to another coach and for a trajectory of another client', async () => {
    const [first] = (await ctx.http.get(`/api/clients/${clientId}/disclosures`).set(bearer(coach)))
      .body as DisclosureView[];
    expect(
      (await ctx.http.post(`/api/clients/${clientId}/disclosures`).set(bearer(otherCoach)).send(toUwv()))
        .status,
    ).toBe(404);
    expect((await ctx.http.get(`/api/clients/${clientId}/disclosures`).set(bearer(otherCoach))).status).toBe(
      404,
    );
    expect(
      (await ctx.http.get(`/api/clients/${clientId}/disclosures/${first.id}/package`).set(bearer(otherCoach)))
        .status,
    ).toBe(404);
    const foreignTrajectory = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send({ ...toUwv(), trajectoryId: beschutWerk });
    expect(foreignTrajectory.status).toBe(404);
  });

  it.each([
    [
      { recipient: { type: 'cia', organisation: 'X', country: 'NL' } },
      'recipient.type',
      'onbekende soort ontvanger',
    ],
    [{ categories: [] }, 'categories', 'minstens één categorie'],
    [{ categories: ['alles'] }, 'categories', 'categories mag alleen'],
    [{ recipient: { type: 'uwv', organisation: 'UWV', country: 'NLD' } }, 'recipient.country', 'landcode'],
    [{ channel: 'fax' }, 'channel', 'onbekend kanaal'],
    [
      { channel: 'whatsapp' },
      'channel',
      'Via WhatsApp worden geen inhoudelijke stukken verstuurd (R-CONS-04)',
    ],
    [{ trajectoryId: 'abc' }, 'trajectoryId', 'UUID'],
    [{ purpose: '' }, 'purpose', 'purpose'],
  ])('refuses bad input %j with a Dutch 400 naming the field', async (patch, field, text) => {
    const response = await ctx.http
      .post(`/api/clients/${clientId}/disclosures`)
      .set(bearer(coach))
      .send({ ...toUwv(), ...patch });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(response.body.message).toContain(text);
  });
});
