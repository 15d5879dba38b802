import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type DisclosureView, type ProgressReportView, type ReportExportView } from '@werkpad/shared';
import { unzipSync } from 'fflate';
import type { Response } from 'supertest';

import { bearer, binaryBody, createTestContext, type TestContext } from '../../../test/test-context';
import { todayInAmsterdam } from '../consents/consent-check.service';

const NOTE_MARKER = 'VERTROUWELIJKGESPREK7731';
const DEBT_MARKER = 'SCHULDENERGIE5512';

/** Collects a binary response body (supertest buffers only text by default). */
function binary(response: Response): Buffer {
  return response.body as Buffer;
}

describe('progress reports (issue 8, R-REP-01, R-SHARE-06)', () => {
  let ctx: TestContext;
  let coach: string;
  let coachId: string;
  let clientId: string;
  let bemiddeling: string;
  let otherClientTrajectory: string;
  const folder = mkdtempSync(join(tmpdir(), 'werkpad-reports-'));

  const entry = (values: {
    client: string;
    trajectory: string;
    kind: string;
    category: string;
    title: string;
    body: string;
    on: string;
    decidedBy?: string;
  }) =>
    ctx.owner.query(
      `INSERT INTO dossier_entry (client_id, trajectory_id, kind, category, title, body, occurred_on, author_id, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        values.client,
        values.trajectory,
        values.kind,
        values.category,
        values.title,
        values.body,
        values.on,
        coachId,
        values.decidedBy ?? null,
      ],
    );

  const pdfOf = async (token: string, reportId: string, client = clientId): Promise<Buffer> => {
    const response = await ctx.http
      .get(`/api/clients/${client}/reports/${reportId}/pdf`)
      .set(bearer(token))
      .buffer(true)
      .parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return binary(response);
  };

  const textOf = (pdf: Buffer, name: string): string => {
    const file = join(folder, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    coachId = await ctx.createUser('rap_coach', ['coach']);
    await ctx.createUser('rap_management', ['management']);
    clientId = await ctx.createClient({ lastName: 'Bakker', firstName: 'Anouk', bsn: '111222333', coachId });
    await ctx.owner.query(`UPDATE client SET debt_notes = $2 WHERE id = $1`, [
      clientId,
      `Schuld ${DEBT_MARKER}`,
    ]);
    bemiddeling = await ctx.createTrajectory(clientId, 'bemiddeling', {
      createdBy: coachId,
      startDate: '2025-11-01',
    });
    await entry({
      client: clientId,
      trajectory: bemiddeling,
      kind: 'note',
      category: 'coaching_notes',
      title: 'Gesprek',
      body: NOTE_MARKER,
      on: '2026-02-01',
    });
    await entry({
      client: clientId,
      trajectory: bemiddeling,
      kind: 'progress',
      category: 'progress',
      title: 'Proefplaatsing bij Bakkerij Ede gestart',
      body: 'Drie dagen per week, goed begonnen.',
      on: '2026-02-10',
    });
    await entry({
      client: clientId,
      trajectory: bemiddeling,
      kind: 'decision',
      category: 'benefit_impact',
      title: 'Inkomsten worden verrekend met de uitkering',
      body: 'Vanaf maart.',
      on: '2026-03-01',
      decidedBy: 'K. de Boer, inkomensconsulent',
    });
    // Outside the period: not in the report.
    await entry({
      client: clientId,
      trajectory: bemiddeling,
      kind: 'progress',
      category: 'progress',
      title: 'Oude afspraak buiten de periode',
      body: 'Niet rapporteren.',
      on: '2025-11-15',
    });
    const otherClient = await ctx.createClient({ lastName: 'Smit', bsn: '123456782', coachId });
    otherClientTrajectory = await ctx.createTrajectory(otherClient, 'bemiddeling', { createdBy: coachId });
    coach = await ctx.login('rap_coach');
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await ctx.close();
  });

  const create = (body: Record<string, unknown>, client = clientId) =>
    ctx.http.post(`/api/clients/${client}/reports`).set(bearer(coach)).send(body);

  it('R-REP-01: a report for the income consultant holds progress and benefit impact, no notes, no debts; PDF/A with embedded fonts', async () => {
    const created = await create({
      trajectoryIds: [bemiddeling],
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      recipientType: 'income_consultant',
      nextSteps: [{ trajectoryId: bemiddeling, text: 'Sollicitatiegesprek in juli.' }],
    });
    expect(created.status).toBe(201);
    const report = created.body as ProgressReportView;
    expect(report.categories).toEqual(['identity', 'progress', 'benefit_impact']);
    expect(report.recipientOrganisation).toBe('Gemeente Ede');
    const pdf = await pdfOf(coach, report.id);
    const file = join(folder, 'income.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    execFileSync('pdftoppm', ['-r', '40', '-png', file, join(folder, 'page')]);
    expect(
      readdirSync(folder).filter((name) => name.startsWith('page') && name.endsWith('.png')),
    ).toHaveLength(pages);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.every((line) => / yes /.test(line))).toBe(true);
    const text = textOf(pdf, 'income-text');
    expect(text).toContain('Proefplaatsing bij Bakkerij Ede gestart');
    expect(text).toContain('Inkomsten worden verrekend met de uitkering');
    expect(text).toContain('Besluit genomen door K. de Boer, inkomensconsulent.');
    expect(text).toContain('Sollicitatiegesprek in juli.');
    expect(text).toContain(`pagina 1 van ${pages}`);
    expect(text).toContain('Ontvanger: Gemeente Ede');
    // The full BSN goes to the municipality (keyed by it).
    expect(text).toContain('111222333');
    expect(text).not.toContain(NOTE_MARKER);
    expect(text).not.toContain(DEBT_MARKER);
    expect(text).not.toContain('Oude afspraak buiten de periode');
  });

  it('R-REP-01: a report for UWV leaves benefit impact out and masks nothing UWV may not have', async () => {
    const created = await create({
      trajectoryIds: [bemiddeling],
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      recipientType: 'uwv',
      recipientOrganisation: 'UWV Ede',
    });
    expect(created.status).toBe(201);
    const report = created.body as ProgressReportView;
    expect(report.categories).not.toContain('benefit_impact');
    const text = textOf(await pdfOf(coach, report.id), 'uwv');
    expect(text).toContain('Proefplaatsing bij Bakkerij Ede gestart');
    expect(text).not.toContain('Inkomsten worden verrekend met de uitkering');
  });

  it('R-SHARE-06: draft → shown to the client before sending → sent: a disclosure per trajectory, archived in the dossier, same PDF again', async () => {
    const report = (
      await create({
        trajectoryIds: [bemiddeling],
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        recipientType: 'income_consultant',
      })
    ).body as ProgressReportView;
    const base = `/api/clients/${clientId}/reports/${report.id}`;
    const early = await ctx.http
      .post(`${base}/review`)
      .set(bearer(coach))
      .send({ status: 'shown_after_sending', shownOn: todayInAmsterdam() });
    expect(early.status).toBe(400);
    expect((early.body as { message: string }).message).toContain('vóór verzending');
    const reviewed = await ctx.http
      .post(`${base}/review`)
      .set(bearer(coach))
      .send({ status: 'shown_before_sending', shownOn: todayInAmsterdam() });
    expect(reviewed.status).toBe(200);
    const sent = await ctx.http.post(`${base}/send`).set(bearer(coach)).send({ channel: 'secure_portal' });
    expect(sent.status).toBe(200);
    const view = sent.body as ProgressReportView;
    expect(view.status).toBe('sent');
    expect(view.disclosureIds).toHaveLength(1);
    const again = await ctx.http.post(`${base}/send`).set(bearer(coach)).send({ channel: 'post' });
    expect(again.status).toBe(409);

    const pdf = await pdfOf(coach, report.id);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(view.pdfSha256);
    const history = (await ctx.http.get(`/api/clients/${clientId}/disclosures`).set(bearer(coach)))
      .body as DisclosureView[];
    const disclosure = history.find((item) => item.id === view.disclosureIds[0]);
    expect(disclosure).toMatchObject({
      isReport: true,
      reviewStatus: 'shown_before_sending',
      recipient: { type: 'income_consultant', organisation: 'Gemeente Ede' },
      categories: ['identity', 'progress', 'benefit_impact'],
      purpose: `Voortgangsrapportage ${report.reference}`,
    });
    const archived = await ctx.owner.query(
      `SELECT kind, correspondence_direction, title FROM dossier_entry WHERE client_id = $1 AND title LIKE $2`,
      [clientId, `%${report.reference}%`],
    );
    expect(archived.rows).toEqual([
      {
        kind: 'correspondence',
        correspondence_direction: 'outgoing',
        title: `Voortgangsrapportage ${report.reference} verzonden`,
      },
    ]);
  });

  it('bad input answers 400 with a message and stores nothing', async () => {
    const before = await ctx.owner.query('SELECT count(*)::int AS n FROM progress_report');
    const valid = {
      trajectoryIds: [bemiddeling],
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      recipientType: 'uwv',
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, periodEnd: '2025-12-31' }, 'periodEnd mag niet vóór periodStart liggen'],
      [{ ...valid, recipientType: 'buurman' }, 'recipientType is een onbekende ontvanger'],
      [{ ...valid, trajectoryIds: [otherClientTrajectory] }, 'niet bij deze cliënt hoort'],
      [{ ...valid, recipientType: 'diagnosis_commissioner' }, 'mag niets worden gerapporteerd'],
      [{ ...valid, periodStart: '2026-02-30' }, 'periodStart'],
    ];
    for (const [body, message] of cases) {
      const response = await create(body);
      expect({ status: response.status, message: (response.body as { message: string }).message }).toEqual({
        status: 400,
        message: expect.stringContaining(message),
      });
    }
    const after = await ctx.owner.query('SELECT count(*)::int AS n FROM progress_report');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('R-REP-01: management exports one PDF per client, zipped, step by step; each step is audited; no benefit impact', async () => {
    const management = await ctx.login('rap_management');
    const withoutTrajectory = await ctx.createClient({ lastName: 'Zonder', bsn: '999990019', coachId });
    const started = await ctx.http
      .post('/api/report-exports')
      .set(bearer(management))
      .send({
        clientIds: [clientId, withoutTrajectory],
        recipientType: 'income_consultant',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
      });
    expect(started.status).toBe(201);
    let exportView = started.body as ReportExportView;
    expect(exportView).toMatchObject({ total: 2, done: 0, status: 'running' });
    const early = await ctx.http.get(`/api/report-exports/${exportView.id}/zip`).set(bearer(management));
    expect(early.status).toBe(409);
    while (exportView.status === 'running') {
      const step = await ctx.http.post(`/api/report-exports/${exportView.id}/step`).set(bearer(management));
      expect(step.status).toBe(200);
      exportView = step.body as ReportExportView;
    }
    expect(exportView.reportIds).toHaveLength(1);
    expect(exportView.skipped).toEqual([
      { clientId: withoutTrajectory, reason: expect.stringContaining('Geen traject') },
    ]);

    const zip = await ctx.http
      .get(`/api/report-exports/${exportView.id}/zip`)
      .set(bearer(management))
      .buffer(true)
      .parse(binaryBody);
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(binary(zip)));
    const names = Object.keys(files);
    expect(names).toHaveLength(1);
    const text = textOf(Buffer.from(files[names[0]]), 'export');
    expect(text).toContain('Proefplaatsing bij Bakkerij Ede gestart');
    // Management reads identity and progress only: benefit impact is not in its export.
    expect(text).not.toContain('Inkomsten worden verrekend met de uitkering');
    expect(text).not.toContain(NOTE_MARKER);

    const audit = await ctx.owner.query(
      `SELECT action, result, http_status, subject_client_ids::text[] AS subjects FROM audit_event
        WHERE object_type = 'ReportExport' AND object_id = $1 ORDER BY seq`,
      [exportView.id],
    );
    const rows = audit.rows as Array<{ action: string; http_status: number; subjects: string[] }>;
    // started, the early download (refused, still logged), one step, the download.
    expect(rows.map((row) => [row.action, row.http_status])).toEqual([
      ['create', 201],
      ['export', 409],
      ['export', 200],
      ['export', 200],
    ]);
    expect(rows[2].subjects).toEqual(expect.arrayContaining([clientId, withoutTrajectory]));
    expect(rows[3].subjects).toEqual([clientId]);

    // Another user cannot see this export.
    await ctx.createUser('rap_management2', ['management']);
    const other = await ctx.http
      .get(`/api/report-exports/${exportView.id}`)
      .set(bearer(await ctx.login('rap_management2')));
    expect(other.status).toBe(404);
  });

  it('R-REP-01: management does not see a report with categories it may not read', async () => {
    const management = await ctx.login('rap_management');
    const list = await ctx.http.get(`/api/clients/${clientId}/reports`).set(bearer(management));
    expect(list.status).toBe(200);
    const reports = list.body as ProgressReportView[];
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((report) => !report.categories.includes('benefit_impact'))).toBe(true);
    const hidden = (await ctx.http.get(`/api/clients/${clientId}/reports`).set(bearer(coach)))
      .body as ProgressReportView[];
    const withBenefit = hidden.find((report) => report.categories.includes('benefit_impact'));
    const pdf = await ctx.http
      .get(`/api/clients/${clientId}/reports/${withBenefit?.id}/pdf`)
      .set(bearer(management));
    expect(pdf.status).toBe(404);
  });
});
