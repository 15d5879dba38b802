import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { PASSWORD_MIN_LENGTH, ROLE_LABELS, ROLES, type UserSummary } from '@werkpad/shared';
import { filter, type Observable, of } from 'rxjs';
import { apiErrorMessage, apiFieldErrors, httpStatus } from '../../../core/http/api-error';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/confirm-dialog';
import { UsersService } from '../services/users.service';
import {
  applyServerErrors,
  createUserForm,
  DUPLICATE_USERNAME_MESSAGE,
  toCreateRequest,
  toUpdateRequest,
} from './user-form';

export interface UserFormDialogData {
  /** null to create a new user. */
  readonly user: UserSummary | null;
}

/** Creates or edits a user; saves itself so server errors can be shown next to the fields. */
@Component({
  selector: 'wp-user-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form-dialog.html',
  styleUrl: './user-form-dialog.scss',
})
export class UserFormDialog {
  private readonly users = inject(UsersService);
  private readonly dialog = inject(MatDialog);
  private readonly dialogRef = inject<MatDialogRef<UserFormDialog, UserSummary>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly user = inject<UserFormDialogData>(MAT_DIALOG_DATA).user;

  protected readonly isNew = this.user === null;
  protected readonly form = createUserForm(inject(NonNullableFormBuilder), this.user);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  // Spelled out from USERNAME_PATTERN (^[a-z][a-z0-9._-]{2,39}$) for people who do not read regexes.
  protected readonly usernameHint =
    '3 tot 40 tekens: kleine letters, cijfers, punt (.), liggend streepje (_) of koppelteken (-); begint met een letter.';
  protected readonly usernamePatternError =
    'Gebruik 3 tot 40 kleine letters, cijfers, punt, liggend streepje of koppelteken, beginnend met een letter.';
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      this.focusFirstInvalid();
      return;
    }
    this.confirmDeactivation().subscribe(() => this.submit());
  }

  /** Deactivating locks someone out of their work, so it needs an explicit second "yes". */
  private confirmDeactivation(): Observable<boolean> {
    const deactivating = this.user?.active === true && !this.form.controls.active.value;
    if (!deactivating || !this.user) return of(true);
    const data: ConfirmDialogData = {
      title: 'Gebruiker deactiveren?',
      message: `${this.user.displayName} (${this.user.username}) kan daarna niet meer inloggen. Weet u het zeker?`,
      confirmLabel: 'Deactiveren',
    };
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, role: 'alertdialog' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true));
  }

  private submit(): void {
    this.saving.set(true);
    const request$ = this.user
      ? this.users.update(this.user.id, toUpdateRequest(this.form))
      : this.users.create(toCreateRequest(this.form));
    request$.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.showError(error);
        this.focusFirstInvalid();
      },
    });
  }

  private showError(error: unknown): void {
    const status = httpStatus(error);
    if (status === 409 && this.isNew) {
      const username = this.form.controls.username;
      username.setErrors({ server: DUPLICATE_USERNAME_MESSAGE });
      username.markAsTouched();
      // The message itself sits at the field (which gets focus); repeating it would read it twice.
      this.generalErrors.set(['De gebruiker is niet opgeslagen. Controleer de gemarkeerde velden.']);
    } else if (status === 400) {
      const unmatched = applyServerErrors(this.form, apiFieldErrors(error));
      this.generalErrors.set(
        unmatched.length > 0 ? unmatched : [apiErrorMessage(error, 'Controleer de gemarkeerde velden.')],
      );
    } else {
      this.generalErrors.set([apiErrorMessage(error, 'Opslaan is niet gelukt. Probeer het opnieuw.')]);
    }
  }

  /** Keyboard and screen-reader users land on the field to fix instead of hunting for it. */
  private focusFirstInvalid(): void {
    // After the next render, when the validity classes reflect errors the server just reported.
    afterNextRender(
      () => {
        const invalid = this.host.nativeElement.querySelector<HTMLElement>(
          'input.ng-invalid, fieldset.ng-invalid input',
        );
        invalid?.focus();
      },
      { injector: this.injector },
    );
  }
}
