import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateDossierEntryRequest,
  CreateTrajectoryRequest,
  DataCategory,
  DossierEntryKind,
  DossierEntryView,
  TrajectoryView,
} from '@werkpad/shared';
import { map, type Observable } from 'rxjs';

export interface DossierQuery {
  readonly trajectoryId?: string | null;
  readonly kind?: DossierEntryKind | null;
}

export interface DocumentUpload {
  readonly file: File;
  readonly trajectoryId: string;
  readonly category: DataCategory;
  readonly title: string;
  readonly occurredOn: string;
  readonly receivedViaWhatsapp: boolean;
  readonly whatsappDeletedOn: string | null;
}

export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string | null;
}

function base(clientId: string): string {
  return `/api/clients/${encodeURIComponent(clientId)}`;
}

/** Reads a file name from Content-Disposition (RFC 6266, with the RFC 5987 UTF-8 form first). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}

/** The parts of a client file behind the client: trajectories, dossier and documents (payroll: PayrollService). */
@Injectable({ providedIn: 'root' })
export class ClientFileService {
  private readonly http = inject(HttpClient);

  trajectories(clientId: string): Observable<TrajectoryView[]> {
    return this.http.get<TrajectoryView[]>(`${base(clientId)}/trajectories`);
  }

  createTrajectory(clientId: string, request: CreateTrajectoryRequest): Observable<TrajectoryView> {
    return this.http.post<TrajectoryView>(`${base(clientId)}/trajectories`, request);
  }

  closeTrajectory(clientId: string, trajectoryId: string, closedOn: string): Observable<TrajectoryView> {
    return this.http.post<TrajectoryView>(
      `${base(clientId)}/trajectories/${encodeURIComponent(trajectoryId)}/close`,
      { closedOn, confirm: true },
    );
  }

  reopenTrajectory(clientId: string, trajectoryId: string): Observable<TrajectoryView> {
    return this.http.post<TrajectoryView>(
      `${base(clientId)}/trajectories/${encodeURIComponent(trajectoryId)}/reopen`,
      null,
    );
  }

  dossier(clientId: string, query: DossierQuery = {}): Observable<DossierEntryView[]> {
    let params = new HttpParams();
    if (query.trajectoryId) params = params.set('trajectoryId', query.trajectoryId);
    if (query.kind) params = params.set('kind', query.kind);
    return this.http.get<DossierEntryView[]>(`${base(clientId)}/dossier`, { params });
  }

  createEntry(clientId: string, request: CreateDossierEntryRequest): Observable<DossierEntryView> {
    return this.http.post<DossierEntryView>(`${base(clientId)}/dossier`, request);
  }

  upload(clientId: string, upload: DocumentUpload): Observable<DossierEntryView> {
    const body = new FormData();
    body.append('trajectoryId', upload.trajectoryId);
    body.append('category', upload.category);
    body.append('title', upload.title);
    body.append('occurredOn', upload.occurredOn);
    body.append('receivedViaWhatsapp', String(upload.receivedViaWhatsapp));
    if (upload.receivedViaWhatsapp && upload.whatsappDeletedOn) {
      body.append('whatsappDeletedOn', upload.whatsappDeletedOn);
    }
    // The file goes last, so that a streaming parser has read the fields when the content arrives.
    body.append('file', upload.file, upload.file.name);
    return this.http.post<DossierEntryView>(`${base(clientId)}/documents`, body);
  }

  /** Downloads through HttpClient because the access token is a header, not a cookie. */
  download(clientId: string, documentId: string): Observable<DownloadedFile> {
    return this.http
      .get(`${base(clientId)}/documents/${encodeURIComponent(documentId)}/content`, {
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName: fileNameFromDisposition(response.headers.get('content-disposition')),
        })),
      );
  }

  markDeletedFromWhatsapp(
    clientId: string,
    documentId: string,
    whatsappDeletedOn: string,
  ): Observable<DossierEntryView> {
    return this.http.patch<DossierEntryView>(
      `${base(clientId)}/documents/${encodeURIComponent(documentId)}/whatsapp`,
      { whatsappDeletedOn },
    );
  }
}
