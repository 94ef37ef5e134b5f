/**
 * StatusCake API v1 uptime checks, as far as OnlyWave uses them. Field names follow the API
 * (snake_case on the wire); see https://www.statuscake.com/api/v1/#tag/uptime.
 */

/** Allowed `check_rate` values (seconds between checks). */
export const CHECK_RATES = [0, 30, 60, 300, 900, 1800, 3600, 86400] as const;
export type CheckRate = (typeof CHECK_RATES)[number];

/** What we want an uptime check to look like. */
export interface UptimeCheckSpec {
  /** Stable name: the sync finds an existing check by it. */
  name: string;
  websiteUrl: string;
  checkRate: CheckRate;
  /** Seconds before a request counts as failed (5–75). */
  timeout: number;
  /** Extra locations that must confirm a failure before alerting (0–3). */
  confirmation: number;
  /** Minutes to wait before alerting (0–60). */
  triggerRate: number;
  followRedirects: boolean;
  /** Alert when the body lacks this text. */
  findString?: string;
  /** HTTP statuses that count as down. */
  statusCodes: string[];
  tags: string[];
  contactGroups: string[];
  paused: boolean;
}

/** An uptime check as `GET /v1/uptime` lists it. */
export interface UptimeCheck {
  id: string;
  name: string;
  website_url: string;
  test_type: string;
  check_rate: number;
  paused: boolean;
  tags: string[];
  contact_groups: string[];
  status?: string;
  uptime?: number;
}
