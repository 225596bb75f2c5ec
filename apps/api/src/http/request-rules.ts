import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The formats every request DTO shares. */
export const UNIT_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const UNIT_CODE_MESSAGE = '单位代码格式不正确';
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_DATE_MESSAGE = '日期格式须为 YYYY-MM-DD';

/** Page through a list: `page` from 1, `pageSize` up to 200. */
export class PageRequest {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
