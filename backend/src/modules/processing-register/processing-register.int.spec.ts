import { type ProcessingRegister } from '@werkpad/shared';

import { bearer, createTestContext, type TestContext } from '../../../test/test-context';

describe('processing register over HTTP', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.createUser('dpo1', ['dpo']);
    await ctx.createUser('manager1', ['management']);
    await ctx.createUser('coach1', ['coach']);
    await ctx.createUser('admin1', ['admin']);
  });
  afterAll(() => ctx.close());

  it('the FG and management read the generated register; other roles may not', async () => {
    for (const username of ['dpo1', 'manager1']) {
      const response = await ctx.http.get('/api/processing-register').set(bearer(await ctx.login(username)));
      expect(response.status).toBe(200);
      const register = response.body as ProcessingRegister;
      expect(register.activities).toHaveLength(7);
      expect(register.securityMeasures.length).toBeGreaterThan(5);
    }
    for (const username of ['coach1', 'admin1']) {
      const token = await ctx.login(username);
      await ctx.http.get('/api/processing-register').set(bearer(token)).expect(403);
      await ctx.http.get('/api/processing-register/pdf').set(bearer(token)).expect(403);
    }
  });

  it('R-RET-01: shows the retention periods of the current policy, so a recorded change appears at once', async () => {
    const read = async () =>
      (
        (await ctx.http.get('/api/processing-register').set(bearer(await ctx.login('dpo1'))))
          .body as ProcessingRegister
      ).activities.find((activity) => activity.trajectoryType === 'arbeidsdiagnose')?.retention;
    expect(await read()).toBe(
      '2 jaar na afsluiting van het traject; medische gegevens 15 jaar na afsluiting (bewaarbeleid versie 1)',
    );
    const change = await ctx.http
      .post('/api/retention/policies')
      .set(bearer(await ctx.login('admin1')))
      .send({
        trajectoryType: 'arbeidsdiagnose',
        part: 'medical',
        years: 20,
        legalGround: 'WGBO art. 7:454',
        source: 'Wetswijziging',
        reason: 'De WGBO-termijn is 20 jaar geworden.',
      });
    expect(change.status).toBe(201);
    expect(await read()).toBe(
      '2 jaar na afsluiting van het traject; medische gegevens 20 jaar na afsluiting (bewaarbeleid versie 2)',
    );
  });

  it('exports the register as a PDF, and logs the export', async () => {
    const response = await ctx.http
      .get('/api/processing-register/pdf')
      .set(bearer(await ctx.login('dpo1')))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/verwerkingsregister\.pdf/);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(3000);
    const { rows } = await ctx.owner.query(
      "SELECT username FROM audit_event WHERE object_type = 'ProcessingRegister' AND action = 'export' AND result = 'allowed'",
    );
    expect(rows).toEqual([{ username: 'dpo1' }]);
  });
});
