import { type DataBreachView, type Page } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

const HOUR = 3_600_000;

describe('breach register', () => {
  let ctx: TestContext;
  let dpo: string;

  beforeEach(async () => {
    ctx = await createTestContext();
    await ctx.createUser('dpo1', ['dpo']);
    await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('admin1', ['admin']);
    await ctx.createUser('manager1', ['management']);
    dpo = await ctx.login('dpo1');
  });
  afterEach(() => ctx.close());

  function register(discoveredAt: Date, extra: Record<string, unknown> = {}) {
    return ctx.http
      .post('/api/breaches')
      .set(bearer(dpo))
      .send({
        discoveredAt: discoveredAt.toISOString(),
        description: 'Rapportage per e-mail naar de verkeerde werkgever gestuurd',
        categories: ['identity', 'progress'],
        peopleAffected: 1,
        measures: 'Ontvanger gevraagd de e-mail te verwijderen',
        ...extra,
      });
  }

  it('R-AUD-05: the FG registers a breach; the 72-hour deadline and the overdue marker follow from the discovery', async () => {
    const old = new Date(Date.now() - 80 * HOUR);
    const late = await register(old);
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({
      discoveredAt: old.toISOString(),
      reportDeadline: new Date(old.getTime() + 72 * HOUR).toISOString(),
      categories: ['identity', 'progress'],
      peopleAffected: 1,
      reportedToApAt: null,
      notReportedReason: null,
      registeredByName: 'Test dpo1',
      overdue: true,
    });
    const recent = await register(new Date(Date.now() - HOUR));
    expect(recent.body.overdue).toBe(false);

    const list = await ctx.http.get('/api/breaches').set(bearer(dpo));
    expect(list.status).toBe(200);
    const page = list.body as Page<DataBreachView>;
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.id)).toEqual([recent.body.id, late.body.id]);

    // A decision not to report ends the overdue marker; so does a report.
    const decided = await ctx.http
      .patch(`/api/breaches/${late.body.id}`)
      .set(bearer(dpo))
      .send({ notReportedReason: 'Geen risico voor de betrokkene: e-mail aantoonbaar verwijderd' });
    expect(decided.status).toBe(200);
    expect(decided.body.overdue).toBe(false);
    const fetched = await ctx.http.get(`/api/breaches/${late.body.id}`).set(bearer(dpo)).expect(200);
    expect(fetched.body.notReportedReason).toMatch(/Geen risico/);
  });

  it('R-AUD-05: the follow-up is set once; reporting and not reporting exclude each other; no report before discovery', async () => {
    const discovered = new Date(Date.now() - 10 * HOUR);
    const { body: breach } = await register(discovered);
    const patch = (body: Record<string, unknown>) =>
      ctx.http
        .patch(`/api/breaches/${breach.id as string}`)
        .set(bearer(dpo))
        .send(body);

    const early = await patch({ reportedToApAt: new Date(discovered.getTime() - HOUR).toISOString() });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('reportedToApAt');
    expect(early.body.message).toMatch(/vóór het moment van ontdekken/);

    const both = await patch({
      reportedToApAt: new Date().toISOString(),
      notReportedReason: 'geen risico, want versleuteld',
    });
    expect(both.status).toBe(400);

    const orphanReference = await patch({ apReference: 'AP-2026-123' });
    expect(orphanReference.status).toBe(400);

    const reportedAt = new Date(Date.now() - HOUR).toISOString();
    const reported = await patch({ reportedToApAt: reportedAt, apReference: 'AP-2026-123' });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({
      reportedToApAt: reportedAt,
      apReference: 'AP-2026-123',
      overdue: false,
    });

    expect((await patch({ reportedToApAt: new Date().toISOString() })).status).toBe(409);
    expect((await patch({ apReference: 'AP-2026-999' })).status).toBe(409);
    expect((await patch({ notReportedReason: 'toch niet gemeld, bij nader inzien' })).status).toBe(409);

    const informed = await patch({
      subjectsInformedAt: new Date().toISOString(),
      measures: 'Werkgever heeft verwijdering bevestigd',
    });
    expect(informed.status).toBe(200);
    expect(informed.body.measures).toMatch(
      /^Ontvanger gevraagd de e-mail te verwijderen\n\n\[\d{2}-\d{2}-\d{4}\] Werkgever heeft/,
    );
    expect((await patch({ subjectsNotInformedReason: 'niet nodig, geen risico gebleken' })).status).toBe(409);

    const { rows } = await ctx.owner.query(
      'SELECT reported_to_ap_at, ap_reference FROM data_breach WHERE id = $1',
      [breach.id],
    );
    expect(rows[0].ap_reference).toBe('AP-2026-123');
  });

  it('R-AUD-05: only the FG keeps the register; every read and change is logged without client data', async () => {
    for (const username of ['coach1', 'admin1', 'manager1']) {
      const token = await ctx.login(username);
      await ctx.http.get('/api/breaches').set(bearer(token)).expect(403);
      await ctx.http.post('/api/breaches').set(bearer(token)).send({}).expect(403);
    }
    const { body: breach } = await register(new Date(Date.now() - HOUR));
    await ctx.http
      .get(`/api/breaches/${breach.id as string}`)
      .set(bearer(dpo))
      .expect(200);
    await ctx.http
      .patch(`/api/breaches/${breach.id as string}`)
      .set(bearer(dpo))
      .send({ subjectsNotInformedReason: 'Geen risico, e-mail binnen het uur verwijderd' })
      .expect(200);
    const { rows } = await ctx.owner.query(
      "SELECT action, object_id, subject_client_ids, details FROM audit_event WHERE object_type = 'DataBreach' AND result = 'allowed' ORDER BY seq",
    );
    expect(rows).toEqual([
      { action: 'create', object_id: breach.id, subject_client_ids: [], details: null },
      { action: 'read', object_id: breach.id, subject_client_ids: [], details: null },
      {
        action: 'update',
        object_id: breach.id,
        subject_client_ids: [],
        details: { fields: 'subjectsNotInformedReason' },
      },
    ]);
  });

  it('refuses bad input with a Dutch message naming the field', async () => {
    const wrongCategory = await register(new Date(), { categories: ['geheim'] });
    expect(wrongCategory.status).toBe(400);
    expect(wrongCategory.body.errors[0]).toMatchObject({ field: 'categories' });
    expect(wrongCategory.body.message).toMatch(/categories mag alleen deze gegevenscategorieën bevatten/);

    const noZone = await register(new Date(), { discoveredAt: '2026-11-22T09:30' });
    expect(noZone.status).toBe(400);
    expect(noZone.body.message).toMatch(/discoveredAt moet een tijdstip met tijdzone zijn/);

    const future = await register(new Date(Date.now() + 48 * HOUR));
    expect(future.status).toBe(400);
    expect(future.body.message).toMatch(/discoveredAt ligt in de toekomst/);

    const negative = await register(new Date(), { peopleAffected: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('peopleAffected');

    await ctx.http.get('/api/breaches/00000000-0000-4000-8000-000000000000').set(bearer(dpo)).expect(404);
  });
});
