import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorKind } from '@app/common';
import type { ErrorResponse } from './error-response';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '请求格式不正确',
  401: '未登录或登录已过期',
  403: '无权执行此操作',
  404: '请求的资源不存在',
  405: '不支持该请求方法',
  413: '上传内容超过大小限制',
  415: '不支持的内容类型',
  429: '请求过于频繁，请稍后再试',
};

/** Turns every error into the one ErrorResponse shape; internals never reach the client. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const refusal = refusalBeforeRouting(error);
    const body = this.toBody(refusal);
    if (refusal instanceof DomainError && refusal.details.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(refusal.details.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorResponse {
    if (error instanceof DomainError) {
      const { field, line, ...details } = error.details;
      return {
        statusCode: STATUS_BY_KIND[error.kind],
        code: error.code,
        message: error.message,
        field,
        line,
        ...(Object.keys(details).length ? { details } : {}),
      };
    }
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      return {
        statusCode,
        code: HttpStatus[statusCode] ?? 'HTTP_ERROR',
        message: MESSAGE_BY_STATUS[statusCode] ?? '请求无法处理',
      };
    }
    const clientError = bodyParserError(error);
    if (clientError) return { ...clientError, message: MESSAGE_BY_STATUS[clientError.statusCode] ?? '请求无法处理' };
    if (isDatabaseUnavailable(error)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: '数据库暂时不可用，请稍后重试',
      };
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: '服务器内部错误' };
  }
}

/** Codes for the body parser's refusals (http-errors `type`), which come before any controller runs. */
const BODY_ERROR_CODES: Record<string, string> = {
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'entity.parse.failed': 'INVALID_JSON',
  'encoding.unsupported': 'UNSUPPORTED_ENCODING',
  'charset.unsupported': 'UNSUPPORTED_CHARSET',
  'request.aborted': 'REQUEST_ABORTED',
};

/**
 * Nest hands an error raised before routing (by the body parser, or the DomainError its verify hook
 * throws) on as an HttpException caused by it: answer the cause, which says what was wrong.
 */
function refusalBeforeRouting(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  return error.cause instanceof DomainError || bodyParserError(error.cause) ? error.cause : error;
}

/** A 4xx the body parser raised (too large, not JSON, bad charset): the client's fault, said in our shape. */
function bodyParserError(error: unknown): { statusCode: number; code: string } | null {
  if (!(error instanceof Error)) return null;
  const { status, type, expose } = error as { status?: unknown; type?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status > 499) return null;
  return {
    statusCode: status,
    code: (typeof type === 'string' && BODY_ERROR_CODES[type]) || (HttpStatus[status] ?? 'HTTP_ERROR'),
  };
}

/** Connection failures, server shutdown, a database refusing sessions: PostgreSQL is away, not the request at fault. */
function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as { code?: string; severity?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08003', '08001', '53300'].includes(
      code ?? '',
    ) ||
    severity === 'FATAL' ||
    /Connection terminated/.test(error.message)
  );
}
