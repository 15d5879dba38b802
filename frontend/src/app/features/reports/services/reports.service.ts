import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateProgressReportRequest,
  ProgressReportView,
  RecordReportReviewRequest,
  ReportExportRequest,
  ReportExportView,
  SendProgressReportRequest,
} from '@werkpad/shared';
import { map, type Observable } from 'rxjs';
import { type DownloadedFile, fileNameFromDisposition } from '../../fg/services/fg.service';

const reports = (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/reports`;
const report = (clientId: string, reportId: string) => `${reports(clientId)}/${encodeURIComponent(reportId)}`;

/** Progress reports of a client file, and management's export (issue 8, R-REP-01). */
@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly http = inject(HttpClient);

  list(clientId: string): Observable<ProgressReportView[]> {
    return this.http.get<ProgressReportView[]>(reports(clientId));
  }

  create(clientId: string, request: CreateProgressReportRequest): Observable<ProgressReportView> {
    return this.http.post<ProgressReportView>(reports(clientId), request);
  }

  pdf(clientId: string, reportId: string): Observable<DownloadedFile> {
    return this.download(`${report(clientId, reportId)}/pdf`, 'voortgangsrapportage.pdf');
  }

  recordReview(
    clientId: string,
    reportId: string,
    review: RecordReportReviewRequest,
  ): Observable<ProgressReportView> {
    return this.http.post<ProgressReportView>(`${report(clientId, reportId)}/review`, review);
  }

  send(
    clientId: string,
    reportId: string,
    request: SendProgressReportRequest,
  ): Observable<ProgressReportView> {
    return this.http.post<ProgressReportView>(`${report(clientId, reportId)}/send`, request);
  }

  startExport(request: ReportExportRequest): Observable<ReportExportView> {
    return this.http.post<ReportExportView>('/api/report-exports', request);
  }

  exportStep(exportId: string): Observable<ReportExportView> {
    return this.http.post<ReportExportView>(`/api/report-exports/${encodeURIComponent(exportId)}/step`, {});
  }

  exportZip(exportId: string): Observable<DownloadedFile> {
    return this.download(
      `/api/report-exports/${encodeURIComponent(exportId)}/zip`,
      'voortgangsrapportages.zip',
    );
  }

  private download(url: string, fallback: string): Observable<DownloadedFile> {
    return this.http.get(url, { observe: 'response', responseType: 'blob' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob(),
        fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallback,
      })),
    );
  }
}
