import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type ClientView, DATA_CATEGORY_LABELS, type DataCategory } from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors, httpStatus } from '../../../core/http/api-error';
import { ClientsService } from '../services/clients.service';
import {
  applyServerErrors,
  createClientForm,
  CREATE_CATEGORIES,
  type EditableField,
  fieldError,
  formSections,
  toClientWrite,
} from './client-form';

export interface ClientFormDialogData {
  /** null registers a new client. */
  readonly client: ClientView | null;
  /** For an edit: the categories the user may change of this client. */
  readonly categories: readonly DataCategory[];
}

export const DUPLICATE_BSN_MESSAGE = 'Er is al een cliënt met dit BSN. Zoek de cliënt op in de caseload.';

/** Registers a new client or edits the categories of a client file the user may change. */
@Component({
  selector: 'wp-client-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-form-dialog.html',
  styleUrl: './client-form.scss',
})
export class ClientFormDialog {
  private readonly clients = inject(ClientsService);
  private readonly dialogRef = inject<MatDialogRef<ClientFormDialog, ClientView>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly data = inject<ClientFormDialogData>(MAT_DIALOG_DATA);

  protected readonly isNew = this.data.client === null;
  protected readonly sections = formSections(this.isNew ? CREATE_CATEGORIES : this.data.categories);
  private readonly fields = this.sections.flatMap((section) => section.fields);
  protected readonly form = createClientForm(this.fields, this.data.client);
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);
  protected readonly today = new Date();

  protected error(field: EditableField): string | null {
    return fieldError(field, this.form.controls[field.key]);
  }

  protected hintId(field: EditableField): string {
    return `${field.key}-hint`;
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      this.focusFirstInvalid();
      return;
    }
    const body = toClientWrite(this.form, this.fields, this.isNew);
    const client = this.data.client;
    if (client && Object.keys(body).length === 0) {
      this.dialogRef.close(client);
      return;
    }
    this.saving.set(true);
    const request$ = client ? this.clients.update(client.id, body) : this.clients.create(body);
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
    if (status === 409) {
      const bsn = this.form.controls['bsn'];
      bsn?.setErrors({ server: DUPLICATE_BSN_MESSAGE });
      bsn?.markAsTouched();
      this.generalErrors.set(['De cliënt is niet opgeslagen. Controleer de gemarkeerde velden.']);
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
    afterNextRender(
      () => {
        const invalid = this.host.nativeElement.querySelector<HTMLElement>(
          'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid',
        );
        invalid?.focus();
      },
      { injector: this.injector },
    );
  }
}
