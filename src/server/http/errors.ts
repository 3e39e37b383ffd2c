import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../contracts/common.ts';

/** The error answers every API route may give, for its OpenAPI description. */
export const errorResponses = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  429: ZErrorResponse,
};

export type ErrorDetail = { field: string; message: string };

/** An error a user or client caused; mapped to its status in one place (the error handler below). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** More for the client beside `error`, such as the current version of something edited meanwhile. */
  extra?: Record<string, unknown>;

  withBody(extra: Record<string, unknown>): this {
    this.extra = extra;
    return this;
  }
}

export const notFound = (what = 'Not found') => new AppError(404, 'not_found', what);
export const unauthorized = () => new AppError(401, 'unauthenticated', 'Sign in first.');
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', message);
export const conflict = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(409, code, message, details);
export const badRequest = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(400, code, message, details);

type ValidationIssue = {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[] } };
};

function fieldOf(context: string, issue: ValidationIssue): string {
  const path = issue.params?.issue?.path;
  const segments = path?.length ? path.map(String) : (issue.instancePath ?? '').split('/').filter(Boolean);
  return segments.length ? segments.join('.') : context;
}

/**
 * Maps every error to `{ error: { code, message, details? } }`. With `spaFallback`, unknown GET paths outside
 * the API answer with the web client's index.html, so client-side routes survive a reload.
 */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const details = error.validation.map((issue) => ({
        field: fieldOf(context, issue as ValidationIssue),
        message: issue.message ?? 'is invalid',
      }));
      return reply.code(400).send({
        error: {
          code: 'invalid_input',
          message: `Invalid ${context}: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
          details,
        },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply
        .code(500)
        .send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, …
      const code =
        status === 413
          ? 'payload_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
              ? 'malformed_json'
              : 'bad_request';
      return reply.code(status).send({
        error: { code, message: error.message, details: [{ field: 'body', message: error.message }] },
      });
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
}

/**
 * An unexpected error as the log may keep it: a failed query's parameters are what a person typed (names,
 * answers, agreements), so they are left out, and so are the values PostgreSQL quotes back in its messages
 * ('invalid input syntax for type integer: "…"'); the query text, the error code and the stack stay.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    type: error.name,
    message: error.message.replace(/\nparams:[\s\S]*$/, '\nparams: [not logged]'),
    stack: error.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n'),
    ...(cause
      ? {
          cause: {
            type: cause.name,
            message: cause.message.replace(/"[^"]*"/g, '"[not logged]"'),
            code: (cause as { code?: unknown }).code,
          },
        }
      : {}),
  };
}
