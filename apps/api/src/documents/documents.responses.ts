import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_KINDS, type UnitKind } from '@app/units';

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class PlanPeriod {
  @ApiProperty() startYear: number;
  @ApiProperty() endYear: number;
}

export class DocumentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'string', nullable: true, example: '晋政办发〔2022〕45号' }) docNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'string', nullable: true }) issuer: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: PlanPeriod, nullable: true }) planPeriod: PlanPeriod | null;
  @ApiProperty() revision: number;
  @ApiProperty() measureCount: number;
  @ApiProperty() needingAssignment: number;
  @ApiProperty({ format: 'date-time' }) importedAt: string;
}

export class DiagnosticResponse {
  @ApiProperty({ enum: ['error', 'warning', 'info'] }) level: string;
  @ApiProperty({ type: 'integer', nullable: true }) line: number | null;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: 'string', nullable: true }) measurePath: string | null;
  @ApiProperty({ ...FREE_OBJECT, nullable: true, description: 'line, page, paragraph, table, row, label' })
  location: Record<string, unknown> | null;
}

export class DocumentResponse extends DocumentSummaryResponse {
  @ApiProperty({ type: [DiagnosticResponse] }) diagnostics: DiagnosticResponse[];
}

export class ResponsibleUnitResponse {
  @ApiProperty() code: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['lead', 'co'] }) role: 'lead' | 'co';
}

export class MeasureUnitsResponse {
  @ApiProperty({ type: 'string', nullable: true }) raw: string | null;
  @ApiProperty({ type: 'string', nullable: true }) lead: string | null;
  @ApiProperty({ type: [String] }) co: string[];
  @ApiProperty() needsAssignment: boolean;
  @ApiProperty({ enum: ['document', 'supervisor'] }) assignmentSource: 'document' | 'supervisor';
  @ApiProperty({ type: 'array', items: FREE_OBJECT, description: 'How each written name resolved' })
  resolved: Record<string, unknown>[];
  @ApiProperty({ type: [ResponsibleUnitResponse] }) responsible: ResponsibleUnitResponse[];
}

export class MeasureDeadlineResponse {
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) date: string | null;
  @ApiProperty() source: string;
  @ApiProperty({ type: 'string', nullable: true }) text: string | null;
}

export class MeasureResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ example: '二.(三).2' }) path: string;
  @ApiProperty({ type: [String] }) sectionTitles: string[];
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty() line: number;
  @ApiProperty({ type: MeasureUnitsResponse }) units: MeasureUnitsResponse;
  @ApiProperty({ type: MeasureDeadlineResponse }) deadline: MeasureDeadlineResponse;
  @ApiProperty({ type: 'array', items: FREE_OBJECT, description: 'Quantitative targets as parsed' })
  targets: Record<string, unknown>[];
  @ApiProperty() firstRevision: number;
  @ApiProperty() lastChangedRevision: number;
  @ApiProperty({ description: '分解下达 already' }) launched: boolean;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) workflowId: string | null;
}

export class SuggestionEvidenceResponse {
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty() documentLabel: string;
  @ApiProperty() path: string;
  @ApiProperty() title: string;
  @ApiProperty() similarity: number;
}

export class UnitSuggestionResponse {
  @ApiProperty() unitCode: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['lead', 'co'] }) role: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [SuggestionEvidenceResponse] }) evidence: SuggestionEvidenceResponse[];
}

export class MeasureSuggestionsResponse {
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ type: [UnitSuggestionResponse] }) suggestions: UnitSuggestionResponse[];
}

export class RevisionChangesResponse {
  @ApiProperty({ type: [String] }) added: string[];
  @ApiProperty({ type: [String] }) removed: string[];
  @ApiProperty({ type: [String] }) changed: string[];
}

export class LaunchedMeasureChangeResponse {
  @ApiProperty() path: string;
  @ApiProperty({ enum: ['removed', 'changed'] }) change: 'removed' | 'changed';
  @ApiProperty({ format: 'uuid' }) workflowId: string;
  @ApiProperty() openTasks: number;
}

export class MeasureCounts {
  @ApiProperty() total: number;
  @ApiProperty() needingAssignment: number;
}

export class ImportResponse {
  @ApiProperty({ enum: ['created', 'revised', 'unchanged'] }) status: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ type: 'string', nullable: true }) docNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ['txt', 'docx', 'doc', 'pdf', 'html'] }) format: string;
  @ApiProperty({ type: MeasureCounts }) measures: MeasureCounts;
  @ApiProperty({ type: RevisionChangesResponse }) changes: RevisionChangesResponse;
  @ApiProperty({ type: [DiagnosticResponse] }) diagnostics: DiagnosticResponse[];
  @ApiProperty() message: string;
  @ApiProperty({ type: [LaunchedMeasureChangeResponse] }) launchedChanged: LaunchedMeasureChangeResponse[];
}

export class LadderResponse {
  @ApiProperty({ ...FREE_OBJECT, nullable: true, description: "The document's own changes; null: none" })
  overrides: Record<string, unknown> | null;
  @ApiProperty({ ...FREE_OBJECT, description: 'The ladder its tasks follow' }) ladder: Record<string, unknown>;
}

export class LadderSetResponse {
  @ApiProperty({ ...FREE_OBJECT, description: 'The ladder its tasks follow now' }) ladder: Record<string, unknown>;
  @ApiProperty() tasksReplanned: number;
}

export class CalendarDayResponse {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind: 'holiday' | 'workday';
  @ApiPropertyOptional() note?: string;
}

export class CalendarChangeResponse {
  @ApiProperty() days: number;
  @ApiProperty() tasksReplanned: number;
}

export class UnitRecordResponse {
  @ApiProperty() code: string;
  @ApiProperty() fullName: string;
  @ApiProperty() shortName: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ enum: UNIT_KINDS })
  kind: UnitKind;
  @ApiProperty({ type: 'string', nullable: true }) parentCode: string | null;
  @ApiProperty({ type: 'string', nullable: true }) successorCode: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) successorSince: string | null;
}

export class UnitGroupResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: [String] }) memberCodes: string[];
}

export class UnitPlaceholderResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
}

export class UnitDirectoryResponse {
  @ApiProperty({ type: [UnitRecordResponse] }) units: UnitRecordResponse[];
  @ApiProperty({ type: [UnitGroupResponse] }) groups: UnitGroupResponse[];
  @ApiProperty({ type: [UnitPlaceholderResponse] }) placeholders: UnitPlaceholderResponse[];
}
