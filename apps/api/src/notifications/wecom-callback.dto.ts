import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** What WeCom adds to every callback URL. Checked by the signature, not by shape, so a forgery is recorded. */
export class WecomCallbackQueryDto {
  @ApiProperty({ description: 'SHA-1 of the Token, timestamp, nonce and ciphertext, sorted and joined' })
  @IsString()
  @MaxLength(64)
  msg_signature: string;

  @ApiProperty({ description: 'Unix seconds; more than 5 minutes away from now is refused' })
  @IsString()
  @MaxLength(20)
  timestamp: string;

  @ApiProperty({ description: 'Random; with msg_signature, accepted once' })
  @IsString()
  @MaxLength(64)
  nonce: string;
}

export class WecomUrlVerificationQueryDto extends WecomCallbackQueryDto {
  @ApiProperty({ description: 'The encrypted random string to decrypt and return' })
  @IsString()
  @MaxLength(1024)
  echostr: string;
}
