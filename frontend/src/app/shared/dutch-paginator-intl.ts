import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** Dutch texts for mat-paginator; the range reads "1 – 20 van 45". */
@Injectable()
export class DutchPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = 'Items per pagina';
  override nextPageLabel = 'Volgende pagina';
  override previousPageLabel = 'Vorige pagina';
  override firstPageLabel = 'Eerste pagina';
  override lastPageLabel = 'Laatste pagina';

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return `0 van ${length}`;
    const start = page * pageSize;
    // Past the last page (e.g. after a filter shrank the list) show the start as the end.
    const end = start < length ? Math.min(start + pageSize, length) : start + pageSize;
    return `${start + 1} – ${end} van ${length}`;
  };
}
