import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DATA_CATEGORY_LABELS,
  type DataCategory,
  DOSSIER_ENTRY_KIND_LABELS,
  type DossierEntryView,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { entryCategoryOptions } from '../services/client-file-access';
import { ClientFileService } from '../services/file.service';
import { createEntryForm, NEW_ENTRY_KINDS, type NewEntryKind, toEntryRequest } from './dossier-entry-form';

export interface DossierEntryDialogData {
  readonly clientId: string;
  readonly trajectories: readonly TrajectoryView[];
  /** Categories of this client the user may write. */
  readonly writable: readonly DataCategory[];
}

/** Adds a note, correspondence, progress entry, instrument or decision to the dossier (R-REP-02). */
@Component({
  selector: 'wp-dossier-entry-dialog',
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
  templateUrl: './dossier-entry-dialog.html',
  styleUrl: './client-form.scss',
})
export class DossierEntryDialog {
  private readonly files = inject(ClientFileService);
  private readonly dialogRef = inject<MatDialogRef<DossierEntryDialog, DossierEntryView>>(MatDialogRef);
  protected readonly data = inject<DossierEntryDialogData>(MAT_DIALOG_DATA);

  protected readonly form = createEntryForm();
  protected readonly kindLabels = DOSSIER_ENTRY_KIND_LABELS;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly typeRules = TRAJECTORY_TYPE_RULES;
  protected readonly kinds: readonly NewEntryKind[] = NEW_ENTRY_KINDS.filter(
    (kind) => entryCategoryOptions(kind, this.data.writable).length > 0,
  );
  /** Entries are added to an open trajectory; the first one is preselected. */
  protected readonly trajectories = this.data.trajectories.filter((t) => t.status === 'open');
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });
  protected readonly categories = computed(() => entryCategoryOptions(this.kind(), this.data.writable));
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);
  protected readonly today = new Date();

  constructor() {
    if (!this.kinds.includes('note')) this.form.controls.kind.setValue(this.kinds[0] ?? null);
    if (this.trajectories.length > 0) this.form.controls.trajectoryId.setValue(this.trajectories[0].id);
    this.pickOnlyCategory();
    // A category chosen for another kind may not fit the new one.
    this.form.controls.kind.valueChanges.subscribe(() => this.pickOnlyCategory());
  }

  private pickOnlyCategory(): void {
    const options = entryCategoryOptions(this.form.controls.kind.value, this.data.writable);
    const current = this.form.controls.category.value;
    if (current && options.includes(current)) return;
    this.form.controls.category.setValue(options.length === 1 ? options[0] : null);
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    this.form.updateValueAndValidity();
    const request = toEntryRequest(this.form);
    if (this.form.invalid || !request) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    this.saving.set(true);
    this.files.createEntry(this.data.clientId, request).subscribe({
      next: (entry) => this.dialogRef.close(entry),
      error: (error: unknown) => {
        this.saving.set(false);
        const messages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.generalErrors.set(
          messages.length > 0
            ? messages
            : [apiErrorMessage(error, 'De notitie is niet opgeslagen. Probeer het opnieuw.')],
        );
      },
    });
  }
}
