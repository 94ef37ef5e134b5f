import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DEV_METRICS_TOKEN } from "@/lib/observability/metrics-auth";
import { seriesNames } from "@/lib/observability/testing/exposition";
import { checkMetrics, promtool } from "@/lib/observability/testing/promtool";
import { scrape } from "@/lib/observability/testing/scrape";
import { metricNames, ruleExpressions, withoutGrafanaVariables } from "./lib/promql";

const here = import.meta.dirname;
const prometheusDir = path.join(here, "prometheus");
const dashboardFile = path.join(here, "grafana/dashboards/onlywave.json");
/** Series Prometheus itself adds to every target; they never appear in our exposition. */
const PROMETHEUS_GENERATED = new Set(["up"]);

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { refId: string; expr: string; datasource?: { uid?: string } }[];
}

const dashboard = JSON.parse(readFileSync(dashboardFile, "utf8")) as { uid: string; panels: Panel[] };
const queries = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p, ...t })));

let exported: Set<string>;
let exposition: string;
let tmp: string;

beforeAll(async () => {
  await getDb();
  const s = await scrape();
  exported = seriesNames(s.exposition);
  exposition = s.text;
  tmp = mkdtempSync(path.join(tmpdir(), "onlywave-prometheus-"));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("PromQL metric-name extraction", () => {
  it("keeps metric names and drops functions, aggregations, labels, ranges and keywords", () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, route) (rate(a_bucket{status_class="5xx", route=~"/api/.+"}[$__rate_interval]))) / on (route) group_left b_total > bool 1e3 and up{job="x"} offset 5m',
      ).sort(),
    ).toEqual(["a_bucket", "b_total", "up"]);
  });

  it("reads single-line and block expressions from a rules file", () => {
    const rules = ruleExpressions("- alert: A\n  expr: x > 1\n  for: 1m\n- alert: B\n  expr: |\n    sum(rate(y[5m]))\n      / 2\n  labels: {}\n");
    expect(rules).toEqual([
      { name: "A", expr: "x > 1" },
      { name: "B", expr: "sum(rate(y[5m])) / 2" },
    ]);
  });
});

describe("Prometheus configuration and alerts (promtool)", () => {
  it("accepts the scrape configuration with its rule file and bearer credentials file", () => {
    cpSync(prometheusDir, path.join(tmp, "prometheus"), { recursive: true });
    mkdirSync(path.join(tmp, "prometheus/secrets"), { recursive: true });
    writeFileSync(path.join(tmp, "prometheus/secrets/metrics-token"), "test-token\n");
    const r = promtool(["check", "config", path.join(tmp, "prometheus/prometheus.yml")]);
    expect(r.status, r.lines.join("\n")).toBe(0);
    const config = readFileSync(path.join(prometheusDir, "prometheus.yml"), "utf8");
    expect(config).toContain("metrics_path: /api/metrics");
    expect(config).toMatch(/authorization:\s+type: Bearer\s+credentials_file: secrets\/metrics-token/);
    // The development token it documents is the one the app accepts with METRICS_TOKEN unset.
    expect(config).toContain(`printf ${DEV_METRICS_TOKEN} > secrets/metrics-token`);
  });

  it("accepts the alert rules, which cover every alert the issue asks for", () => {
    const r = promtool(["check", "rules", path.join(prometheusDir, "alerts.yml")]);
    expect(r.status, r.lines.join("\n")).toBe(0);
    const names = ruleExpressions(readFileSync(path.join(prometheusDir, "alerts.yml"), "utf8")).map((x) => x.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "OnlyWaveWebhookFailures",
        "OnlyWaveWebhookBacklogStale",
        "OnlyWaveEmailFailures",
        "OnlyWaveHigh5xxRate",
        "OnlyWaveNotReady",
        "OnlyWaveTargetDown",
        "OnlyWaveHighLatencyP99",
      ]),
    );
  });

  it("passes the alert unit tests (promtool test rules)", () => {
    const r = promtool(["test", "rules", path.join(prometheusDir, "alerts.test.yml")]);
    expect(r.status, r.lines.join("\n")).toBe(0);
    expect(r.lines.join("\n")).toContain("SUCCESS");
  });

  it("alerts only on metrics the app really exports", () => {
    const rules = ruleExpressions(readFileSync(path.join(prometheusDir, "alerts.yml"), "utf8"));
    expect(rules.length).toBeGreaterThanOrEqual(10);
    const unknown = rules.flatMap((r) =>
      metricNames(r.expr)
        .filter((n) => !exported.has(n) && !PROMETHEUS_GENERATED.has(n))
        .map((n) => `${r.name}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it("lints a live exposition, and would catch a badly named metric of ours", () => {
    expect(checkMetrics(exposition).unexpected).toEqual([]);
    const bad = `# HELP onlywave_checkout_ms Checkout time.\n# TYPE onlywave_checkout_ms counter\nonlywave_checkout_ms 3\n`;
    expect(checkMetrics(bad).unexpected.join("\n")).toMatch(/_total|abbreviated units/);
  });
});

describe("Grafana dashboard", () => {
  it("is provisioned from files with a fixed data source uid (no import-only placeholders)", () => {
    const ds = readFileSync(path.join(here, "grafana/provisioning/datasources/prometheus.yaml"), "utf8");
    const provider = readFileSync(path.join(here, "grafana/provisioning/dashboards/onlywave.yaml"), "utf8");
    expect(ds).toMatch(/uid: onlywave-prometheus/);
    expect(provider).toMatch(/type: file/);
    expect(readFileSync(dashboardFile, "utf8")).not.toContain("${DS_");
    for (const q of queries) {
      expect(q.panel.datasource?.uid, q.panel.title).toBe("onlywave-prometheus");
      expect(q.datasource?.uid, q.panel.title).toBe("onlywave-prometheus");
    }
  });

  it("has the panels on-call needs, none overlapping on the 24-column grid", () => {
    const titles = dashboard.panels.filter((p) => p.type === "row").map((p) => p.title);
    expect(titles).toEqual(["Traffic and latency", "Errors and readiness", "Payments", "Webhooks", "Email delivery", "Storage", "Node.js process"]);
    const cells = new Set<string>();
    for (const p of dashboard.panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++) {
        for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
          expect(cells.has(`${x},${y}`), `${p.title} overlaps at ${x},${y}`).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it("queries only metrics a live /api/metrics scrape exports", () => {
    expect(queries.length).toBeGreaterThan(30);
    const unknown: string[] = [];
    for (const q of queries) {
      const names = metricNames(q.expr);
      expect(names.length, `${q.panel.title}: ${q.expr}`).toBeGreaterThan(0);
      for (const n of names) if (!exported.has(n) && !PROMETHEUS_GENERATED.has(n)) unknown.push(`${q.panel.title}: ${n}`);
    }
    expect(unknown).toEqual([]);
  });

  it("has queries that are valid PromQL (checked by promtool as recording rules)", () => {
    const rules = queries
      .map((q) => `      - record: dashboard:panel_${q.panel.id}_${q.refId}\n        expr: ${JSON.stringify(withoutGrafanaVariables(q.expr))}`)
      .join("\n");
    const file = path.join(tmp, "dashboard-queries.yml");
    writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${rules}\n`);
    const r = promtool(["check", "rules", file]);
    expect(r.status, r.lines.join("\n")).toBe(0);
  });
});
