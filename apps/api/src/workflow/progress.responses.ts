import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_PURPOSES, type AttachmentPurpose } from '@app/workflow';

export class TargetActualResponse {
  @ApiProperty({ description: "The target's index in the measure's targets" }) targetIndex: number;
  @ApiProperty() actual: number;
}

export class ProgressReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ example: '2026Q4' }) quarter: string;
  @ApiProperty() text: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percentDone: number;
  @ApiProperty({ type: [TargetActualResponse] }) targetActuals: TargetActualResponse[];
  @ApiProperty({ enum: ['submitted', 'approved', 'returned'] }) state: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: 'string', nullable: true }) reviewedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true }) reviewReason: string | null;
  @ApiProperty() version: number;
}

export class UnitTransferResponse {
  @ApiProperty() fromUnitCode: string;
  @ApiProperty() toUnitCode: string;
  @ApiProperty({ description: 'Open tasks the successor now holds' }) tasksHeld: number;
  @ApiProperty({ description: 'Open tasks the successor now assigns and reviews' }) tasksAssigned: number;
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) progressReportId: string | null;
  @ApiProperty({ enum: ATTACHMENT_PURPOSES }) purpose: AttachmentPurpose;
  @ApiProperty() fileName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class WebhookResponse {
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: [true], description: 'The secret is never returned' }) secretConfigured: true;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) noticeId: string;
  @ApiProperty() title: string;
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'date-time' }) noticeCreatedAt: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) state: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatus: number | null;
  @ApiProperty({ type: 'string', nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) notBefore: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) deliveredAt: string | null;
}

export class ReportFilesResponse {
  @ApiProperty({ required: false, example: '/reports/…/files/docx' }) docx?: string;
  @ApiProperty({ required: false }) xlsx?: string;
  @ApiProperty({ required: false }) json?: string;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ example: '2022Q3' }) quarter: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: 'string', nullable: true, description: "null: every unit's figures" })
  scopeUnitCode: string | null;
  @ApiProperty({ enum: ['on_demand', 'scheduled'] }) origin: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'], enumName: 'ReportState' }) state: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: 'string', nullable: true }) error: string | null;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: ReportFilesResponse, description: 'Links to the files, once done' }) files: ReportFilesResponse;
}

export class ActorResponse {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty() username: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ enum: ['officer', 'leader', 'supervisor', 'leadership', 'admin'], enumName: 'Role', isArray: true })
  roles: string[];
}
