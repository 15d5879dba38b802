import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { DiagnosisOutcomeView } from '@werkpad/shared';
import { filter, type Observable, of, switchMap } from 'rxjs';
import { apiErrorMessage, httpStatus } from '../../../core/http/api-error';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/confirm-dialog';
import { DatePromptDialog, type DatePromptData } from '../../../shared/date-prompt-dialog';
import { dutchDate, dutchDateTime, todayIso } from '../../../shared/dutch-dates';
import { OUTCOME_CONFLICT_MESSAGE } from '../expertise-labels';
import { ExpertiseService } from '../services/expertise.service';

type LoadState = 'loading' | 'loaded' | 'failed';

const TEXT_MAX = 5000;

/** What the confirmation says before an outcome becomes final (R-MED-02, R-MED-03). */
export const FINALIZE_CONFIRMATION: ConfirmDialogData = {
  title: 'Uitkomst vaststellen?',
  message:
    'Na het vaststellen kunt u de uitkomst en het advies niet meer wijzigen. De trajectbegeleider en de ' +
    'inkomensconsulent van de cliënt kunnen ze dan lezen, en ze kunnen naar de opdrachtgever. Controleer dat ' +
    'er geen medische gegevens in staan. Weet u het zeker?',
  confirmLabel: 'Vaststellen',
};

/**
 * The outcome and advice of an arbeidsdiagnose: the only product that leaves the Expertisecentrum
 * (R-MED-02). A draft is saved with the version it started from; "Vaststellen" makes it final after a
 * confirmation; then only the date it was sent to the client can still be recorded (R-MED-03).
 */
@Component({
  selector: 'wp-outcome-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outcome-editor.html',
  styleUrls: ['./expertise-tab.scss', './expertise-dialog.scss'],
})
export class OutcomeEditor {
  private readonly expertise = inject(ExpertiseService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly trajectoryId = input.required<string>();
  /** The outcome can be written while the trajectory is open. */
  readonly canEdit = input(false);

  protected readonly state = signal<LoadState>('loading');
  protected readonly outcome = signal<DiagnosisOutcomeView | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly date = dutchDate;
  protected readonly dateTime = dutchDateTime;

  protected readonly form = this.fb.group({
    conclusion: this.fb.control('', [Validators.required, Validators.maxLength(TEXT_MAX)]),
    advice: this.fb.control('', [Validators.required, Validators.maxLength(TEXT_MAX)]),
  });

  constructor() {
    effect(() => this.load(this.trajectoryId()));
  }

  protected reload(): void {
    this.load(this.trajectoryId());
  }

  protected saveDraft(): void {
    if (!this.check()) return;
    this.run(this.save(), 'Concept opgeslagen');
  }

  /** Asks first; unsaved changes are saved as part of it, so what is confirmed is what becomes final. */
  protected finalize(): void {
    if (!this.check()) return;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: FINALIZE_CONFIRMATION,
        role: 'alertdialog',
        width: '560px',
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => {
        const current = this.outcome();
        const saved = this.form.dirty || !current ? this.save() : of(current);
        this.run(
          saved.pipe(
            switchMap((draft) => this.expertise.finalizeOutcome(this.trajectoryId(), draft.version)),
          ),
          'Uitkomst vastgesteld',
        );
      });
  }

  protected recordSent(): void {
    const outcome = this.outcome();
    if (!outcome) return;
    const prompt: DatePromptData = {
      title: 'Verzonden aan cliënt',
      message: 'Op welke datum is de uitkomst aan de cliënt gestuurd of uitgereikt?',
      label: 'Verzonden op',
      confirmLabel: 'Vastleggen',
      initial: todayIso(),
      ...(outcome.finalizedAt ? { min: outcome.finalizedAt.slice(0, 10) } : {}),
      max: todayIso(),
    };
    this.dialog
      .open<DatePromptDialog, DatePromptData, string>(DatePromptDialog, { data: prompt, width: '480px' })
      .afterClosed()
      .pipe(filter((sentOn): sentOn is string => typeof sentOn === 'string'))
      .subscribe((sentOn) =>
        this.run(this.expertise.outcomeSentToClient(this.trajectoryId(), sentOn), 'Verzending vastgelegd'),
      );
  }

  private check(): boolean {
    this.error.set(null);
    if (this.form.valid) return true;
    this.form.markAllAsTouched();
    this.error.set('Vul de conclusie en het advies in.');
    return false;
  }

  private save(): Observable<DiagnosisOutcomeView> {
    const value = this.form.getRawValue();
    const current = this.outcome();
    return this.expertise.saveOutcome(this.trajectoryId(), {
      conclusion: value.conclusion.trim(),
      advice: value.advice.trim(),
      ...(current ? { expectedVersion: current.version } : {}),
    });
  }

  private run(call: Observable<DiagnosisOutcomeView>, done: string): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.conflict.set(false);
    call.subscribe({
      next: (outcome) => {
        this.saving.set(false);
        this.show(outcome);
        this.snackBar.open(done, 'Sluiten', { duration: 5000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (httpStatus(error) === 409) {
          this.conflict.set(true);
          this.error.set(OUTCOME_CONFLICT_MESSAGE);
          return;
        }
        this.error.set(apiErrorMessage(error, 'De uitkomst is niet opgeslagen. Probeer het opnieuw.'));
      },
    });
  }

  private show(outcome: DiagnosisOutcomeView | null): void {
    this.outcome.set(outcome);
    this.form.reset({ conclusion: outcome?.conclusion ?? '', advice: outcome?.advice ?? '' });
  }

  private load(trajectoryId: string): void {
    this.state.set('loading');
    this.error.set(null);
    this.conflict.set(false);
    this.expertise.outcome(trajectoryId).subscribe({
      next: (outcome) => {
        this.show(outcome);
        this.state.set('loaded');
      },
      error: (error: unknown) => {
        if (httpStatus(error) === 404) {
          this.show(null);
          this.state.set('loaded');
        } else {
          this.state.set('failed');
        }
      },
    });
  }
}
