import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { DisclosurePackage, DisclosureView } from '@werkpad/shared';
import { apiErrorMessage } from '../../../../core/http/api-error';
import { categoryList } from '../consents/consent-labels';
import { DisclosuresService } from '../../services/consents.service';

export interface PackageDialogData {
  readonly clientId: string;
  readonly disclosure: DisclosureView;
}

/**
 * "Bekijk verzonden gegevens": the package as it went out, with the digest recorded at the time, so
 * the client can be shown exactly what was shared (R-SHARE-06) and anyone can check it was not altered.
 */
@Component({
  selector: 'wp-package-dialog',
  imports: [DatePipe, MatButtonModule, MatDialogModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './package-dialog.html',
  styleUrls: ['./sharing.scss'],
})
export class PackageDialog {
  protected readonly data = inject<PackageDialogData>(MAT_DIALOG_DATA);
  protected readonly pkg = signal<DisclosurePackage | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    inject(DisclosuresService)
      .package(this.data.clientId, this.data.disclosure.id)
      .subscribe({
        next: (pkg) => this.pkg.set(pkg),
        error: (error: unknown) =>
          this.error.set(apiErrorMessage(error, 'De verzonden gegevens konden niet worden geladen.')),
      });
  }

  protected categories(pkg: DisclosurePackage): string {
    return categoryList(pkg.categories);
  }
}
