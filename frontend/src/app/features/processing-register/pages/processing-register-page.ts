import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DATA_CATEGORY_LABELS, type DataCategory, type ProcessingRegister } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDateTime } from '../../../shared/dutch-dates';
import { ProcessingRegisterService } from '../services/processing-register.service';

/**
 * The register of processing activities (AVG art. 30): per kind of trajectory its purposes, legal
 * bases, data categories, recipients with their ground, consent purposes and retention; then the
 * security measures. The API builds it from the same rule data the code enforces.
 */
@Component({
  selector: 'wp-processing-register-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './processing-register-page.html',
  styleUrl: './processing-register-page.scss',
})
export class ProcessingRegisterPage {
  private readonly registerService = inject(ProcessingRegisterService);

  protected readonly register = signal<ProcessingRegister | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly dateTime = dutchDateTime;

  constructor() {
    this.registerService.get().subscribe((register) => this.register.set(register));
  }

  protected categories(categories: readonly DataCategory[]): string {
    return categories.length === 0
      ? '—'
      : categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', ');
  }

  protected download(): void {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    this.registerService.pdf().subscribe({
      next: ({ blob, fileName }) => {
        this.downloading.set(false);
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.click();
        // Revoked after the click has been handled, so the browser has started the download.
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.downloadError.set(
          apiErrorMessage(error, 'De PDF kon niet worden gemaakt. Probeer het opnieuw.'),
        );
      },
    });
  }
}
