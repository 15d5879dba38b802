import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type MatSelect, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { ExpertiseAssignmentRow, StaffMember } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDate } from '../../../shared/dutch-dates';
import { ExpertiseService } from '../services/expertise.service';

/**
 * Functioneel beheer: which Expertisecentrum colleague works on each open arbeidsdiagnose. The
 * administrator sees who the client is (identity) and nothing of the research itself.
 */
@Component({
  selector: 'wp-assignments-page',
  imports: [MatFormFieldModule, MatProgressBarModule, MatSelectModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assignments-page.html',
  styleUrl: './expertise-pages.scss',
})
export class AssignmentsPage {
  private readonly expertise = inject(ExpertiseService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly rows = signal<readonly ExpertiseAssignmentRow[]>([]);
  protected readonly staff = signal<readonly StaffMember[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = ['client', 'startDate', 'expertise'];
  protected readonly date = dutchDate;
  /**
   * "Niet toegewezen" as a real option value: mat-select treats a null option as "no choice" and
   * would show an empty box instead of saying that nobody is assigned.
   */
  protected readonly unassigned = '';

  constructor() {
    this.expertise.expertiseStaff().subscribe({
      next: (staff) => this.staff.set(staff),
      error: () => this.staff.set([]),
    });
    this.expertise.assignments().subscribe({
      next: (rows) => {
        this.rows.set(rows);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }

  /** A colleague no longer active still shows as the current choice. */
  protected isStaff(userId: string): boolean {
    return this.staff().some((member) => member.id === userId);
  }

  protected readonly trackRow = (_index: number, row: ExpertiseAssignmentRow): string => row.trajectoryId;

  protected assign(row: ExpertiseAssignmentRow, expertiseUserId: string | null, select: MatSelect): void {
    if (expertiseUserId === row.expertiseUserId) return;
    this.actionError.set(null);
    this.expertise.assign(row.trajectoryId, expertiseUserId).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.snackBar.open(
          updated.expertiseUserName
            ? `${updated.clientName}: toegewezen aan ${updated.expertiseUserName}`
            : `${updated.clientName}: niet meer toegewezen`,
          'Sluiten',
          { duration: 5000 },
        );
      },
      error: (error: unknown) => {
        // Back to what the API holds: the select shows the old choice again.
        select.value = row.expertiseUserId ?? this.unassigned;
        this.actionError.set(
          apiErrorMessage(error, 'De toewijzing is niet opgeslagen. Probeer het opnieuw.'),
        );
      },
    });
  }

  private replace(updated: ExpertiseAssignmentRow): void {
    this.rows.update((rows) =>
      rows.map((row) => (row.trajectoryId === updated.trajectoryId ? updated : row)),
    );
  }
}
