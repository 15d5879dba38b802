import { type DestructionCertificate, type DestructionListView, type DsrRequestView } from '@werkpad/shared';

import {
  bearer,
  binaryBody,
  createTestContext,
  executeDestructionList,
  type TestContext,
} from '../../../test/test-context';
import { todayInAmsterdam } from '../consents/consent-check.service';

/** Issue 9 item 5: erasure on request through the reviewed destruction (R-RET-06, ADR 0011). */
describe('erasure on request (issue 9, R-RET-06)', () => {
  let ctx: TestContext;
  let tokens: Record<string, string>;
  let coachId: string;
  let bsn = 20_000_000;
  const today = todayInAmsterdam();

  /** A valid BSN (11-proef) per call. */
  function nextBsn(): string {
    for (;;) {
      const digits = String(bsn++).padStart(8, '0').split('').map(Number);
      const sum = digits.reduce((total, digit, index) => total + digit * (9 - index), 0);
      if (sum % 11 < 10) return `${digits.join('')}${sum % 11}`;
    }
  }

  const as = (user: string) => bearer(tokens[user]);

  async function erasureRequest(clientId: string, verified = true): Promise<DsrRequestView> {
    const created = await ctx.http.post('/api/dsr-requests').set(as('admin')).send({
      clientId,
      type: 'erasure',
      channel: 'desk',
      receivedOn: today,
      description: 'Wil dat al zijn gegevens worden verwijderd',
    });
    expect(created.status).toBe(201);
    const request = created.body as DsrRequestView;
    if (!verified) return request;
    const verifiedResponse = await ctx.http
      .post(`/api/dsr-requests/${request.id}/identity`)
      .set(as('admin'))
      .send({ documentType: 'passport', documentNumberEnd: '12AB', seenOn: today });
    expect(verifiedResponse.status).toBe(200);
    return verifiedResponse.body as DsrRequestView;
  }

  async function reviewAndApprove(listId: string): Promise<void> {
    expect((await ctx.http.post(`/api/destruction-lists/${listId}/review`).set(as('admin'))).status).toBe(
      200,
    );
    expect((await ctx.http.post(`/api/destruction-lists/${listId}/approve`).set(as('fg'))).status).toBe(200);
  }

  const executeAndWait = (listId: string) => executeDestructionList(ctx.http, listId, as('admin'));

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('admin', ['admin']);
    await ctx.createUser('fg', ['dpo']);
    coachId = await ctx.createUser('coach', ['coach']);
    tokens = { admin: await ctx.login('admin'), fg: await ctx.login('fg'), coach: await ctx.login('coach') };
  });
  afterAll(() => ctx.close());

  it('R-RET-06: erases what may go now through a reviewed list, keeps what must be kept, and runs only after the outcome', async () => {
    const clientId = await ctx.createClient({ lastName: 'Deelswissen', bsn: nextBsn(), coachId });
    const expired = await ctx.createTrajectory(clientId, 'bemiddeling', {
      createdBy: coachId,
      startDate: '2008-01-07',
      closedOn: '2010-03-31',
    });
    const running = await ctx.createTrajectory(clientId, 'jobcoaching', {
      createdBy: coachId,
      startDate: '2025-01-06',
    });
    const unverified = await erasureRequest(clientId, false);
    const tooEarly = await ctx.http.post(`/api/dsr-requests/${unverified.id}/erasure-list`).set(as('admin'));
    expect(tooEarly.status).toBe(400);
    expect((tooEarly.body as { message: string }).message).toContain('identiteit');

    const request = await erasureRequest(clientId);
    const prepared = await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('admin'));
    expect(prepared.status).toBe(201);
    const list = prepared.body as DestructionListView;
    expect(list).toMatchObject({
      status: 'prepared',
      erasureRequest: { id: request.id, reference: request.reference },
    });
    expect(list.itemCounts.due).toBe(1);
    // The client is on an open list: neither a second erasure list nor the periodic list takes them.
    const twice = await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('admin'));
    expect(twice.status).toBe(409);
    expect((twice.body as { message: string }).message).toContain(list.reference);
    const periodic = await ctx.http.post('/api/destruction-lists').set(as('admin'));
    expect(periodic.status).toBe(201);
    const periodicItems = await ctx.http
      .get(`/api/destruction-lists/${(periodic.body as DestructionListView).id}/items?pageSize=100`)
      .set(as('admin'));
    expect(
      (periodicItems.body as { items: Array<{ clientId: string | null }> }).items.map(
        (item) => item.clientId,
      ),
    ).not.toContain(clientId);
    await ctx.http
      .post(`/api/destruction-lists/${(periodic.body as DestructionListView).id}/cancel`)
      .set(as('admin'));

    await reviewAndApprove(list.id);
    // The letter needs the address: the list runs only once the outcome is recorded.
    const early = await ctx.http.post(`/api/destruction-lists/${list.id}/execute`).set(as('admin'));
    expect(early.status).toBe(409);
    expect((early.body as { message: string }).message).toContain(request.reference);
    const outcome = await ctx.http.post(`/api/dsr-requests/${request.id}/complete`).set(as('admin')).send({
      outcome: 'partly_granted',
      ground: 'Het lopende jobcoachingtraject is nodig voor de wettelijke taak (Participatiewet).',
    });
    expect(outcome.status).toBe(200);
    const done = await executeAndWait(list.id);
    expect(done.hasCertificate).toBe(true);

    const left = await ctx.owner.query<{ id: string }>('SELECT id FROM trajectory WHERE client_id = $1', [
      clientId,
    ]);
    expect(left.rows.map((row) => row.id)).toEqual([running]);
    expect(left.rows.map((row) => row.id)).not.toContain(expired);
    const after = (await ctx.http.get(`/api/dsr-requests/${request.id}`).set(as('admin')))
      .body as DsrRequestView;
    expect(after).toMatchObject({
      clientId,
      outcome: 'partly_granted',
      erasureList: { id: list.id, reference: list.reference, status: 'completed', hasCertificate: true },
    });
  });

  it('R-RET-06, R-DSR-05: a whole dossier is erased with a certificate; the request stays in the register under the dossier reference', async () => {
    const clientId = await ctx.createClient({ lastName: 'Geheelwissen', bsn: nextBsn(), coachId });
    await ctx.createTrajectory(clientId, 'bemiddeling', {
      createdBy: coachId,
      startDate: '2008-01-07',
      closedOn: '2010-03-31',
    });
    const request = await erasureRequest(clientId);
    const list = (await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('admin')))
      .body as DestructionListView;
    await reviewAndApprove(list.id);
    expect(
      (
        await ctx.http
          .post(`/api/dsr-requests/${request.id}/complete`)
          .set(as('admin'))
          .send({ outcome: 'granted' })
      ).status,
    ).toBe(200);
    const letter = await ctx.http
      .get(`/api/dsr-requests/${request.id}/outcome-letter`)
      .set(as('admin'))
      .buffer(true)
      .parse(binaryBody);
    expect(letter.status).toBe(200);
    await executeAndWait(list.id);

    expect((await ctx.owner.query('SELECT 1 FROM client WHERE id = $1', [clientId])).rows).toEqual([]);
    const after = (await ctx.http.get(`/api/dsr-requests/${request.id}`).set(as('admin')))
      .body as DsrRequestView;
    expect(after).toMatchObject({
      clientId: null,
      reference: request.reference,
      type: 'erasure',
      outcome: 'granted',
      description: 'Verwijderd bij de vernietiging van het dossier.',
      identity: { documentType: 'passport', documentNumberEnd: null },
      erasureList: { status: 'completed', hasCertificate: true },
    });
    expect(after.dossierRef).toMatch(/^[0-9a-f]{16}$/);
    const certificate = (
      await ctx.http.get(`/api/destruction-lists/${list.id}/certificate?format=json`).set(as('fg'))
    ).body as DestructionCertificate;
    expect(certificate.dossiers.map((dossier) => dossier.dossierRef)).toEqual([after.dossierRef]);
    expect(JSON.stringify(certificate)).not.toContain('Geheelwissen');
    // The register lists it; what needed the client (letter, export) says the dossier is gone.
    const register = (await ctx.http.get('/api/dsr-requests').set(as('fg'))).body as DsrRequestView[];
    expect(register.map((row) => row.id)).toContain(request.id);
    const gone = await ctx.http.get(`/api/dsr-requests/${request.id}/outcome-letter`).set(as('admin'));
    expect(gone.status).toBe(409);
    expect((gone.body as { message: string }).message).toContain('vernietigd');
  });

  it('R-RET-06: a dossier already on the periodic list is erased there, or excluded there and erased through the request', async () => {
    await ctx.owner.query(
      `UPDATE destruction_list SET status = 'cancelled' WHERE status IN ('prepared','reviewed','approved','running')`,
    );
    const clientId = await ctx.createClient({ lastName: 'Periodiek', bsn: nextBsn(), coachId });
    await ctx.createTrajectory(clientId, 'bemiddeling', {
      createdBy: coachId,
      startDate: '2009-01-05',
      closedOn: '2011-06-30',
    });
    const periodic = (await ctx.http.post('/api/destruction-lists').set(as('admin')))
      .body as DestructionListView;
    const request = await erasureRequest(clientId);
    const onPeriodic = await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('admin'));
    expect(onPeriodic.status).toBe(409);
    expect((onPeriodic.body as { message: string }).message).toContain(periodic.reference);
    expect((onPeriodic.body as { message: string }).message).toContain('Sluit het daar uit');

    const items = (
      await ctx.http.get(`/api/destruction-lists/${periodic.id}/items?pageSize=100`).set(as('admin'))
    ).body as { items: Array<{ id: string; clientId: string | null }> };
    const item = items.items.find((candidate) => candidate.clientId === clientId);
    expect(item).toBeDefined();
    const excluded = await ctx.http
      .post(`/api/destruction-lists/${periodic.id}/items/${item?.id}/exclude`)
      .set(as('admin'))
      .send({ reason: `Wordt gewist via verzoek ${request.reference}` });
    expect(excluded.status).toBe(200);
    const prepared = await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('admin'));
    expect(prepared.status).toBe(201);
    expect((prepared.body as DestructionListView).itemCounts.due).toBe(1);
    await ctx.http.post(`/api/destruction-lists/${periodic.id}/cancel`).set(as('admin'));
    await ctx.http
      .post(`/api/destruction-lists/${(prepared.body as DestructionListView).id}/cancel`)
      .set(as('admin'));
  });

  it('R-RET-06: when everything must still be kept, no list is made and the answer says why', async () => {
    const clientId = await ctx.createClient({ lastName: 'Bewaren', bsn: nextBsn(), coachId });
    await ctx.createTrajectory(clientId, 'bemiddeling', {
      createdBy: coachId,
      startDate: '2024-01-08',
      closedOn: '2025-06-30',
    });
    const request = await erasureRequest(clientId);
    const refused = await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('admin'));
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toContain('bewaarplicht');
    const lists = await ctx.owner.query('SELECT 1 FROM destruction_list WHERE dsr_request_id = $1', [
      request.id,
    ]);
    expect(lists.rows).toEqual([]);
    // Another kind of request has no erasure list; a coach cannot make one.
    const access = await ctx.http.post('/api/dsr-requests').set(as('admin')).send({
      clientId,
      type: 'access',
      channel: 'letter',
      receivedOn: today,
      description: 'Inzage',
    });
    expect(
      (
        await ctx.http
          .post(`/api/dsr-requests/${(access.body as DsrRequestView).id}/erasure-list`)
          .set(as('admin'))
      ).status,
    ).toBe(400);
    expect(
      (await ctx.http.post(`/api/dsr-requests/${request.id}/erasure-list`).set(as('coach'))).status,
    ).toBe(403);
  });
});
