import { ChangeDetectionStrategy, Component, inject, type OnDestroy } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import type { ProgressReportView } from '@werkpad/shared';
import { type DownloadedFile, saveFile } from '../../fg/services/fg.service';

export interface ReportPreviewDialogData {
  readonly report: ProgressReportView;
  readonly file: DownloadedFile;
}

/** The report as the recipient will get it: the PDF itself, in the browser's own viewer. */
@Component({
  selector: 'wp-report-preview-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Voorbeeld {{ data.report.reference }}</h2>
    <mat-dialog-content tabindex="0" role="region" [attr.aria-label]="'Voorbeeld ' + data.report.reference">
      <iframe
        class="preview"
        [src]="url"
        [title]="'Voortgangsrapportage ' + data.report.reference + ' als PDF'"
      ></iframe>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="download()">Downloaden</button>
      <button mat-flat-button type="button" mat-dialog-close>Sluiten</button>
    </mat-dialog-actions>
  `,
  styles: `
    .preview {
      width: 100%;
      height: 70vh;
      border: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class ReportPreviewDialog implements OnDestroy {
  protected readonly data = inject<ReportPreviewDialogData>(MAT_DIALOG_DATA);
  private readonly objectUrl = URL.createObjectURL(this.data.file.blob);
  // A blob: URL made here from the API's own PDF; Angular only lets such a URL into an iframe explicitly.
  protected readonly url: SafeResourceUrl = inject(DomSanitizer).bypassSecurityTrustResourceUrl(
    this.objectUrl,
  );

  protected download(): void {
    saveFile(this.data.file);
  }

  ngOnDestroy(): void {
    URL.revokeObjectURL(this.objectUrl);
  }
}
