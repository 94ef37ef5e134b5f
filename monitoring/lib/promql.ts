/**
 * Just enough PromQL and YAML reading for the monitoring tests: which metric names an expression
 * uses, and the `expr:` values of a Prometheus rules file (no YAML library is installed here; our
 * rules only use plain `expr: ...` and `expr: |` block scalars).
 */

const KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "and",
  "or",
  "unless",
  "offset",
  "inf",
  "nan",
]);

/**
 * Metric names referenced by a PromQL expression: label matchers, strings, ranges, grouping label
 * lists, functions, aggregations, keywords and numbers are removed first.
 */
export function metricNames(expr: string): string[] {
  const s = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names = new Set<string>();
  for (const m of s.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const word = m[0];
    const before = s[m.index - 1] ?? " ";
    if (/[0-9.$]/.test(before)) continue; // 1e3, 0.5, $variables
    if (s.slice(m.index + word.length).trimStart().startsWith("(")) continue; // function or aggregation
    if (KEYWORDS.has(word.toLowerCase())) continue;
    names.add(word);
  }
  return [...names];
}

/** Grafana's interval variables → fixed ranges, so promtool can parse dashboard queries. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$__rate_interval|\$__interval|\$__range/g, "5m");
}

/** The `expr` of every rule in a Prometheus rules file, with the alert or record name. */
export function ruleExpressions(yaml: string): { name: string; expr: string }[] {
  const lines = yaml.split("\n");
  const out: { name: string; expr: string }[] = [];
  let name = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const named = /^\s*-?\s*(?:alert|record):\s*(\S+)/.exec(line);
    if (named) name = named[1]!;
    const m = /^(\s*)expr:\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.trim();
    if (value !== "|" && value !== ">" && value !== "|-" && value !== ">-") {
      out.push({ name, expr: value.replace(/^(['"])(.*)\1$/, "$2") });
      continue;
    }
    const indent = m[1]!.length;
    const body: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]!.trim() === "" || lines[i + 1]!.search(/\S/) > indent)) {
      body.push(lines[++i]!.trim());
    }
    out.push({ name, expr: body.join(" ").trim() });
  }
  return out;
}
