import autocannon from "autocannon";

export interface HttpResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Builds each request (unique ids, fresh signatures). */
  setupRequest?: (req: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }) => {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  };
}

/** Runs one bounded autocannon load against a local server (loopback only, fixed duration). */
export async function runHttp(baseUrl: string, s: Scenario, opts: { connections: number; seconds: number }): Promise<HttpResult> {
  const result = await autocannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: s.method ?? "GET",
        path: s.path,
        headers: s.headers,
        ...(s.setupRequest ? { setupRequest: s.setupRequest as never } : {}),
      },
    ],
  });
  return {
    name: s.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
