import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type CreateFunctionalCapabilityRequest,
  FUNCTIONAL_CAPABILITY_SOURCE_LABELS,
  FUNCTIONAL_CAPABILITY_SOURCES,
  type FunctionalCapabilitySource,
  type FunctionalCapabilityView,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../../core/http/api-error';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { ExpertiseResultsService } from '../../services/expertise-results.service';

export interface FunctionalCapabilityDialogData {
  readonly clientId: string;
  /** The source preselected: the coach's own assessment, or the Expertisecentrum's. */
  readonly source: FunctionalCapabilitySource;
  /** The arbeidsdiagnose the assessment belongs to, when made in the Expertisecentrum. */
  readonly trajectoryId?: string | null;
}

const TEXT_MAX = 2000;

/** R-MED-05: what the client can and cannot do in relation to work, never a diagnosis. */
@Component({
  selector: 'wp-functional-capability-dialog',
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
  template: `
    <h2 mat-dialog-title>Functionele mogelijkheden vastleggen</h2>
    <form class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <div class="alert alert--info" role="note">
          Beschrijf wat de cliënt wel en niet kan in relatie tot werk. Noteer geen diagnoses of namen van
          aandoeningen: deze gegevens kunnen met toestemming naar een werkgever (R-MED-05).
        </div>
        @if (generalErrors().length > 0) {
          <div class="alert alert--error" role="alert">
            @for (message of generalErrors(); track $index) {
              <div>{{ message }}</div>
            }
          </div>
        }
        <div class="section plain">
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Kan wel</mat-label>
            <textarea matInput formControlName="canDo" rows="3"></textarea>
            <mat-hint>Bijvoorbeeld: zittend werk, 4 uur per dag, in een vaste ploeg</mat-hint>
            <mat-error>{{ textError('canDo', 'Beschrijf wat de cliënt wel kan.') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Kan niet</mat-label>
            <textarea matInput formControlName="cannotDo" rows="3"></textarea>
            <mat-hint>Bijvoorbeeld: zwaar tillen, werken in ploegendienst</mat-hint>
            <mat-error>{{ textError('cannotDo', 'Beschrijf wat de cliënt niet kan.') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Uren per week (optioneel)</mat-label>
            <input matInput type="number" formControlName="hoursPerWeek" min="0" max="60" step="0.5" />
            <mat-error>Vul een aantal uren tussen 0 en 60 in.</mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Bron</mat-label>
            <mat-select formControlName="source">
              @for (source of sources; track source) {
                <mat-option [value]="source">{{ sourceLabels[source] }}</mat-option>
              }
            </mat-select>
            <mat-error>Kies de bron.</mat-error>
          </mat-form-field>
          <mat-form-field class="field full" subscriptSizing="dynamic">
            <mat-label>Aanpassingen (optioneel)</mat-label>
            <textarea matInput formControlName="adjustments" rows="2"></textarea>
            <mat-hint>Aanpassingen van werkplek of werktijden die nodig zijn</mat-hint>
            <mat-error>Gebruik maximaal {{ textMax }} tekens.</mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Beoordeeld op</mat-label>
            <input
              matInput
              [matDatepicker]="assessedPicker"
              formControlName="assessedOn"
              [max]="today"
              autocomplete="off"
            />
            <mat-hint>dd-mm-jjjj</mat-hint>
            <mat-datepicker-toggle matIconSuffix [for]="assessedPicker" />
            <mat-datepicker #assessedPicker />
            <mat-error>
              {{
                form.controls.assessedOn.hasError('matDatepickerMax')
                  ? 'De datum mag niet in de toekomst liggen.'
                  : 'Vul een bestaande datum in als dd-mm-jjjj.'
              }}
            </mat-error>
          </mat-form-field>
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>Geldig tot (optioneel)</mat-label>
            <input
              matInput
              [matDatepicker]="validPicker"
              formControlName="validUntil"
              [min]="form.controls.assessedOn.value"
              autocomplete="off"
            />
            <mat-hint>dd-mm-jjjj</mat-hint>
            <mat-datepicker-toggle matIconSuffix [for]="validPicker" />
            <mat-datepicker #validPicker />
            <mat-error>
              {{
                form.controls.validUntil.hasError('matDatepickerMin')
                  ? 'Deze datum ligt vóór de beoordeling.'
                  : 'Vul een bestaande datum in als dd-mm-jjjj.'
              }}
            </mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuleren</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Vastleggen</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../client-form.scss',
})
export class FunctionalCapabilityDialog {
  private readonly results = inject(ExpertiseResultsService);
  private readonly dialogRef =
    inject<MatDialogRef<FunctionalCapabilityDialog, FunctionalCapabilityView>>(MatDialogRef);
  private readonly data = inject<FunctionalCapabilityDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly sources = FUNCTIONAL_CAPABILITY_SOURCES;
  protected readonly sourceLabels = FUNCTIONAL_CAPABILITY_SOURCE_LABELS;
  protected readonly textMax = TEXT_MAX;
  protected readonly today = new Date();
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<readonly string[]>([]);

  protected readonly form = this.fb.group({
    canDo: this.fb.control('', [Validators.required, Validators.maxLength(TEXT_MAX)]),
    cannotDo: this.fb.control('', [Validators.required, Validators.maxLength(TEXT_MAX)]),
    hoursPerWeek: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(60)]),
    adjustments: this.fb.control('', Validators.maxLength(TEXT_MAX)),
    assessedOn: this.fb.control<Date | null>(new Date(), Validators.required),
    validUntil: this.fb.control<Date | null>(null),
    source: this.fb.control<FunctionalCapabilitySource | null>(this.data.source, Validators.required),
  });

  protected textError(control: 'canDo' | 'cannotDo', required: string): string {
    return this.form.controls[control].hasError('maxlength')
      ? `Gebruik maximaal ${TEXT_MAX} tekens.`
      : required;
  }

  protected save(): void {
    if (this.saving()) return;
    this.generalErrors.set([]);
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.assessedOn || !value.source) {
      this.form.markAllAsTouched();
      this.generalErrors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    const adjustments = value.adjustments.trim();
    const request: CreateFunctionalCapabilityRequest = {
      canDo: value.canDo.trim(),
      cannotDo: value.cannotDo.trim(),
      assessedOn: toIsoDate(value.assessedOn),
      source: value.source,
      ...(value.hoursPerWeek !== null ? { hoursPerWeek: Number(value.hoursPerWeek) } : {}),
      ...(adjustments ? { adjustments } : {}),
      ...(value.validUntil ? { validUntil: toIsoDate(value.validUntil) } : {}),
      ...(this.data.trajectoryId ? { trajectoryId: this.data.trajectoryId } : {}),
    };
    this.saving.set(true);
    this.results.createCapability(this.data.clientId, request).subscribe({
      next: (created) => this.dialogRef.close(created),
      error: (error: unknown) => {
        this.saving.set(false);
        const messages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.generalErrors.set(
          messages.length > 0
            ? messages
            : [
                apiErrorMessage(
                  error,
                  'De functionele mogelijkheden zijn niet vastgelegd. Probeer het opnieuw.',
                ),
              ],
        );
      },
    });
  }
}
