import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { type Role, ROLES } from '@app/access';

export class CreateUserRequest {
  @ApiProperty({ example: 'sport-officer' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiPropertyOptional({ example: '体育局 张三' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @ApiProperty({ example: 'sx-sport' })
  @IsString()
  @MaxLength(100)
  unitCode: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ description: 'at least 12 characters with a letter and a digit', writeOnly: true })
  @IsString()
  @MaxLength(128)
  password: string;
}

/** Any of these ends the user's tokens at once. */
export class UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ example: 'sx-sport' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  unitCode?: string;
}

export class PasswordResetRequest {
  @ApiProperty({ description: 'at least 12 characters with a letter and a digit', writeOnly: true })
  @IsString()
  @MaxLength(128)
  password: string;
}
