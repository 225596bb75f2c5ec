import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

export class WebhookRequest {
  @ApiProperty({
    example: 'https://oa.example.gov.cn/hooks/supervision',
    description: 'http or https; receives a signed POST per notice',
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '须为 http 或 https 网址' },
  )
  @MaxLength(2000)
  url: string;

  @ApiProperty({ description: 'HMAC-SHA256 key, at least 32 characters; stored, never returned', writeOnly: true })
  @IsString()
  @MinLength(32, { message: '签名密钥至少 32 个字符' })
  @MaxLength(512)
  secret: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class DeliveryListRequest {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
