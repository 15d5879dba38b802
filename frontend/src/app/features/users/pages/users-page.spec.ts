import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeNl from '@angular/common/locales/nl';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import type { Page, UserSummary } from '@werkpad/shared';
import { DutchPaginatorIntl } from '../../../shared/dutch-paginator-intl';
import { UsersPage } from './users-page';

registerLocaleData(localeNl);

function user(overrides: Partial<UserSummary>): UserSummary {
  return {
    id: 'u1',
    username: 'jan.jansen',
    displayName: 'Jan Jansen',
    roles: ['coach'],
    active: true,
    lockedUntil: null,
    secondFactor: 'not_required',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

function page(items: UserSummary[], total = items.length, pageNumber = 1): Page<UserSummary> {
  return { items, total, page: pageNumber, pageSize: 20 };
}

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LOCALE_ID, useValue: 'nl-NL' },
        { provide: MatPaginatorIntl, useClass: DutchPaginatorIntl },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const expectList = (q: string, pageNumber: number) =>
    backend.expectOne(`/api/users?q=${q}&page=${pageNumber}&pageSize=20`);

  it('lists users with Dutch role labels and status', async () => {
    expectList('', 1).flush(
      page([
        user({ roles: ['coach', 'dpo'], secondFactor: 'set' }),
        user({ id: 'u2', username: 'piet', displayName: 'Piet', roles: ['admin'], active: false }),
        user({ id: 'u3', username: 'kees', displayName: 'Kees', lockedUntil: '2099-03-15T12:00:00Z' }),
      ]),
    );
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();

    expect(rows['username'].text).toEqual(['jan.jansen', 'piet', 'kees']);
    expect(rows['roles'].text).toEqual([
      'Trajectbegeleider, Functionaris Gegevensbescherming',
      'Functioneel beheer',
      'Trajectbegeleider',
    ]);
    expect(rows['status'].text[0]).toMatch(/^Actief\s*Tweede stap ingesteld$/);
    expect(rows['status'].text[1]).toBe('Gedeactiveerd');
    expect(rows['status'].text[2]).toMatch(/^Actief\s*Geblokkeerd tot 1[56] maart 2099, \d\d:\d\d$/);
  });

  it('offers to reset a second factor only where one is set', async () => {
    expectList('', 1).flush(
      page([
        user({ roles: ['dpo'], secondFactor: 'set' }),
        user({ id: 'u2', username: 'nieuw.fg', roles: ['dpo'], secondFactor: 'not_set' }),
        user({ id: 'u3', username: 'kees' }),
      ]),
    );
    const buttons = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(
      MatButtonHarness.with({ text: /^Tweede stap opnieuw instellen/ }),
    );
    expect(await Promise.all(buttons.map((button) => button.getText()))).toEqual([
      'Tweede stap opnieuw instellen voor jan.jansen',
    ]);
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    expect((await table.getCellTextByColumnName())['status'].text[1]).toMatch(
      /Tweede stap nog niet ingesteld$/,
    );
  });

  it('does not call an expired lock a lock', async () => {
    expectList('', 1).flush(page([user({ lockedUntil: '2020-01-01T00:00:00Z' })]));
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    expect((await table.getCellTextByColumnName())['status'].text).toEqual(['Actief']);
  });

  it('asks the API for the next page', async () => {
    expectList('', 1).flush(page([user({})], 45));
    const paginator = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 45');

    await paginator.goToNextPage();
    expectList('', 2).flush(page([user({})], 45, 2));
  });

  it('searches at once on Enter, from the first page', async () => {
    expectList('', 1).flush(page([user({})], 45));
    const root = fixture.nativeElement as HTMLElement;
    const input = root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('search field missing');
    input.value = '  anna ';
    input.closest('form')?.dispatchEvent(new Event('submit', { cancelable: true }));

    expectList('anna', 1).flush(page([]));
    await fixture.whenStable();
    expect(root.textContent).toContain('Geen gebruikers gevonden');
  });
});
