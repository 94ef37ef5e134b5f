import type { Breadcrumb, Event } from "@sentry/nextjs";
import { FILTERED, isSensitiveKey, scrubDeep, scrubString } from "./scrub";

/**
 * `beforeSend` / `beforeSendTransaction` for every runtime (server, edge, browser). Sentry is a
 * third party: it gets the signed-in user's id and nothing else about them, no credentials, no
 * request bodies (payment and webhook payloads carry payer data), no card-like numbers.
 */
export function scrubEvent<E extends Event>(event: E): E {
  const id = event.user?.id;
  if (event.user) event.user = id === undefined || id === "" ? {} : { id: String(id) };

  if (event.request) {
    const req = event.request;
    delete req.data;
    delete req.cookies;
    delete req.env;
    if (req.headers) {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = isSensitiveKey(k) ? FILTERED : scrubString(String(v));
      req.headers = headers;
    }
    if (typeof req.query_string === "string") req.query_string = scrubString(`?${req.query_string}`).slice(1);
    else if (req.query_string) req.query_string = scrubDeep(req.query_string) as typeof req.query_string;
    if (req.url) req.url = scrubString(req.url);
  }

  if (event.message) event.message = scrubString(event.message);
  for (const ex of event.exception?.values ?? []) {
    if (ex.value) ex.value = scrubString(ex.value);
    // Source context lines are code, but code can hold literals (fixtures, examples).
    for (const frame of ex.stacktrace?.frames ?? []) {
      if (frame.context_line) frame.context_line = scrubString(frame.context_line);
      if (frame.pre_context) frame.pre_context = frame.pre_context.map(scrubString);
      if (frame.post_context) frame.post_context = frame.post_context.map(scrubString);
      delete frame.vars;
    }
  }
  if (event.extra) event.extra = scrubDeep(event.extra) as E["extra"];
  if (event.contexts) event.contexts = scrubDeep(event.contexts) as E["contexts"];
  if (event.tags) event.tags = scrubDeep(event.tags) as E["tags"];
  if (event.breadcrumbs) event.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb);
  if (event.spans) event.spans = scrubDeep(event.spans) as E["spans"];
  if (event.transaction) event.transaction = scrubString(event.transaction);
  return event;
}

/** Breadcrumbs carry console messages and fetch URLs: same rules. */
export function scrubBreadcrumb(crumb: Breadcrumb): Breadcrumb {
  return {
    ...crumb,
    ...(crumb.message ? { message: scrubString(crumb.message) } : {}),
    ...(crumb.data ? { data: scrubDeep(crumb.data) as Breadcrumb["data"] } : {}),
  };
}

/** `beforeSendSpan`: span names and attributes (URLs, headers, db text) follow the same rules. */
export function scrubSpan<S extends { name: string; attributes?: Record<string, unknown> }>(span: S): S {
  span.name = scrubString(span.name);
  if (span.attributes) span.attributes = scrubDeep(span.attributes) as S["attributes"];
  return span;
}
