import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '../http/request-rules';

export class MeasureListQuery {
  @ApiPropertyOptional({
    description: 'Only measures that still need (true) or no longer need (false) a supervisor to name units',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  needsAssignment?: boolean;
}

export class AssignUnitsRequest {
  @ApiProperty({ example: 'sx-sport', description: 'Code of the lead unit (牵头单位)' })
  @IsString()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  leadUnitCode: string;

  @ApiProperty({ example: ['sx-health'], description: 'Codes of the co-responsible units (配合单位), in order' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(UNIT_CODE, { each: true, message: UNIT_CODE_MESSAGE })
  coUnitCodes: string[];

  @ApiPropertyOptional({ example: '按2022年行动方案分工' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ImportDocumentUpload {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'The document: .docx, .doc, a text PDF, a web page (.html) or plain text (UTF-8, GBK, GB18030); at most 20 MiB',
  })
  file: unknown;
}
