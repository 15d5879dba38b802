import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { DOCUMENT_MEDIA_TYPES, TRAJECTORY_TYPE_RULES, type TrajectoryView } from '@werkpad/shared';
import { ACCEPTED_TYPES, fileProblem } from '../document-upload-dialog';

export interface EvidenceUpload {
  readonly file: File;
  readonly trajectoryId: string;
}

export type EvidenceCheck =
  | { readonly ok: true; readonly upload: EvidenceUpload }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The signed consent form, chosen in the consent dialog itself so the coach need not leave it for
 * Documenten. It only collects the file and the trajectory to file it under; the dialog uploads.
 */
@Component({
  selector: 'wp-consent-evidence-upload',
  imports: [MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (openTrajectories().length === 0) {
      <div class="alert alert--info full" role="note">
        Deze cliënt heeft geen open traject om het formulier onder op te slaan. Kies een verwijzing, of start
        eerst een traject.
      </div>
    }
    <div class="file full">
      <label for="consent-bestand" class="group-label">Ondertekend formulier</label>
      <input
        #fileInput
        id="consent-bestand"
        type="file"
        [accept]="accept"
        aria-describedby="consent-bestand-hint"
        [attr.aria-invalid]="fileError() ? true : null"
        (change)="choose(fileInput)"
      />
      <p id="consent-bestand-hint" class="hint">
        Wordt opgeslagen bij Documenten (Gespreksverslagen). Toegestaan: {{ acceptedTypes }}; maximaal 10 MB.
      </p>
      @if (fileError(); as message) {
        <p class="field-error" role="alert">{{ message }}</p>
      }
    </div>
    @if (openTrajectories().length > 1) {
      <mat-form-field class="field full" subscriptSizing="dynamic">
        <mat-label>Opslaan bij traject</mat-label>
        <mat-select [value]="trajectoryId()" (valueChange)="trajectoryId.set($event)">
          @for (t of openTrajectories(); track t.id) {
            <mat-option [value]="t.id">{{ label(t) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
  `,
  styleUrl: '../client-form.scss',
  host: { class: 'full' },
})
export class ConsentEvidenceUpload {
  /** All of the client's trajectories; a document can only be filed under an open one. */
  readonly trajectories = input.required<readonly TrajectoryView[]>();

  protected readonly accept = Object.keys(DOCUMENT_MEDIA_TYPES).join(',');
  protected readonly acceptedTypes = ACCEPTED_TYPES;
  protected readonly openTrajectories = computed(() =>
    this.trajectories().filter((trajectory) => trajectory.status === 'open'),
  );
  /** The first open trajectory unless the user picks another (the choice only shows with several). */
  protected readonly trajectoryId = linkedSignal<string | null>(() => this.openTrajectories()[0]?.id ?? null);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);

  protected choose(input: HTMLInputElement): void {
    const file = input.files?.item(0) ?? null;
    this.file.set(file);
    this.fileError.set(file ? fileProblem(file) : null);
  }

  protected label(trajectory: TrajectoryView): string {
    const [year, month, day] = trajectory.startDate.split('-');
    return `${TRAJECTORY_TYPE_RULES[trajectory.type].label} (sinds ${day}-${month}-${year})`;
  }

  /** What to upload, or the problems in words (also shown next to the file input). */
  check(): EvidenceCheck {
    const file = this.file();
    const problem = fileProblem(file);
    this.fileError.set(problem);
    const trajectoryId = this.trajectoryId();
    const problems = [
      ...(problem ? [`Ondertekend formulier: ${problem}`] : []),
      ...(trajectoryId ? [] : ['Er is geen open traject om het formulier onder op te slaan.']),
    ];
    return file && trajectoryId && problems.length === 0
      ? { ok: true, upload: { file, trajectoryId } }
      : { ok: false, problems };
  }
}
