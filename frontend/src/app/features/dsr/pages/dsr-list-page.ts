import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { DSR_TYPE_LABELS, type DsrRequestView } from '@werkpad/shared';
import { AuthService } from '../../../core/auth/auth.service';
import { dutchDate } from '../../../shared/dutch-dates';
import { DsrFormDialog } from '../components/dsr-form-dialog';
import { deadlineText, DsrService } from '../services/dsr.service';

/** The register of data-subject requests, open ones first by deadline (R-DSR-03). */
@Component({
  selector: 'wp-dsr-list-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tab-header">
      <h1>Verzoeken van betrokkenen</h1>
      @if (canCreate) {
        <button mat-flat-button type="button" (click)="register()">
          <mat-icon aria-hidden="true">add</mat-icon>
          Verzoek registreren
        </button>
      }
    </div>
    <p class="intro">
      Inzage, verwijdering, aanpassing, bezwaar, overdracht of intrekken van toestemming. Antwoord binnen een
      maand; uitstel van hoogstens twee maanden alleen met een brief vóór de eerste termijn.
    </p>
    @if (failed()) {
      <div class="alert alert--error" role="alert">De verzoeken konden niet worden geladen.</div>
    }
    <div class="table-container" role="region" aria-label="Verzoeken" tabindex="0">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Verzoeken worden geladen" />
      }
      <table mat-table [dataSource]="items()">
        <caption class="cdk-visually-hidden">
          Verzoeken van betrokkenen
        </caption>
        <ng-container matColumnDef="reference">
          <th mat-header-cell *matHeaderCellDef scope="col">Kenmerk</th>
          <td mat-cell *matCellDef="let r">
            <a [routerLink]="['/verzoeken', r.id]">{{ r.reference }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef scope="col">Soort</th>
          <td mat-cell *matCellDef="let r">{{ typeLabel(r) }}</td>
        </ng-container>
        <ng-container matColumnDef="received">
          <th mat-header-cell *matHeaderCellDef scope="col">Ontvangen</th>
          <td mat-cell *matCellDef="let r">{{ date(r.receivedOn) }}</td>
        </ng-container>
        <ng-container matColumnDef="due">
          <th mat-header-cell *matHeaderCellDef scope="col">Termijn</th>
          <td mat-cell *matCellDef="let r">
            {{ date(r.dueOn) }}
            <span class="badge" [class.badge--overdue]="r.overdue">
              @if (r.overdue) {
                <mat-icon aria-hidden="true" inline>warning</mat-icon>
              }
              {{ deadline(r) }}
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="identity">
          <th mat-header-cell *matHeaderCellDef scope="col">Identiteit</th>
          <td mat-cell *matCellDef="let r">{{ r.identity ? 'Vastgesteld' : 'Nog niet vastgesteld' }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty-state" [attr.colspan]="columns.length">
            {{ loading() ? 'Verzoeken worden geladen…' : 'Er zijn geen verzoeken.' }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styleUrl: './dsr.scss',
})
export class DsrListPage {
  private readonly requests = inject(DsrService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly canCreate = inject(AuthService).ability().can('create', 'DataSubjectRequest');
  protected readonly items = signal<readonly DsrRequestView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly columns = ['reference', 'type', 'received', 'due', 'identity'];

  constructor() {
    this.requests.list().subscribe({
      next: (items) => {
        this.items.set(items);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }

  protected typeLabel(request: DsrRequestView): string {
    return DSR_TYPE_LABELS[request.type];
  }

  protected date(iso: string): string {
    return dutchDate(iso);
  }

  protected deadline(request: DsrRequestView): string {
    return deadlineText(request);
  }

  protected register(): void {
    this.dialog
      .open<DsrFormDialog, undefined, DsrRequestView>(DsrFormDialog, { width: '640px' })
      .afterClosed()
      .subscribe((created) => {
        if (created) void this.router.navigate(['/verzoeken', created.id]);
      });
  }
}
