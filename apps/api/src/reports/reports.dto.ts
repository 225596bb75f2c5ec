import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '../http/request-rules';

export class ReportCreateRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'documentId 须为文件的 UUID' })
  documentId: string;

  @ApiProperty({ example: '2022Q3' })
  @Matches(/^\d{4}Q[1-4]$/, { message: '季度格式须为 2022Q3 这样的形式' })
  quarter: string;

  @ApiPropertyOptional({
    description: "The moment the figures describe (ISO 8601); default: the quarter's last moment",
    example: '2022-10-15T18:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf 须为 ISO 8601 时间' })
  asOf?: string;

  @ApiPropertyOptional({
    description: "Supervisors and leadership: one unit's report. Other users always get their own unit's.",
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode?: string;
}

export class ReportListRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'documentId 须为文件的 UUID' })
  documentId?: string;
}
