/** Configuration and shared services handed to every route handler. */
import type { Notifier } from "./notifications";
import type { EmulatorStore } from "./store";

export interface EmulatorConfig {
  accessToken: string;
  webhookSecret: string;
  /** Seller (collector) id: `collector_id`, notification `user_id`. */
  userId: number;
  /** Application id (`client_id` of preferences). */
  clientId: string;
  siteId: "MLB";
  /** Base URL used in `init_point` and links; known once the server listens. */
  publicUrl: string;
  autoReturnDelayMs: number;
  liveMode: boolean;
  log: (line: string) => void;
}

export interface EmulatorContext {
  config: EmulatorConfig;
  store: EmulatorStore;
  notifier: Notifier;
}
