import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageRequest, UNIT_CODE, UNIT_CODE_MESSAGE } from '../http/request-rules';

export class TargetActualRequest {
  @ApiProperty({ description: "Index into the measure's targets", example: 0 })
  @IsInt()
  @Min(0)
  targetIndex: number;

  @ApiProperty({ example: 12 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  actual: number;
}

export class ProgressReportRequest {
  @ApiProperty({ example: '2026Q4' })
  @Matches(/^\d{4}Q[1-4]$/, { message: '季度格式须为 2026Q4 这样的形式' })
  quarter: string;

  @ApiProperty({ description: 'What was done this quarter' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percentDone: number;

  @ApiPropertyOptional({ type: [TargetActualRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TargetActualRequest)
  targetActuals?: TargetActualRequest[];
}

export class ProgressReviewRequest {
  @ApiProperty({ enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'])
  decision: 'approve' | 'return';

  @ApiPropertyOptional({ description: 'Required to return' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class UnitTransferRequest {
  @ApiProperty({ example: 'cbirc-shanxi' })
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  fromUnitCode: string;

  @ApiProperty({ example: 'nfra-shanxi' })
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  toUnitCode: string;

  @ApiPropertyOptional({ example: '机构改革，职责划转' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class NoticeListRequest extends PageRequest {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: unread notices only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}
