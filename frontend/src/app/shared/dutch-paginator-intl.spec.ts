import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { DutchPaginatorIntl } from './dutch-paginator-intl';

@Component({
  selector: 'wp-paginator-host',
  imports: [MatPaginatorModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mat-paginator [length]="45" [pageSize]="20" [pageSizeOptions]="[10, 20, 50]" />`,
})
class PaginatorHost {}

describe('DutchPaginatorIntl', () => {
  const intl = new DutchPaginatorIntl();

  it('has Dutch labels', () => {
    expect(intl.itemsPerPageLabel).toBe('Items per pagina');
    expect(intl.nextPageLabel).toBe('Volgende pagina');
    expect(intl.previousPageLabel).toBe('Vorige pagina');
    expect(intl.firstPageLabel).toBe('Eerste pagina');
    expect(intl.lastPageLabel).toBe('Laatste pagina');
  });

  it.each([
    [0, 20, 45, '1 – 20 van 45'],
    [2, 20, 45, '41 – 45 van 45'],
    [0, 20, 0, '0 van 0'],
    [5, 20, 45, '101 – 120 van 45'],
  ])('page %i of size %i with %i items reads "%s"', (page, size, length, expected) => {
    expect(intl.getRangeLabel(page, size, length)).toBe(expected);
  });

  it('is what mat-paginator shows when provided', async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: MatPaginatorIntl, useClass: DutchPaginatorIntl }],
    });
    const fixture = TestBed.createComponent(PaginatorHost);
    const paginator = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness);

    expect(await paginator.getRangeLabel()).toBe('1 – 20 van 45');
    await paginator.goToNextPage();
    expect(await paginator.getRangeLabel()).toBe('21 – 40 van 45');
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[aria-label="Volgende pagina"]')).not.toBeNull();
    expect(element.querySelector('[aria-label="Vorige pagina"]')).not.toBeNull();
    expect(element.textContent).toContain('Items per pagina');
  });
});
