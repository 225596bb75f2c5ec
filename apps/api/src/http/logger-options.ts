import type { Params } from 'nestjs-pino';
import { loadConfig } from '@app/common';

/** JSON logs with request ids; credentials and tokens never reach a log line. */
export function loggerOptions(): Params {
  const config = loadConfig();
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.body.password',
          'req.body.mobile',
          'req.body.csv',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
    },
  };
}
