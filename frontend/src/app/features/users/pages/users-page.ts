import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { UserSummary } from '@werkpad/shared';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { RoleLabelsPipe } from '../../../shared/role-labels.pipe';
import {
  SecondFactorResetDialog,
  type SecondFactorResetDialogData,
} from '../components/second-factor-reset-dialog';
import { UserFormDialog, type UserFormDialogData } from '../components/user-form-dialog';
import { UsersService } from '../services/users.service';

@Component({
  selector: 'wp-users-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    RoleLabelsPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly usersService = inject(UsersService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly list = new PagedList<UserSummary>((request) => this.usersService.list(request));
  protected readonly columns = ['username', 'displayName', 'roles', 'status', 'actions'];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];

  constructor() {
    this.list.reload();
  }

  /** A past lockedUntil is history, not a lock: the account can log in again. */
  protected isLocked(user: UserSummary): boolean {
    return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
  }

  protected openCreate(): void {
    this.openForm({ user: null });
  }

  protected openEdit(user: UserSummary): void {
    this.openForm({ user });
  }

  protected openSecondFactorReset(user: UserSummary): void {
    this.dialog
      .open<SecondFactorResetDialog, SecondFactorResetDialogData, UserSummary>(SecondFactorResetDialog, {
        data: { user },
        width: '560px',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`Tweede stap van ${saved.username} opnieuw in te stellen`, 'Sluiten', {
          duration: 5000,
        });
        this.list.reload();
      });
  }

  private openForm(data: UserFormDialogData): void {
    this.dialog
      .open<UserFormDialog, UserFormDialogData, UserSummary>(UserFormDialog, { data, width: '560px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open('Gebruiker opgeslagen', 'Sluiten', { duration: 5000 });
        this.list.reload();
      });
  }
}
