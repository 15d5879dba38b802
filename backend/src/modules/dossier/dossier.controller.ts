import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiInternalServerErrorResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  type DocumentInfo,
  type DossierEntryView,
} from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { ApiErrorDto, ApiGuardedErrors } from '../../common/api-docs';
import { uuidPipe } from '../../common/uuid.pipe';
import { attachmentDisposition } from './document-checks';
import { DocumentUploadInterceptor, type UploadedDocumentFile } from './document-upload.interceptor';
import { DocumentsService } from './documents.service';
import { DossierService } from './dossier.service';
import {
  CreateDossierEntryDto,
  DocumentInfoDto,
  DOSSIER_CATEGORIES,
  DossierEntryResponseDto,
  DossierQueryDto,
  UploadDocumentDto,
  WhatsappDeletionDto,
} from './dto/dossier.dto';

/** The client dossier (R-REP-02): entries and documents, visible per data category. */
@ApiTags('dossier')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('clients/:clientId')
export class DossierController {
  constructor(
    private readonly dossier: DossierService,
    private readonly documents: DocumentsService,
  ) {}

  @Get('dossier')
  @Policy('read', 'Client')
  @Audited('read', 'DossierEntry', [])
  @ApiOkResponse({
    type: [DossierEntryResponseDto],
    description:
      'Nieuwste eerst; alleen stukken in categorieën die de rol mag zien, documenten alleen voor rollen met documenttoegang',
  })
  list(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Query() query: DossierQueryDto,
  ): Promise<DossierEntryView[]> {
    return this.dossier.list(ability, clientId, query);
  }

  @Post('dossier')
  @Policy('update', 'Client')
  @Audited('create', 'DossierEntry', [])
  @ApiCreatedResponse({
    type: DossierEntryResponseDto,
    description:
      'Legt een gespreksverslag, correspondentie, voortgang, ingezet instrument of besluit vast. Een mondelinge rapportage aan een opdrachtgever is een gespreksverslag (kind "note"). Een besluit noemt wie het nam (R-HUM-01).',
  })
  create(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() dto: CreateDossierEntryDto,
  ): Promise<DossierEntryView> {
    return this.dossier.create(ability, actor, clientId, dto);
  }

  @Post('documents')
  @Policy('create', 'Document')
  @Audited('create', 'Document', [])
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: `Eén bestand (maximaal ${DOCUMENT_MAX_BYTES / (1024 * 1024)} MB; ${Object.values(DOCUMENT_MEDIA_TYPES).join(', ')}) met de gegevens van het stuk`,
    schema: {
      type: 'object',
      required: ['file', 'trajectoryId', 'category', 'title', 'occurredOn'],
      properties: {
        file: { type: 'string', format: 'binary' },
        trajectoryId: { type: 'string', format: 'uuid' },
        category: { type: 'string', enum: [...DOSSIER_CATEGORIES] },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        occurredOn: { type: 'string', format: 'date' },
        receivedViaWhatsapp: { type: 'string', enum: ['true', 'false'] },
        whatsappDeletedOn: { type: 'string', format: 'date' },
      },
    },
  })
  @ApiCreatedResponse({ type: DossierEntryResponseDto, description: 'Het document als dossierstuk' })
  @ApiPayloadTooLargeResponse({ type: ApiErrorDto, description: 'Het bestand is groter dan 10 MB' })
  upload(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Body() fields: UploadDocumentDto,
    @UploadedFile() file: UploadedDocumentFile | undefined,
  ): Promise<DossierEntryView> {
    return this.documents.upload(ability, actor, clientId, fields, file);
  }

  @Get('documents/:documentId/content')
  @Policy('read', 'Document')
  @Audited('read', 'Document', [])
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'De opgeslagen bytes, na controle van de SHA-256',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiInternalServerErrorResponse({
    type: ApiErrorDto,
    description: 'De controlesom klopt niet meer: het document wordt niet getoond',
  })
  async content(
    @CurrentAbility() ability: AppAbility,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('documentId', uuidPipe) documentId: string,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.content(ability, clientId, documentId);
    return new StreamableFile(content, {
      type: document.mediaType,
      disposition: attachmentDisposition(document.fileName),
      length: content.length,
    });
  }

  @Patch('documents/:documentId/whatsapp')
  @Policy('create', 'Document')
  @Audited('update', 'Document', [])
  @ApiOkResponse({
    type: DocumentInfoDto,
    description: 'R-CONS-04: legt vast wanneer het via WhatsApp ontvangen stuk uit WhatsApp is verwijderd',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Het document is niet via WhatsApp ontvangen' })
  recordWhatsappDeletion(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('clientId', uuidPipe) clientId: string,
    @Param('documentId', uuidPipe) documentId: string,
    @Body() dto: WhatsappDeletionDto,
  ): Promise<DocumentInfo> {
    return this.documents.recordWhatsappDeletion(ability, actor, clientId, documentId, dto.whatsappDeletedOn);
  }
}
