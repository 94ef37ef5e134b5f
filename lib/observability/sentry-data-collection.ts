import type { init } from "@sentry/nextjs";

type DataCollection = NonNullable<Parameters<typeof init>[0]["dataCollection"]>;

/**
 * What Sentry may collect on its own, for every runtime (the browser imports this too, so it must
 * stay free of server imports). Everything personal is off; `scrubEvent` runs after it anyway.
 */
export const DATA_COLLECTION: DataCollection = {
  userInfo: false,
  cookies: false,
  httpHeaders: {
    request: { allow: ["user-agent", "x-request-id", "content-type", "content-length", "accept", "referer"] },
    response: false,
  },
  httpBodies: [],
  urlQueryParams: false,
  databaseQueryData: false,
  queues: false,
  stackFrameVariables: false,
  graphQL: { document: false, variables: false },
  genAI: { inputs: false, outputs: false },
};
