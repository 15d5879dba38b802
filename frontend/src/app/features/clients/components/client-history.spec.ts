import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FieldChange } from '@werkpad/shared';
import { ClientHistory } from './client-history';
import { changeLabel, changeValue } from './history-labels';

registerLocaleData(localeNl);

function change(overrides: Partial<FieldChange>): FieldChange {
  return {
    id: 'fc1',
    entityType: 'Client',
    entityId: 'c1',
    field: 'phone',
    category: 'contact',
    oldValue: null,
    newValue: '06-12345678',
    changedBy: 'u1',
    changedByName: 'Anna de Vries',
    // Local time, so the expected text holds in any time zone the tests run in.
    changedAt: new Date(2026, 2, 5, 9, 7).toISOString(),
    ...overrides,
  };
}

describe('change history', () => {
  let fixture: ComponentFixture<ClientHistory>;
  let backend: HttpTestingController;

  async function render(changes: FieldChange[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: LOCALE_ID, useValue: 'nl-NL' }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientHistory);
    fixture.componentRef.setInput('clientId', 'c1');
    await fixture.whenStable();
    backend.expectOne('/api/clients/c1/history').flush(changes);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('shows who changed which field when, old → new, in Dutch', async () => {
    const root = await render([
      change({}),
      change({
        id: 'fc2',
        field: 'dateOfBirth',
        category: 'identity',
        oldValue: '1980-02-03',
        newValue: '1980-03-02',
      }),
    ]);
    const rows = Array.from(root.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['05-03-2026 09:07', 'Anna de Vries', 'Telefoon', '— →werd 06-12345678'],
      ['05-03-2026 09:07', 'Anna de Vries', 'Geboortedatum', '03-02-1980 →werd 02-03-1980'],
    ]);
  });

  it('says so when there is nothing the user may see', async () => {
    const root = await render([]);
    expect(root.textContent).toContain('Er zijn nog geen wijzigingen vastgelegd die u mag inzien.');
  });

  it('names fields of other records and formats money, yes/no and statuses', () => {
    expect(changeLabel({ entityType: 'Client', field: 'iban' })).toBe('Rekeningnummer (IBAN)');
    expect(changeLabel({ entityType: 'Employment', field: 'grossMonthlySalaryCents' })).toBe(
      'Dienstverband: bruto maandloon',
    );
    expect(changeLabel({ entityType: 'Trajectory', field: 'closedOn' })).toBe('Traject: afgesloten op');
    expect(changeLabel({ entityType: 'Onbekend', field: 'x' })).toBe('Onbekend: x');
    expect(changeValue('grossMonthlySalaryCents', '215000')).toBe('€\u00a02.150,00');
    expect(changeValue('hasDebts', 'true')).toBe('Ja');
    expect(changeValue('status', 'closed')).toBe('Gesloten');
    expect(changeValue('status', 'toegekend')).toBe('Toegekend');
    expect(changeValue('email', '')).toBe('—');
  });
});
