/**
 * Every failure the API reports is an AppError: a status, a stable machine code and a pt-BR
 * message for people. The route wrapper turns it into the contract's error shape.
 */
export interface ErrorDetail {
  path?: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const errors = {
  malformedJson: () => new AppError(400, "malformed_json", "O corpo da requisição não é um JSON válido."),
  badRequest: (message: string, details?: ErrorDetail[]) => new AppError(400, "bad_request", message, details),
  unauthenticated: (message = "É preciso entrar na sua conta.") => new AppError(401, "unauthenticated", message),
  invalidCredentials: () => new AppError(401, "invalid_credentials", "E-mail ou senha inválidos."),
  forbidden: (message = "Você não tem permissão para isso.") => new AppError(403, "forbidden", message),
  notFound: (what = "Recurso") => new AppError(404, "not_found", `${what} não encontrado.`),
  conflict: (code: string, message: string) => new AppError(409, code, message),
  tooLarge: (message: string) => new AppError(413, "payload_too_large", message),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new AppError(405, "method_not_allowed", `Esta rota não aceita o método ${method}.`, undefined, {
      allow: allowed.join(", "),
    }),
  unsupportedType: (message: string) => new AppError(415, "unsupported_media_type", message),
  validation: (details: ErrorDetail[], message = "Os dados enviados são inválidos.") =>
    new AppError(422, "validation_failed", message, details),
  rule: (code: string, message: string, details?: ErrorDetail[]) => new AppError(422, code, message, details),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, "rate_limited", "Muitas tentativas. Tente novamente em alguns minutos.", undefined, {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
  upstream: (provider: string, message: string) =>
    new AppError(502, "upstream_failed", `${provider}: ${message}`),
  unavailable: (message = "Serviço temporariamente indisponível.") => new AppError(503, "unavailable", message),
};

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[]; requestId?: string };
}

export function errorBody(err: AppError, requestId?: string): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details?.length ? { details: err.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}
