import type { MatDialog } from '@angular/material/dialog';
import { type ConsentPurpose, type ConsentView, EXPERTISE_CONSENT_PURPOSES } from '@werkpad/shared';
import type { Observable } from 'rxjs';
import {
  ConsentFormDialog,
  type ConsentFormDialogData,
} from '../../clients/components/consents/consent-form-dialog';

/**
 * Opens the client file's own consent dialog (one way of recording consent, R-CONS-01) for the
 * Expertisecentrum: preset to the purpose at hand, limited to the purposes it works with, and with a
 * reference as evidence, because the Expertisecentrum neither reads nor uploads dossier documents.
 */
export function recordConsent(
  dialog: MatDialog,
  clientId: string,
  purpose: ConsentPurpose,
): Observable<ConsentView | undefined> {
  return dialog
    .open<ConsentFormDialog, ConsentFormDialogData, ConsentView>(ConsentFormDialog, {
      data: {
        clientId,
        purpose,
        // R-MED-05: consent for functional capabilities to an employer is the Expertisecentrum's too.
        purposes: [...EXPERTISE_CONSENT_PURPOSES, 'functional_to_employer'],
        canUpload: false,
        readDocuments: false,
      },
      width: '760px',
    })
    .afterClosed();
}
