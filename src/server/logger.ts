import type { DestinationStream, LoggerOptions } from 'pino';
import pino from 'pino';

// Paths that look like /invitations/<secret>, /password-reset/<secret> or /sign-up/[confirm/]<secret> carry a
// secret in the URL itself.
const SECRET_IN_PATH = /((?:invitations|password-reset|sign-up(?:\/confirm)?)\/)[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.split('?')[0]!.replace(SECRET_IN_PATH, '$1[redacted]');
}

/** The structured JSON logger: no password, token, cookie or invitation secret reaches a line. */
export function createLogger(level: string, stream?: DestinationStream): pino.Logger {
  const options: LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.secret',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return stream ? pino(options, stream) : pino(options);
}
