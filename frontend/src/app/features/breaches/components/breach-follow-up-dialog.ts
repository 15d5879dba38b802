import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { DATA_CATEGORY_LABELS, type DataBreachView, type UpdateDataBreachRequest } from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { dutchDateTime } from '../../../shared/dutch-dates';
import { apStatusText, combineDateTime, subjectsStatusText, TIME_PATTERN, timeOf } from '../breach-labels';
import { BreachesService } from '../services/breaches.service';

export interface BreachFollowUpDialogData {
  readonly breach: DataBreachView;
}

export type ApDecision = 'open' | 'reported' | 'not_reported';
export type SubjectsDecision = 'open' | 'informed' | 'not_informed';

const text = (control: AbstractControl<string>) => control.value.trim();

/** A text of spaces only is as good as none. */
const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null;

/** Requires the control only while `active()` says its alternative is the chosen one. */
function requiredWhen(active: () => boolean, ...more: ValidatorFn[]): ValidatorFn {
  const validator = Validators.compose([Validators.required, notBlank, ...more]);
  return (control) => (active() && validator ? validator(control) : null);
}

/**
 * The follow-up of a breach (R-AUD-05). Each decision is taken once: reported to the AP (when, with
 * which reference) or deliberately not (why), and the people concerned informed (when) or not (why).
 * A decision already recorded is shown, not offered again; the measures may be updated at any time.
 */
@Component({
  selector: 'wp-breach-follow-up-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './breach-follow-up-dialog.html',
  styleUrl: './breach-dialog.scss',
})
export class BreachFollowUpDialog {
  private readonly breaches = inject(BreachesService);
  private readonly dialogRef = inject<MatDialogRef<BreachFollowUpDialog, DataBreachView>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly breach = inject<BreachFollowUpDialogData>(MAT_DIALOG_DATA).breach;

  protected readonly apDecided =
    this.breach.reportedToApAt !== null || this.breach.notReportedReason !== null;
  protected readonly subjectsDecided =
    this.breach.subjectsInformedAt !== null || this.breach.subjectsNotInformedReason !== null;
  protected readonly apStatus = apStatusText(this.breach, new Date());
  protected readonly subjectsStatus = subjectsStatusText(this.breach);
  protected readonly discovered = dutchDateTime(this.breach.discoveredAt);
  protected readonly categories = this.breach.categories
    .map((category) => DATA_CATEGORY_LABELS[category])
    .join(', ');
  protected readonly today = new Date();
  protected readonly saving = signal(false);
  protected readonly errors = signal<readonly string[]>([]);

  protected readonly form = this.fb.group({
    measures: this.fb.control(this.breach.measures),
    ap: this.fb.control<ApDecision>('open'),
    reportedOn: this.fb.control<Date | null>(
      new Date(),
      requiredWhen(() => this.ap() === 'reported'),
    ),
    reportedTime: this.fb.control(
      timeOf(new Date()),
      requiredWhen(() => this.ap() === 'reported', Validators.pattern(TIME_PATTERN)),
    ),
    apReference: this.fb.control(
      '',
      requiredWhen(() => this.ap() === 'reported'),
    ),
    notReportedReason: this.fb.control(
      '',
      requiredWhen(() => this.ap() === 'not_reported'),
    ),
    subjects: this.fb.control<SubjectsDecision>('open'),
    informedOn: this.fb.control<Date | null>(
      new Date(),
      requiredWhen(() => this.subjects() === 'informed'),
    ),
    informedTime: this.fb.control(
      timeOf(new Date()),
      requiredWhen(() => this.subjects() === 'informed', Validators.pattern(TIME_PATTERN)),
    ),
    notInformedReason: this.fb.control(
      '',
      requiredWhen(() => this.subjects() === 'not_informed'),
    ),
  });

  constructor() {
    // A switch of choice re-checks the fields that depend on it (now required, or no longer).
    const { controls } = this.form;
    controls.ap.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      for (const control of [
        controls.reportedOn,
        controls.reportedTime,
        controls.apReference,
        controls.notReportedReason,
      ]) {
        control.updateValueAndValidity();
      }
    });
    controls.subjects.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      for (const control of [controls.informedOn, controls.informedTime, controls.notInformedReason]) {
        control.updateValueAndValidity();
      }
    });
  }

  protected ap(): ApDecision {
    return this.form?.controls.ap.value ?? 'open';
  }

  protected subjects(): SubjectsDecision {
    return this.form?.controls.subjects.value ?? 'open';
  }

  /** Only the chosen alternative of each decision goes out; the other's fields are ignored. */
  protected request(): UpdateDataBreachRequest {
    const value = this.form.getRawValue();
    const { controls } = this.form;
    const measures = text(controls.measures);
    return {
      ...(measures !== this.breach.measures.trim() ? { measures } : {}),
      ...(value.ap === 'reported' && value.reportedOn
        ? {
            reportedToApAt: combineDateTime(value.reportedOn, value.reportedTime),
            apReference: text(controls.apReference),
          }
        : {}),
      ...(value.ap === 'not_reported' ? { notReportedReason: text(controls.notReportedReason) } : {}),
      ...(value.subjects === 'informed' && value.informedOn
        ? { subjectsInformedAt: combineDateTime(value.informedOn, value.informedTime) }
        : {}),
      ...(value.subjects === 'not_informed'
        ? { subjectsNotInformedReason: text(controls.notInformedReason) }
        : {}),
    };
  }

  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(['Controleer de gemarkeerde velden.']);
      return;
    }
    const request = this.request();
    const now = Date.now();
    const moments = [request.reportedToApAt, request.subjectsInformedAt].filter(
      (moment) => moment !== undefined,
    );
    if (moments.some((moment) => new Date(moment).getTime() > now)) {
      this.errors.set(['Een moment van melden of informeren mag niet in de toekomst liggen.']);
      return;
    }
    if (request.reportedToApAt && new Date(request.reportedToApAt) < new Date(this.breach.discoveredAt)) {
      this.errors.set(['De melding bij de AP kan niet vóór het ontdekken van het datalek liggen.']);
      return;
    }
    if (Object.keys(request).length === 0) {
      this.errors.set(['Er is niets gewijzigd.']);
      return;
    }
    this.errors.set([]);
    this.saving.set(true);
    this.breaches.update(this.breach.id, request).subscribe({
      next: (breach) => this.dialogRef.close(breach),
      error: (error: unknown) => {
        this.saving.set(false);
        const messages = apiFieldErrors(error).flatMap((field) => field.messages);
        this.errors.set(
          messages.length > 0
            ? messages
            : [apiErrorMessage(error, 'De opvolging is niet opgeslagen. Probeer het opnieuw.')],
        );
      },
    });
  }
}
