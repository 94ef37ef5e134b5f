/** The contract's error shape, as the browser receives it. */
export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: { path?: string; message: string }[] };
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: NonNullable<ApiErrorBody["error"]> };

/**
 * JSON call to our own API from client components: always resolves, with either the body or the
 * contract's error (a pt-BR fallback message when the body is not one).
 */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: "network", message: "Falha de conexão. Verifique sua internet e tente de novo." } };
  }
  const body = (await res.json().catch(() => null)) as (T & ApiErrorBody) | null;
  if (res.ok) return { ok: true, status: res.status, data: body as T };
  return { ok: false, status: res.status, error: { message: "Algo deu errado. Tente novamente.", ...body?.error } };
}
