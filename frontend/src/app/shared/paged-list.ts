import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { PageEvent } from '@angular/material/paginator';
import type { Page } from '@werkpad/shared';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  EMPTY,
  finalize,
  type Observable,
  Subject,
  switchMap,
} from 'rxjs';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 20, 50];

export interface PageRequest {
  readonly q: string;
  /** 1-based, as the API counts; mat-paginator counts from 0. */
  readonly page: number;
  readonly pageSize: number;
}

/**
 * State of a searchable, paged list backed by the API. Each new request cancels the one in flight,
 * so a slow answer to an old search can never overwrite a newer one. Must be created in an
 * injection context (a component field initialiser).
 */
export class PagedList<T> {
  readonly items = signal<readonly T[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly loading = signal(false);
  /** True once the first answer arrived, so "no results" is not shown while still loading. */
  readonly loaded = signal(false);
  readonly failed = signal(false);

  private query = '';
  private readonly typed = new Subject<string>();
  private readonly requests = new Subject<PageRequest>();

  constructor(fetch: (request: PageRequest) => Observable<Page<T>>) {
    const destroyRef = inject(DestroyRef);
    // Typing searches after a pause; Enter (submit) searches at once.
    this.typed
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(destroyRef))
      .subscribe((q) => this.search(q));

    this.requests
      .pipe(
        switchMap((request) => {
          this.loading.set(true);
          this.failed.set(false);
          return fetch(request).pipe(
            catchError(() => {
              this.failed.set(true);
              return EMPTY;
            }),
            finalize(() => this.loading.set(false)),
          );
        }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loaded.set(true);
      });
  }

  typeQuery(q: string): void {
    this.typed.next(q);
  }

  search(q: string): void {
    this.query = q.trim();
    this.pageIndex.set(0);
    this.reload();
  }

  /** Back to the first page with the same search, e.g. after a filter or the sort order changed. */
  restart(): void {
    this.pageIndex.set(0);
    this.reload();
  }

  changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.reload();
  }

  reload(): void {
    this.requests.next({ q: this.query, page: this.pageIndex() + 1, pageSize: this.pageSize() });
  }
}
