import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

/** The formats every request DTO shares. */
export const UNIT_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const UNIT_CODE_MESSAGE = '单位代码格式不正确';
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_DATE_MESSAGE = '日期须为 YYYY-MM-DD 格式的真实日期';

/** YYYY-MM-DD naming a day the calendar has (2027-02-29 and 2027-09-31 do not exist). */
export function isCalendarDate(value: unknown): boolean {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The one date rule of every date field and query parameter. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => ISO_DATE_MESSAGE } },
    options,
  );
}

const MAX_PAGE = 10_000;
const MAX_PAGE_SIZE = 100;

/** Page through a list: `page` from 1 to 10,000, `pageSize` up to 100 (bounded, so an offset never overflows). */
export class PageRequest {
  @ApiPropertyOptional({ default: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
