import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type CreateDataBreachRequest,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  type DataBreachView,
  type DataCategory,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { combineDateTime, TIME_PATTERN, timeOf } from '../breach-labels';
import { BreachesService } from '../services/breaches.service';

/** Registers a data breach (R-AUD-05): when it was discovered, what happened, whom it concerns. */
@Component({
  selector: 'wp-breach-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    // The parts, not MatDatepickerModule: its own English intl would shadow the Dutch one.
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Datalek registreren</h2>
    <form class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (errors().length > 0) {
          <div class="alert alert--error" role="alert">
            @for (message of errors(); track $index) {
              <div>{{ message }}</div>
            }
          </div>
        }
        <fieldset class="section">
          <legend>Ontdekt</legend>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Ontdekt op</mat-label>
            <input
              matInput
              [matDatepicker]="discoveredPicker"
              formControlName="discoveredOn"
              [max]="today"
              autocomplete="off"
            />
            <mat-hint>dd-mm-jjjj</mat-hint>
            <mat-datepicker-toggle matIconSuffix [for]="discoveredPicker" />
            <mat-datepicker #discoveredPicker />
            <mat-error>
              {{
                form.controls.discoveredOn.hasError('matDatepickerMax')
                  ? 'De datum mag niet in de toekomst liggen.'
                  : 'Vul een bestaande datum in als dd-mm-jjjj.'
              }}
            </mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Tijdstip</mat-label>
            <input matInput type="time" formControlName="discoveredTime" autocomplete="off" />
            <mat-hint>uu:mm</mat-hint>
            <mat-error>Vul het tijdstip in als uu:mm.</mat-error>
          </mat-form-field>
        </fieldset>

        <fieldset class="section">
          <legend>Het datalek</legend>
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Omschrijving</mat-label>
            <textarea matInput formControlName="description" rows="3" maxlength="4000"></textarea>
            <mat-hint>Wat is er gebeurd? Noem geen namen van cliënten.</mat-hint>
            <mat-error>Beschrijf wat er is gebeurd.</mat-error>
          </mat-form-field>
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Categorieën van gegevens</mat-label>
            <mat-select formControlName="categories" multiple>
              @for (category of categories; track category) {
                <mat-option [value]="category">{{ categoryLabels[category] }}</mat-option>
              }
            </mat-select>
            <mat-error>Kies minstens één categorie.</mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Aantal betrokkenen</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              min="0"
              step="1"
              formControlName="peopleAffected"
            />
            <mat-hint>Een schatting als het precieze aantal niet bekend is</mat-hint>
            <mat-error>Vul een geheel aantal in (0 of meer).</mat-error>
          </mat-form-field>
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Genomen maatregelen</mat-label>
            <textarea matInput formControlName="measures" rows="3" maxlength="4000"></textarea>
            <mat-hint>Wat is gedaan om het lek te dichten en de gevolgen te beperken?</mat-hint>
            <mat-error>Beschrijf de genomen maatregelen.</mat-error>
          </mat-form-field>
        </fieldset>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuleren</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Registreren</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './breach-dialog.scss',
})
export class BreachFormDialog {
  private readonly breaches = inject(BreachesService);
  private readonly dialogRef = inject<MatDialogRef<BreachFormDialog, DataBreachView>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly categories = DATA_CATEGORIES;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly today = new Date();
  protected readonly saving = signal(false);
  protected readonly errors = signal<readonly string[]>([]);

  protected readonly form = this.fb.group({
    discoveredOn: this.fb.control<Date | null>(new Date(), Validators.required),
    discoveredTime: this.fb.control(timeOf(new Date()), [
      Validators.required,
      Validators.pattern(TIME_PATTERN),
    ]),
    description: this.fb.control('', [Validators.required, Validators.pattern(/\S/)]),
    categories: this.fb.control<DataCategory[]>([], Validators.required),
    peopleAffected: this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.pattern(/^\d+$/),
    ]),
    measures: this.fb.control('', [Validators.required, Validators.pattern(/\S/)]),
  });

  protected save(): void {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.discoveredOn || value.peopleAffected === null) {
      this.form.markAllAsTouched();
      this.errors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    const discoveredAt = combineDateTime(value.discoveredOn, value.discoveredTime);
    if (new Date(discoveredAt).getTime() > Date.now()) {
      this.errors.set(['Het moment van ontdekken mag niet in de toekomst liggen.']);
      return;
    }
    const request: CreateDataBreachRequest = {
      discoveredAt,
      description: value.description.trim(),
      categories: DATA_CATEGORIES.filter((category) => value.categories.includes(category)),
      peopleAffected: Number(value.peopleAffected),
      measures: value.measures.trim(),
    };
    this.errors.set([]);
    this.saving.set(true);
    this.breaches.create(request).subscribe({
      next: (breach) => this.dialogRef.close(breach),
      error: (error: unknown) => {
        this.saving.set(false);
        const messages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.errors.set(
          messages.length > 0
            ? messages
            : [apiErrorMessage(error, 'Het datalek is niet geregistreerd. Probeer het opnieuw.')],
        );
      },
    });
  }
}
