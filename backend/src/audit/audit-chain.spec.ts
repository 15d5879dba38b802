import {
  type ChainedAuditFields,
  chainHash,
  checkNextRow,
  startChainCheck,
  type StoredAuditRow,
} from './audit-chain';

function fields(index: number): ChainedAuditFields {
  return {
    id: `00000000-0000-4000-8000-00000000000${index}`,
    occurredAt: new Date(Date.UTC(2026, 10, 22, 9, 0, index)),
    userId: null,
    username: 'coach1',
    roles: ['coach'],
    subjectClientIds: [],
    objectType: 'Client',
    objectId: null,
    categories: ['identity'],
    action: 'read',
    result: 'allowed',
    ground: { reference: 'caseload', kind: 'role_policy' },
    route: 'GET /api/clients/:id',
    httpStatus: 200,
    ip: '127.0.0.1',
    userAgent: null,
    requestId: `r-${index}`,
    details: null,
  };
}

function chain(length: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  for (let index = 0; index < length; index++) {
    const prevHash = rows[index - 1]?.hash ?? null;
    rows.push({
      ...fields(index),
      seq: String(index + 1),
      prevHash,
      hash: chainHash(prevHash, fields(index)),
    });
  }
  return rows;
}

const verify = (rows: StoredAuditRow[]) =>
  rows.reduce((state, row) => checkNextRow(state, row), startChainCheck());

describe('audit hash chain', () => {
  it('R-AUD-02: accepts an intact chain', () => {
    expect(verify(chain(5))).toMatchObject({ ok: true, checked: 5 });
  });

  it('R-AUD-02: finds a changed field in the row where it was changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], username: 'iemand-anders' };
    expect(verify(rows)).toMatchObject({ ok: false, firstBrokenSeq: '3', checked: 2 });
  });

  it('R-AUD-02: finds a removed row at the row after the gap, and a removed first row', () => {
    const rows = chain(5);
    expect(verify([...rows.slice(0, 2), ...rows.slice(3)])).toMatchObject({ ok: false, firstBrokenSeq: '4' });
    expect(verify(rows.slice(1))).toMatchObject({ ok: false, firstBrokenSeq: '2' });
  });

  it('R-AUD-02: finds rows swapped in order', () => {
    const rows = chain(4);
    expect(verify([rows[0], rows[2], rows[1], rows[3]])).toMatchObject({ ok: false, firstBrokenSeq: '3' });
  });

  it('does not depend on the key order of the ground object (jsonb reorders keys)', () => {
    const reordered = { ...fields(1), ground: { kind: 'role_policy', reference: 'caseload' } };
    expect(chainHash(null, reordered).equals(chainHash(null, fields(1)))).toBe(true);
  });
});
