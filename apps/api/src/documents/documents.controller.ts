import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor } from '@app/access';
import { DomainError } from '@app/common';
import {
  DOCUMENT_PARSE_ERROR_CODES,
  DocumentImporter,
  DocumentQueries,
  MAX_UPLOAD_BYTES,
  MeasureAssignmentService,
  MeasureSuggestionService,
} from '@app/documents';
import { RevisionImpact, type ImportAnswer } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { AssignUnitsRequest, ImportDocumentUpload, MeasureListQuery } from './documents.dto';
import { ApiErrors } from '../http/api-errors';
import {
  DocumentResponse,
  DocumentSummaryResponse,
  ImportResponse,
  MeasureResponse,
  MeasureSuggestionsResponse,
} from './documents.responses';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly importer: DocumentImporter,
    private readonly queries: DocumentQueries,
    private readonly suggestions: MeasureSuggestionService,
    private readonly assignments: MeasureAssignmentService,
    private readonly revisions: RevisionImpact,
  ) {}

  /** 201 for a new document or revision, 200 when the same text was already imported. */
  @Post('documents')
  @Roles('supervisor', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportDocumentUpload })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiCreatedResponse({ type: ImportResponse, description: 'A new document or a new revision' })
  @ApiOkResponse({ type: ImportResponse, description: 'The same text was already imported' })
  @ApiOperation({ summary: '上传文件（新文件或新修订）' })
  @ApiErrors({
    // Every refusal of the reader and parser, from their own list, beside the upload's and the importer's.
    400: ['FILE_MISSING', ...DOCUMENT_PARSE_ERROR_CODES, 'DOCUMENT_UNIDENTIFIED', 'UNSUPPORTED_ENCODING'],
    403: ['ROLE_REQUIRED'],
    413: ['PAYLOAD_TOO_LARGE'],
  })
  async importDocument(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportAnswer> {
    if (!file)
      throw new DomainError('invalid', 'FILE_MISSING', '请以 multipart/form-data 的 file 字段上传文件', {
        field: 'file',
      });
    const outcome = await this.importer.import({
      content: file.buffer,
      fileName: file.originalname,
      importedBy: actor.username,
    });
    response.status(outcome.status === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    return this.revisions.answer(outcome);
  }

  @Get('documents')
  @ApiOkResponse({ type: [DocumentSummaryResponse] })
  @ApiOperation({ summary: '文件列表' })
  @ApiErrors({})
  listDocuments() {
    return this.queries.listDocuments();
  }

  /** By id or by 文号. */
  @Get('documents/:reference')
  @ApiOkResponse({ type: DocumentResponse })
  @ApiOperation({ summary: '按 id 或文号查看文件' })
  @ApiErrors({ 404: ['DOCUMENT_NOT_FOUND'] })
  getDocument(@Param('reference') reference: string) {
    return this.queries.getDocument(reference);
  }

  @Get('documents/:reference/measures')
  @ApiOkResponse({ type: [MeasureResponse] })
  @ApiOperation({ summary: '文件的措施列表' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 404: ['DOCUMENT_NOT_FOUND'] })
  async listMeasures(@Param('reference') reference: string, @Query() query: MeasureListQuery) {
    const document = await this.queries.getDocument(reference);
    return this.queries.listMeasures(document.id, { needsAssignment: query.needsAssignment });
  }

  @Get('measures/:id')
  @ApiOkResponse({ type: MeasureResponse })
  @ApiOperation({ summary: '查看措施' })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['MEASURE_NOT_FOUND'] })
  getMeasure(@Param('id', uuidParam()) id: string) {
    return this.queries.getMeasure(id);
  }

  @Get('measures/:id/suggestions')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: MeasureSuggestionsResponse })
  @ApiOperation({ summary: '措施的责任单位建议及依据' })
  @ApiErrors({ 400: ['INVALID_ID'], 403: ['ROLE_REQUIRED'], 404: ['MEASURE_NOT_FOUND'] })
  listMeasureSuggestions(@Param('id', uuidParam()) id: string) {
    return this.suggestions.suggest(id);
  }

  @Put('measures/:id/units')
  @Roles('supervisor')
  @ApiOkResponse({ type: MeasureResponse })
  @ApiOperation({ summary: '指定措施的牵头与配合单位' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', 'UNKNOWN_UNIT', 'UNIT_LISTED_TWICE', 'LEAD_REQUIRED'],
    403: ['ROLE_REQUIRED'],
    404: ['MEASURE_NOT_FOUND'],
  })
  async assignMeasureUnits(
    @Param('id', uuidParam()) id: string,
    @Body() request: AssignUnitsRequest,
    @CurrentActor() actor: Actor,
  ) {
    await this.assignments.assign({ measureId: id, ...request, source: 'manual', assignedBy: actor.username });
    return this.queries.getMeasure(id);
  }

  @Post('measures/:id/units/accept-suggestion')
  @Roles('supervisor')
  @ApiCreatedResponse({ type: MeasureResponse })
  @ApiOperation({ summary: '采纳建议的责任单位' })
  @ApiErrors({ 400: ['INVALID_ID'], 403: ['ROLE_REQUIRED'], 404: ['MEASURE_NOT_FOUND'], 409: ['NO_SUGGESTION'] })
  async acceptMeasureSuggestion(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    const proposal = await this.suggestions.proposal(id);
    await this.assignments.assign({ measureId: id, ...proposal, source: 'suggestion', assignedBy: actor.username });
    return this.queries.getMeasure(id);
  }
}
