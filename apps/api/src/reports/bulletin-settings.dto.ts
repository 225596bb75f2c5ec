import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Max, Min, ValidateIf } from 'class-validator';

/** The texts a document's 通报 prints around its figures; every field is given, the next bulletin made prints them. */
export class BulletinSettingsRequest {
  @ApiProperty({ example: '督查通报', description: '红头 (the red masthead)', maxLength: 20 })
  @IsString({ message: 'masthead 须为文字' })
  @IsNotEmpty({ message: 'masthead 不能为空' })
  @MaxLength(20, { message: 'masthead 不超过 20 个字符' })
  masthead: string;

  @ApiProperty({
    example: '山西省人民政府办公厅督查室',
    description: 'Issuing office under the masthead',
    maxLength: 60,
  })
  @IsString({ message: 'issuingOffice 须为文字' })
  @IsNotEmpty({ message: 'issuingOffice 不能为空' })
  @MaxLength(60, { message: 'issuingOffice 不超过 60 个字符' })
  issuingOffice: string;

  @ApiProperty({ example: '各市人民政府，省直各有关单位', description: '主送, without the colon', maxLength: 200 })
  @IsString({ message: 'mainRecipients 须为文字' })
  @IsNotEmpty({ message: 'mainRecipients 不能为空' })
  @MaxLength(200, { message: 'mainRecipients 不超过 200 个字符' })
  mainRecipients: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '省委办公厅，省人大常委会办公厅',
    description: '抄送 in the 版记; null: no 抄送 line',
    maxLength: 200,
  })
  @ValidateIf((_request, value) => value !== null)
  @IsString({ message: 'copyTo 须为文字或 null' })
  @IsNotEmpty({ message: 'copyTo 不能为空字符串（不抄送请用 null）' })
  @MaxLength(200, { message: 'copyTo 不超过 200 个字符' })
  copyTo: string | null;

  @ApiProperty({ example: '山西省人民政府办公厅督查室', description: '落款', maxLength: 60 })
  @IsString({ message: 'signatory 须为文字' })
  @IsNotEmpty({ message: 'signatory 不能为空' })
  @MaxLength(60, { message: 'signatory 不超过 60 个字符' })
  signatory: string;

  @ApiProperty({ example: '山西省人民政府办公厅秘书处', description: '印发机关 in the 版记', maxLength: 60 })
  @IsString({ message: 'printingOffice 须为文字' })
  @IsNotEmpty({ message: 'printingOffice 不能为空' })
  @MaxLength(60, { message: 'printingOffice 不超过 60 个字符' })
  printingOffice: string;

  @ApiProperty({
    example: 10,
    minimum: 1,
    maximum: 60,
    description: 'Working days after the issue date to report back',
  })
  @IsInt({ message: 'reportBackWorkingDays 须为整数' })
  @Min(1, { message: 'reportBackWorkingDays 至少为 1' })
  @Max(60, { message: 'reportBackWorkingDays 不超过 60' })
  reportBackWorkingDays: number;
}

export class BulletinSettingsResponse extends BulletinSettingsRequest {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ description: "true: the document's own texts; false: the defaults" }) custom: boolean;
  @ApiProperty({ type: String, nullable: true }) updatedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
}
