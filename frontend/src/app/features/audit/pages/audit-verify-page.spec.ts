import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuditVerificationReport } from '@werkpad/shared';
import { AuditVerifyPage } from './audit-verify-page';

async function render(report: AuditVerificationReport): Promise<string> {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const backend = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(AuditVerifyPage);
  await fixture.whenStable();
  backend.expectOne('/api/audit/checkpoints').flush([]);
  backend.expectOne('/api/audit/verify').flush(report);
  await fixture.whenStable();
  backend.verify();
  return (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent ?? '';
}

const CHAIN_OK = { ok: true, checked: 42, firstBrokenSeq: null, reason: null } as const;

describe('AuditVerifyPage', () => {
  it('R-AUD-02: reports the chain and its match with a validly signed checkpoint', async () => {
    const text = await render({
      ...CHAIN_OK,
      checkpoint: {
        seq: '40',
        createdAt: '2026-07-01T10:00:00Z',
        signatureValid: true,
        matches: true,
        reason: null,
      },
    });
    expect(text).toContain('De auditlog is in orde: 42 gebeurtenissen gecontroleerd');
    expect(text).toContain('Vergeleken met het controlepunt van 01-07-2026 12:00');
    expect(text).toContain('De handtekening van het controlepunt is geldig.');
    expect(text).toContain('De keten komt overeen met het controlepunt.');
  });

  it('R-AUD-02: says so when the chain was rewritten after a checkpoint, with the reason', async () => {
    const text = await render({
      ok: false,
      checked: 42,
      firstBrokenSeq: null,
      reason: null,
      checkpoint: {
        seq: '40',
        createdAt: '2026-07-01T10:00:00Z',
        signatureValid: true,
        matches: false,
        reason: 'De kop-hash bij gebeurtenis 40 wijkt af van het controlepunt.',
      },
    });
    expect(text).toContain('De keten komt niet overeen met het controlepunt.');
    expect(text).toContain('Reden: De kop-hash bij gebeurtenis 40 wijkt af van het controlepunt.');
  });

  it('says that no checkpoint exists yet', async () => {
    const text = await render({ ...CHAIN_OK, checkpoint: null });
    expect(text).toContain('Er is nog geen controlepunt vastgelegd');
  });
});
