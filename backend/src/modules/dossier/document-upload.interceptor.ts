import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DOCUMENT_MAX_BYTES } from '@werkpad/shared';
import { type Observable } from 'rxjs';

export const TOO_LARGE_MESSAGE = `Het bestand is groter dan ${DOCUMENT_MAX_BYTES / (1024 * 1024)} MB.`;
export const UNREADABLE_UPLOAD_MESSAGE =
  'De upload kon niet worden gelezen: stuur één bestand in het veld "file" (multipart/form-data).';

/** What multer (memory storage) hands the route for the `file` field. */
export interface UploadedDocumentFile {
  readonly originalname: string;
  readonly mimetype: string;
  readonly size: number;
  readonly buffer: Buffer;
}

/**
 * Parses the multipart upload with multer (in memory, at most one file of at most
 * DOCUMENT_MAX_BYTES) and turns multer's English errors into the API's Dutch ones: a file over the
 * limit is a 413 that says so. Only errors of the parsing itself are translated; the route's own
 * errors pass through untouched.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new (FileInterceptor('file', {
    limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 20 },
    // Browsers send UTF-8 file names; multer's default would read them as latin1.
    defParamCharset: 'utf8',
  }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw new PayloadTooLargeException(TOO_LARGE_MESSAGE);
      if (error instanceof BadRequestException) throw new BadRequestException(UNREADABLE_UPLOAD_MESSAGE);
      throw error;
    }
  }
}
