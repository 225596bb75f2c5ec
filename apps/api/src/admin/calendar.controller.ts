import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { Actor } from '@app/access';
import { CalendarDaysService } from '@app/scheduling';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IsCalendarDate } from '../http/request-rules';
import { ApiErrors } from '../http/api-errors';
import { CalendarChangeResponse, CalendarDayResponse } from '../documents/documents.responses';

export class CalendarDayRequest {
  @ApiProperty({ example: '2027-10-01' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({
    enum: ['holiday', 'workday'],
    description: 'holiday: a day off; workday: a weekend day made a working day (调休)',
  })
  @IsIn(['holiday', 'workday'])
  kind: 'holiday' | 'workday';

  @ApiPropertyOptional({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CalendarDaysRequest {
  @ApiProperty({ type: [CalendarDayRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayRequest)
  days: CalendarDayRequest[];
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar-days')
export class CalendarController {
  constructor(private readonly calendarDays: CalendarDaysService) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ type: [CalendarDayResponse] })
  @ApiOperation({ summary: '已录入的节假日与调休工作日' })
  @ApiErrors({ 403: ['ROLE_REQUIRED'] })
  listCalendarDays() {
    return this.calendarDays.stored();
  }

  /** Adds or corrects days (enter a year's notice in full: its year then counts as published); pending steps are recomputed. */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CalendarChangeResponse })
  @ApiOperation({ summary: '录入或更正节假日与调休工作日' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ROLE_REQUIRED'] })
  addCalendarDays(@Body() request: CalendarDaysRequest, @CurrentActor() actor: Actor) {
    return this.calendarDays.add(request.days, actor.username);
  }
}
