import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { EXTERNAL_CHANNELS, NOTICE_KINDS } from '@app/notifications';

export class PersonAddressRequest {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'zhangsan01', description: 'null or "" clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  dingtalkUserId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ZhangSan', description: 'null or "" clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  wecomUserId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '13812345678',
    writeOnly: true,
    description: 'mainland mobile; stored encrypted, shown masked',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  mobile?: string | null;
}

export class PersonAddressResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ type: String, nullable: true }) dingtalkUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) wecomUserId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678', description: 'masked' }) mobile: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class AddressImportRequest {
  @ApiProperty({
    description: 'CSV text: username,dingtalkUserId,wecomUserId,mobile (header line optional; an empty cell clears)',
    example: 'username,dingtalkUserId,wecomUserId,mobile\nsport-officer,zhangsan01,ZhangSan,13812345678',
    writeOnly: true,
  })
  @IsString()
  @MaxLength(900_000)
  csv: string;
}

export class AddressImportResponse {
  @ApiProperty() imported: number;
}

const CHANNEL_NAMES: string[] = ['inbox', ...EXTERNAL_CHANNELS];

export class UnitNoticeChannelsRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', enum: CHANNEL_NAMES } },
    description: `notice kind (${NOTICE_KINDS.join(', ')}) → channels; the inbox is always on, sms only for escalation`,
    example: { assignment: ['wecom'], reminder: ['wecom', 'dingtalk'], escalation: ['wecom', 'sms'] },
  })
  @IsObject()
  choices: Record<string, string[]>;
}

export class UnitNoticeChannelsResponse {
  @ApiProperty() unitCode: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', enum: CHANNEL_NAMES } },
  })
  choices: Record<string, string[]>;
}
