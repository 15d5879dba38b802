import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatNumber } from '../fg-labels';

export interface ChartSeries {
  readonly key: string;
  readonly label: string;
}

export interface ChartRow {
  /** What the row is about, as people read it (a Dutch date). */
  readonly label: string;
  /** Count per series key; a missing key counts as 0. */
  readonly values: Readonly<Record<string, number>>;
}

export interface ChartData {
  readonly series: readonly ChartSeries[];
  readonly rows: readonly ChartRow[];
}

/*
 * Series colours: each has at least 3:1 contrast with the white page (WCAG 1.4.11) and the legend
 * names them, so colour is never the only way to tell them apart: the table has every number.
 */
const COLOURS = ['#1f5fbf', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00796b', '#5d4037', '#455a64'];

interface DrawnRow {
  readonly label: string;
  readonly total: number;
  readonly totalLabel: string;
  readonly segments: ReadonlyArray<{ readonly key: string; readonly width: number; readonly colour: string }>;
  readonly width: number;
}

/**
 * A horizontal (stacked) bar chart made of plain elements, with the same numbers in a table. The bars
 * are one image to assistive technology, named by a summary; the table under "Toon de cijfers" is
 * the accessible alternative and also what a keyboard or screen-reader user reads the values from.
 */
@Component({
  selector: 'wp-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="caption">{{ caption() }}</figcaption>
      @if (drawn().length === 0) {
        <p class="empty">{{ emptyText() }}</p>
      } @else {
        @if (showSeries()) {
          <ul class="legend" aria-label="Legenda">
            @for (series of data().series; track series.key; let i = $index) {
              <li>
                <span class="swatch" aria-hidden="true" [style.background]="colour(i)"></span>
                {{ series.label }}
              </li>
            }
          </ul>
        }
        <div class="bars" role="img" [attr.aria-label]="summary()">
          @for (row of drawn(); track row.label) {
            <div class="row">
              <span class="row-label">{{ row.label }}</span>
              <span class="track">
                <span class="bar" [style.width.%]="row.width">
                  @for (segment of row.segments; track segment.key) {
                    <span
                      class="segment"
                      [style.width.%]="segment.width"
                      [style.background]="segment.colour"
                    ></span>
                  }
                </span>
              </span>
              <span class="row-total">{{ row.totalLabel }}</span>
            </div>
          }
        </div>
        <details class="table-alternative">
          <summary>Toon de cijfers als tabel</summary>
          <div class="table-scroll" role="region" [attr.aria-label]="caption() + ' (tabel)'" tabindex="0">
            <table class="data-table">
              <caption>
                {{
                  caption()
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ rowHeader() }}</th>
                  @if (showSeries()) {
                    @for (series of data().series; track series.key) {
                      <th scope="col" class="number">{{ series.label }}</th>
                    }
                  }
                  <th scope="col" class="number">Totaal</th>
                </tr>
              </thead>
              <tbody>
                @for (row of data().rows; track row.label) {
                  <tr>
                    <th scope="row">{{ row.label }}</th>
                    @if (showSeries()) {
                      @for (series of data().series; track series.key) {
                        <td class="number">{{ value(row, series.key) }}</td>
                      }
                    }
                    <td class="number">{{ format(total(row)) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      }
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
    }
    .caption {
      font: var(--mat-sys-title-medium);
      margin-bottom: 8px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      display: inline-block;
      width: 14px;
      height: 14px;
      border-radius: 2px;
    }
    .bars {
      display: grid;
      gap: 4px;
    }
    .row {
      display: grid;
      grid-template-columns: 6.5em 1fr 4em;
      align-items: center;
      gap: 8px;
    }
    .row-label,
    .row-total {
      font-variant-numeric: tabular-nums;
    }
    .row-total {
      text-align: right;
    }
    .track {
      display: block;
      height: 16px;
      background: var(--mat-sys-surface-container);
      border-radius: 2px;
    }
    .bar {
      display: flex;
      height: 100%;
    }
    .segment {
      display: block;
      height: 100%;
    }
    .segment + .segment {
      border-left: 1px solid #fff;
    }
    .table-alternative {
      margin-top: 12px;
    }
    .table-alternative summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
    }
    .table-scroll {
      overflow-x: auto;
    }
    .table-scroll:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .data-table {
      border-collapse: collapse;
      margin-top: 8px;
    }
    .data-table caption {
      text-align: left;
      font-weight: 500;
      padding-bottom: 4px;
    }
    .data-table th,
    .data-table td {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 4px 12px 4px 0;
      text-align: left;
    }
    .data-table .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .empty {
      margin: 0;
    }
  `,
})
export class BarChart {
  readonly caption = input.required<string>();
  readonly data = input.required<ChartData>();
  /** The table's first column header, e.g. "Dag". */
  readonly rowHeader = input('Dag');
  /** What the bars count, in the summary: one "toegang", several "toegangen". */
  readonly unit = input<readonly [one: string, many: string]>(['keer', 'keer']);
  /**
   * A legend and one table column per series (e.g. per role), also when only one series has data;
   * off for a chart of a single quantity, whose table needs only the total.
   */
  readonly showSeries = input(true);
  readonly emptyText = input('Geen gegevens in deze periode.');

  protected readonly drawn = computed<readonly DrawnRow[]>(() => {
    const { rows, series } = this.data();
    const totals = rows.map((row) => this.total(row));
    const max = Math.max(0, ...totals);
    return rows.map((row, index) => {
      const total = totals[index];
      return {
        label: row.label,
        total,
        totalLabel: formatNumber(total),
        width: max === 0 ? 0 : (total / max) * 100,
        segments: series
          .map((entry, seriesIndex) => ({
            key: entry.key,
            width: total === 0 ? 0 : ((row.values[entry.key] ?? 0) / total) * 100,
            colour: this.colour(seriesIndex),
          }))
          .filter((segment) => segment.width > 0),
      };
    });
  });

  /** The chart's accessible name: what it shows, the range and the extremes, then where the numbers are. */
  protected readonly summary = computed(() => {
    const rows = this.drawn();
    if (rows.length === 0) return `${this.caption()}: geen gegevens`;
    const sum = rows.reduce((acc, row) => acc + row.total, 0);
    const busiest = rows.reduce((best, row) => (row.total > best.total ? row : best), rows[0]);
    const [one, many] = this.unit();
    const period = `${rows[0].label} tot en met ${rows[rows.length - 1].label}`;
    const figures =
      sum === 0
        ? `geen ${many}`
        : `in totaal ${formatNumber(sum)} ${sum === 1 ? one : many}, het meest op ${busiest.label} (${formatNumber(busiest.total)})`;
    return `Staafdiagram ${this.caption()}: ${period}, ${figures}. De cijfers staan in de tabel eronder.`;
  });

  protected readonly format = formatNumber;

  protected colour(index: number): string {
    return COLOURS[index % COLOURS.length];
  }

  protected value(row: ChartRow, key: string): string {
    return formatNumber(row.values[key] ?? 0);
  }

  protected total(row: ChartRow): number {
    return Object.values(row.values).reduce((acc, count) => acc + count, 0);
  }
}
