import {
  BadRequestException,
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Injectable,
  NestInterceptor,
  Param,
  PayloadTooLargeException,
  Post,
  Res,
  StreamableFile,
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
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { IsIn, IsOptional } from 'class-validator';
import type { Actor } from '@app/access';
import { AppConfig, DomainError } from '@app/common';
import {
  ATTACHMENT_PURPOSES,
  ATTACHMENT_TYPES,
  AttachmentService,
  attachmentTooLarge,
  type AttachmentPurpose,
  type AttachmentView,
} from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { contentDisposition } from '../http/content-disposition';
import { uuidParam } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/api-errors';
import { AttachmentResponse } from './progress.responses';
import { ApiFileResponse } from '../http/api-binary';

export class UploadAttachmentRequest {
  @ApiPropertyOptional({
    enum: ATTACHMENT_PURPOSES,
    default: 'evidence',
    description: 'submission: 办结材料; progress: 进展材料; evidence: 其他佐证',
  })
  @IsOptional()
  @IsIn(ATTACHMENT_PURPOSES)
  purpose?: AttachmentPurpose;
}

class AttachmentUpload extends UploadAttachmentRequest {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, PNG, JPEG, GIF, docx/xlsx/pptx, doc/xls or UTF-8 text, recognised by content',
  })
  file: unknown;
}

/**
 * multer with ATTACHMENT_MAX_BYTES from the injected configuration (a decorator's options are fixed at
 * import), file names read as UTF-8 (browsers send Chinese names raw), and the size error naming the limit.
 */
/** Every type an attachment is served as. */
const ATTACHMENT_MEDIA_TYPES = Object.values(ATTACHMENT_TYPES).map((type) => type.contentType);

@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(private readonly config: AppConfig) {
    const Multer = FileInterceptor('file', {
      limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024 },
      defParamCharset: 'utf8',
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw attachmentTooLarge(this.config.ATTACHMENT_MAX_BYTES);
      if (error instanceof BadRequestException)
        throw new DomainError(
          'invalid',
          'INVALID_UPLOAD',
          '上传格式不正确：请以 multipart/form-data 的 file 字段上传一个文件，可另附 purpose 字段',
          { field: 'file' },
        );
      throw error;
    }
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('tasks/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentService) {}

  /** By the unit holding the task (officers, leaders) while it is open; the type is read from the content. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUpload })
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiCreatedResponse({ type: AttachmentResponse })
  @ApiOperation({ summary: '上传佐证材料' })
  @ApiErrors({
    400: [
      'FILE_MISSING',
      'INVALID_UPLOAD',
      'INVALID_ID',
      'ATTACHMENT_EMPTY',
      'UNSUPPORTED_FILE_TYPE',
      'FILE_NAME_TOO_LONG',
      'VALIDATION_FAILED',
    ],
    403: ['ATTACHMENT_NOT_PERMITTED'],
    404: ['TASK_NOT_FOUND'],
    413: ['ATTACHMENT_TOO_LARGE'],
  })
  uploadAttachment(
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() request: UploadAttachmentRequest,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentView> {
    if (!file)
      throw new DomainError('invalid', 'FILE_MISSING', '请以 multipart/form-data 的 file 字段上传文件', {
        field: 'file',
      });
    return this.attachments.upload({
      taskId: id,
      actor,
      fileName: file.originalname,
      content: file.buffer,
      purpose: request.purpose,
    });
  }

  @Get()
  @ApiOkResponse({ type: [AttachmentResponse] })
  @ApiOperation({ summary: '任务的附件列表' })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['TASK_NOT_FOUND'] })
  listAttachments(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor): Promise<AttachmentView[]> {
    return this.attachments.list(id, actor);
  }

  /** The bytes as uploaded, after their checksum is re-checked; served as the detected type, never rendered inline. */
  @Get(':attachmentId')
  @ApiFileResponse(
    ATTACHMENT_MEDIA_TYPES,
    'The file as uploaded, served as its detected type (attachment, never inline)',
  )
  @ApiOperation({ summary: '下载附件' })
  @ApiErrors({
    400: ['INVALID_ID'],
    404: ['TASK_NOT_FOUND', 'ATTACHMENT_NOT_FOUND'],
    409: ['ATTACHMENT_CORRUPTED', 'ATTACHMENT_FILE_MISSING'],
  })
  async downloadAttachment(
    @Param('id', uuidParam()) id: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const download = await this.attachments.download(id, attachmentId, actor);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('ETag', `"${download.attachment.sha256}"`);
    return new StreamableFile(download.content, {
      type: download.contentType,
      disposition: contentDisposition(download.fileName),
      length: download.content.length,
    });
  }
}
