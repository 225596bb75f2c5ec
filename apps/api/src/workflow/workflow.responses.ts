import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_STATES, type TaskState } from '@app/common';
import { NOTICE_KINDS, type NoticeKind } from '@app/notifications';
import { TASK_ACTIONS, TASK_COMMAND_ACTIONS, type TaskAction, type TaskCommandAction } from '@app/workflow';

const TASK_KINDS = ['lead', 'co', 'subtask'] as const;
const LIGHTS = ['green', 'yellow', 'red'] as const;
type Light = (typeof LIGHTS)[number];

export class TaskMeasureRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '二.(三).2' }) path: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
}

export class TaskSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workflowId: string;
  @ApiProperty({ format: 'uuid', type: 'string', nullable: true }) parentTaskId: string | null;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) kind: (typeof TASK_KINDS)[number];
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind', description: 'lead 牵头, co 配合, subtask 分解' })
  role: (typeof TASK_KINDS)[number];
  @ApiProperty({ example: 'sx-commerce' }) unitCode: string;
  @ApiProperty({ example: '省商务厅' }) unitName: string;
  @ApiProperty({ type: 'string', nullable: true }) division: string | null;
  @ApiProperty() assignerUnitCode: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TASK_STATES, enumName: 'TaskState' }) state: TaskState;
  @ApiProperty({ description: 'Send it back as `version` to act only on what was seen' }) version: number;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ description: 'The deadline year has no published holiday calendar yet' })
  deadlineProvisional: boolean;
  @ApiProperty({ format: 'date' }) ackDeadline: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Working days to the deadline on the official calendar; negative when overdue' })
  workingDaysLeft: number;
  @ApiProperty({ enum: [0, 1, 2], description: '0 none, 1 督办, 2 挂牌督办' }) escalationLevel: number;
  @ApiProperty({ enum: LIGHTS, enumName: 'Light' }) colour: Light;
  @ApiProperty({ enum: LIGHTS, enumName: 'Light', description: '红黄绿灯 (the same as colour)' }) light: Light;
  @ApiProperty({ format: 'date', type: 'string', nullable: true }) extensionRequestedUntil: string | null;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty() measureTitle: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ type: TaskMeasureRef }) measure: TaskMeasureRef;
}

export class TaskPageResponse {
  @ApiProperty({ type: [TaskSummaryResponse] }) items: TaskSummaryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TabCountsResponse {
  @ApiProperty({ description: '待签收' }) to_acknowledge: number;
  @ApiProperty({ description: '待分解' }) to_split: number;
  @ApiProperty({ description: '待报送' }) to_report: number;
  @ApiProperty({ description: '待审核' }) to_review: number;
  @ApiProperty({ description: '已办' }) done: number;
  @ApiProperty({ description: '全部 (the tasks the unit holds)' }) all: number;
}

export class TaskEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'uuid', type: 'string', nullable: true }) taskId: string | null;
  @ApiProperty({ example: 'acknowledge', description: 'An action, or launch, split, instruction, close_measure …' })
  action: string;
  @ApiProperty({ type: 'string', nullable: true }) fromState: string | null;
  @ApiProperty({ type: 'string', nullable: true }) toState: string | null;
  @ApiProperty({ type: 'string', nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty() actorUsername: string;
  @ApiProperty({ type: 'string', nullable: true }) actorUnitCode: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class InstructionResponse {
  @ApiProperty({ description: 'The event number in the workflow chain' }) seq: number;
  @ApiProperty() text: string;
  @ApiProperty() actorUsername: string;
  @ApiProperty({ type: 'string', nullable: true }) actorUnitCode: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class TaskMeasureResponse extends TaskMeasureRef {
  @ApiProperty({ type: 'string', nullable: true, example: '晋政办发〔2022〕45号' }) docNumber: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) sectionTitles: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Quantitative targets as parsed (subject, quantity, unit …)',
  })
  targets: Record<string, unknown>[];
  @ApiProperty({ format: 'date', type: 'string', nullable: true }) deadline: string | null;
}

export class NextProgressReport {
  @ApiProperty({ example: '2026Q4' }) quarter: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class RoutedAction {
  @ApiProperty({ enum: TASK_ACTIONS, enumName: 'TaskAction' }) action: TaskAction;
  @ApiProperty({ enum: ['POST'] }) method: 'POST';
  @ApiProperty({ example: '/tasks/…/subtasks' }) route: string;
}

export class TaskDetailResponse extends TaskSummaryResponse {
  @ApiProperty({ type: TaskMeasureResponse }) declare measure: TaskMeasureResponse;
  @ApiProperty({ type: 'string', nullable: true }) description: string | null;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ format: 'date-time', type: 'string', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'date-time', type: 'string', nullable: true }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time', type: 'string', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true }) extensionReason: string | null;
  @ApiProperty({ type: TaskSummaryResponse, nullable: true }) parent: TaskSummaryResponse | null;
  @ApiProperty({ type: [TaskSummaryResponse] }) subtasks: TaskSummaryResponse[];
  @ApiProperty({ type: [TaskEventResponse], description: 'The history (who, what, when, reason), oldest first' })
  history: TaskEventResponse[];
  @ApiProperty({
    enum: TASK_COMMAND_ACTIONS,
    enumName: 'TaskCommandAction',
    isArray: true,
    description: 'What POST /tasks/{id}/actions/{action} accepts from this user now',
  })
  allowedActions: TaskCommandAction[];
  @ApiProperty({ type: [RoutedAction], description: 'Allowed actions with routes of their own' })
  otherActions: RoutedAction[];
  @ApiProperty({ type: [InstructionResponse], description: '领导批示, oldest first' })
  instructions: InstructionResponse[];
  @ApiProperty({ type: NextProgressReport, nullable: true }) nextProgressReport: NextProgressReport | null;
}

export class BulkResultResponse {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ description: 'The task version after the action' }) version?: number;
  @ApiPropertyOptional({ example: 'INVALID_TRANSITION' }) code?: string;
  @ApiPropertyOptional() message?: string;
}

export class BulkResultsResponse {
  @ApiProperty({ type: [BulkResultResponse] }) results: BulkResultResponse[];
}

export class BoardRowResponse {
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'GET /tasks?scope=all&unitCode=' }) tasks: number;
  @ApiProperty({ description: 'filter=overdue' }) overdue: number;
  @ApiProperty({ description: 'filter=due_soon (within 5 working days)' }) dueSoon: number;
  @ApiProperty({ description: 'filter=not_acknowledged' }) notAcknowledged: number;
  @ApiProperty({ description: 'filter=missing_reports' }) missingReports: number;
  @ApiProperty({ description: 'filter=level1 (督办)' }) level1: number;
  @ApiProperty({ description: 'filter=level2 (挂牌督办)' }) level2: number;
}

export class BoardResponse {
  @ApiProperty({ type: [BoardRowResponse] }) rows: BoardRowResponse[];
}

export class RateRowResponse {
  @ApiProperty({ description: 'Unit code, or the section title' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Lead and co-responsible tasks, cancelled ones left out' }) tasks: number;
  @ApiProperty() completed: number;
  @ApiProperty() onTime: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'completed / tasks' }) completionRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'onTime / completed' }) onTimeRate: number | null;
}

export class StatisticsResponse {
  @ApiProperty({ format: 'uuid', type: 'string', nullable: true }) documentId: string | null;
  @ApiProperty({ type: [RateRowResponse] }) byUnit: RateRowResponse[];
  @ApiProperty({ type: [RateRowResponse] }) bySection: RateRowResponse[];
}

export class NoticeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'uuid', type: 'string', nullable: true, description: 'The task it is about: link to it' })
  taskId: string | null;
  @ApiProperty({ enum: NOTICE_KINDS, enumName: 'NoticeKind' }) kind: NoticeKind;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'string', nullable: true }) sentBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', type: 'string', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time', type: 'string', nullable: true }) dueAt: string | null;
  @ApiProperty() deliveredLate: boolean;
}

export class NoticePageResponse {
  @ApiProperty({ type: [NoticeResponse] }) items: NoticeResponse[];
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UnreadCountResponse {
  @ApiProperty() count: number;
}

export class ReadAllResponse {
  @ApiProperty({ description: 'How many notices were marked read' }) updated: number;
}

export class LaunchedTaskResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) kind: (typeof TASK_KINDS)[number];
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'date' }) deadline: string;
}

export class LaunchedMeasureResponse {
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ format: 'uuid' }) workflowId: string;
  @ApiProperty() path: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty() taskCount: number;
  @ApiProperty({ type: [LaunchedTaskResponse] }) tasks: LaunchedTaskResponse[];
}

export class LaunchResponse {
  @ApiProperty({ type: [LaunchedMeasureResponse] }) launched: LaunchedMeasureResponse[];
  @ApiProperty() taskCount: number;
  @ApiProperty({ format: 'date', description: 'Units acknowledge (签收) by this day' }) ackDeadline: string;
}

export class SplitResponse extends TaskDetailResponse {
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true, description: 'The subtasks this call created' })
  createdSubtaskIds: string[];
}

export class ChainVerificationResponse {
  @ApiProperty({ format: 'uuid' }) workflowId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Events checked' }) events: number;
  @ApiPropertyOptional({ format: 'uuid' }) firstBadEventId?: string;
  @ApiPropertyOptional() firstBadSeq?: number;
  @ApiPropertyOptional({ enum: ['sequence', 'link', 'hash'] }) problem?: 'sequence' | 'link' | 'hash';
  @ApiPropertyOptional() message?: string;
}
