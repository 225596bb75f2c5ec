import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  INBOX_TABS,
  TASK_FILTERS,
  type InboxScope,
  type InboxSort,
  type InboxTab,
  type TaskFilter,
} from '@app/workflow';
import { IsCalendarDate, PageRequest, UNIT_CODE, UNIT_CODE_MESSAGE } from '../http/request-rules';
import { TASK_STATES, type TaskState } from '@app/common';

export class LaunchRequest {
  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    isArray: true,
    description: 'Launch only these measures; all measures of the document when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  measureIds?: string[];

  @ApiPropertyOptional({ example: '2027-06-30', description: 'Deadline for measures whose text gives none' })
  @IsOptional()
  @IsCalendarDate()
  defaultDeadline?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date' },
    example: { '6f1c0d6e-2d7a-4c51-9a53-0f3b0c3e2a10': '2027-06-30' },
    description: 'Deadline (YYYY-MM-DD) per measure id, overriding the measure',
  })
  @IsOptional()
  @IsObject()
  deadlines?: Record<string, string>;
}

export class TaskActionRequest {
  @ApiPropertyOptional({ description: 'The task version the user saw: a newer one gives 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'Required to return, object, cancel, request or refuse an extension' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The text of a manual reminder (催办)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  message?: string;

  @ApiPropertyOptional({ description: 'The unit taking over, for reassign' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'The deadline asked for, for request_extension' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;
}

export class NewSubtaskRequest {
  @ApiProperty({ example: 'sx-city-taiyuan' })
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode: string;

  @ApiPropertyOptional({
    example: '产业发展处',
    description: "A division of the lead unit's own, when unitCode is the lead unit",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  division?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsCalendarDate()
  deadline: string;
}

export class SplitRequest {
  @ApiProperty({ type: [NewSubtaskRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NewSubtaskRequest)
  subtasks: NewSubtaskRequest[];
}

const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQueryRequest extends PageRequest {
  @ApiPropertyOptional({
    enum: ['mine', 'assigned', 'all'],
    description: 'mine: tasks the unit holds; assigned: tasks it assigned; all: supervisors and leadership',
  })
  @IsOptional()
  @IsIn(['mine', 'assigned', 'all'])
  scope?: InboxScope;

  @ApiPropertyOptional({
    description: 'Comma-separated states',
    example: 'assigned,acknowledged',
    type: 'string',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(TASK_STATES, { each: true })
  state?: TaskState[];

  @ApiPropertyOptional({ example: '2027-01-01' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'The document id or its 文号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  measureId?: string;

  @ApiPropertyOptional({
    enum: INBOX_TABS,
    enumName: 'InboxTab',
    description: 'Replaces scope with the tab’s own unit condition',
  })
  @IsOptional()
  @IsIn(INBOX_TABS)
  tab?: InboxTab;

  @ApiPropertyOptional({
    example: 'sx-commerce',
    description: 'Only the tasks this unit holds (with scope=all: the board’s drill-down)',
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode?: string;

  @ApiPropertyOptional({ enum: TASK_FILTERS, enumName: 'TaskFilter', description: 'A board count’s list' })
  @IsOptional()
  @IsIn(TASK_FILTERS)
  filter?: TaskFilter;

  @ApiPropertyOptional({ enum: ['deadline', '-deadline', 'assignedAt', '-assignedAt'] })
  @IsOptional()
  @IsIn(['deadline', '-deadline', 'assignedAt', '-assignedAt'])
  sort?: InboxSort;
}

export class BulkAcknowledgeRequest {
  @ApiProperty({ type: 'string', format: 'uuid', isArray: true, maxItems: 100, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  taskIds: string[];
}

export class InstructionRequest {
  @ApiProperty({ example: '请抓紧推进，确保按期完成。', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}
