import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { AuditCheckpointView } from '@werkpad/shared';
import { AuditCheckpoints } from './audit-checkpoints';

const HASH = 'a1b2c3d4e5f6'.padEnd(64, '9');

function checkpoint(overrides: Partial<AuditCheckpointView> = {}): AuditCheckpointView {
  return {
    seq: '120',
    rowCount: 1234,
    headHash: HASH,
    createdAt: '2026-07-01T10:00:00Z',
    keyId: 'k-2026',
    signature: 'c2lnbmF0dXJl',
    location: 'checkpoint-000000000120.json',
    ...overrides,
  };
}

describe('AuditCheckpoints', () => {
  it('R-AUD-02: lists the checkpoints with time, seq, rows, short head hash, key id and file name', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AuditCheckpoints);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne({ method: 'GET', url: '/api/audit/checkpoints' }).flush([checkpoint()]);

    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual(['Tijd', 'Volgnummer', 'Aantal rijen', 'Kop-hash', 'Sleutel-id', 'Bestandsnaam']);
    const columns = await table.getCellTextByColumnName();
    expect(columns['createdAt'].text).toEqual(['01-07-2026 12:00']);
    expect(columns['seq'].text).toEqual(['120']);
    expect(columns['keyId'].text).toEqual(['k-2026']);
    expect(columns['location'].text).toEqual(['checkpoint-000000000120.json']);
    const hash = (fixture.nativeElement as HTMLElement).querySelector('code.hash');
    expect(hash?.querySelector('[aria-hidden="true"]')?.textContent).toBe('a1b2c3d4e5f6…');
    expect(hash?.getAttribute('title')).toBe(HASH);

    // A new checkpoint goes on top and tells the page to verify again.
    const created = jest.fn();
    fixture.componentInstance.created.subscribe(created);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Controlepunt vastleggen' }))).click();
    backend
      .expectOne({ method: 'POST', url: '/api/audit/checkpoints' })
      .flush(checkpoint({ seq: '130', location: 'checkpoint-000000000130.json' }));
    await fixture.whenStable();
    expect((await table.getCellTextByColumnName())['seq'].text).toEqual(['130', '120']);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Controlepunt vastgelegd bij gebeurtenis 130',
    );
    expect(created).toHaveBeenCalledTimes(1);
    backend.verify();
  });
});
