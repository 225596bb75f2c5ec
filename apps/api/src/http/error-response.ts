import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one shape of every error the API returns. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code of the rule at fault' })
  code: string;

  @ApiProperty({ example: 'leadUnitCode 不能为空', description: 'For people, in Chinese' })
  message: string;

  @ApiPropertyOptional({ example: 'leadUnitCode', description: 'The request field at fault' })
  field?: string;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 12,
    description: 'The line of an uploaded document at fault',
  })
  line?: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Further facts: currentState and currentVersion on 409, openSubtasks on SUBTASKS_OPEN, measures on MEASURES_NOT_READY',
  })
  details?: Record<string, unknown>;
}
