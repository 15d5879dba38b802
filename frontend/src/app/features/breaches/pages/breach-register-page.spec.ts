import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatTableHarness } from '@angular/material/table/testing';
import type { DataBreachView, Page } from '@werkpad/shared';
import { DutchPaginatorIntl } from '../../../shared/dutch-paginator-intl';
import { BreachRegisterPage } from './breach-register-page';

const HOUR = 3_600_000;

function breach(overrides: Partial<DataBreachView>): DataBreachView {
  return {
    id: 'b1',
    discoveredAt: '2026-03-02T09:00:00Z',
    description: 'Mail naar de verkeerde ontvanger',
    categories: ['identity', 'contact'],
    peopleAffected: 3,
    measures: 'Verwijderd',
    reportDeadline: '2026-03-05T09:00:00Z',
    reportedToApAt: null,
    apReference: null,
    notReportedReason: null,
    subjectsInformedAt: null,
    subjectsNotInformedReason: null,
    registeredByName: 'Femke FG',
    registeredAt: '2026-03-02T10:00:00Z',
    overdue: false,
    ...overrides,
  };
}

describe('BreachRegisterPage', () => {
  let fixture: ComponentFixture<BreachRegisterPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatPaginatorIntl, useClass: DutchPaginatorIntl },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BreachRegisterPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('R-AUD-05: marks an overdue breach with an icon and words, and counts down for an open one', async () => {
    const now = Date.now();
    const page: Page<DataBreachView> = {
      items: [
        breach({
          id: 'open',
          discoveredAt: new Date(now - 30 * HOUR - 50 * 60_000).toISOString(),
          reportDeadline: new Date(now + 41 * HOUR + 10 * 60_000 + 30_000).toISOString(),
        }),
        breach({ id: 'late', overdue: true }),
        breach({ id: 'done', reportedToApAt: '2026-03-03T08:00:00Z', apReference: 'AP-1' }),
      ],
      total: 3,
      page: 1,
      pageSize: 20,
    };
    backend.expectOne('/api/breaches?page=1&pageSize=20').flush(page);
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    const columns = await table.getCellTextByColumnName();

    expect(columns['ap'].text[0]).toContain(
      'Nog 41 uur en 10 minuten om te melden bij de Autoriteit Persoonsgegevens',
    );
    expect(columns['ap'].text[1]).toContain('Te laat: Termijn verstreken sinds 05-03-2026 10:00');
    expect(columns['ap'].text[2]).toBe('Gemeld op 03-03-2026 09:00 (kenmerk AP-1)');
    expect(columns['categories'].text[0]).toBe('Identiteit, Contactgegevens');
    expect(columns['subjects'].text[0]).toBe('Nog niet besloten');

    const overdue = (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="overdue"]');
    expect(overdue).toHaveLength(1);
    // The icon is decoration; the words carry the meaning (not colour only).
    expect(overdue[0].querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');
    // No live region around the countdown: a screen reader is not interrupted every minute.
    expect(overdue[0].closest('[aria-live]')).toBeNull();
  });
});
