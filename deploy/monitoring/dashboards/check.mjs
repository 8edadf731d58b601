#!/usr/bin/env node
// Checks the Grafana dashboards of this directory without Grafana and without dependencies:
//   node deploy/monitoring/dashboards/check.mjs [FILE.json ...]
// Fails (exit 1, one line per problem) when a file is not JSON, the datasource/platform template
// variables are missing, a panel has no targets (or an empty expression), a target does not use
// the ${datasource} variable, panels overlap or leave the 24-column grid, a query uses a metric
// that is neither the operator's, the services' contract nor a JVM/process metric, a label that
// no such metric has, a PromQL function that does not exist, or a template variable that is not
// defined.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) : ['nexus-operator.json', 'nexus-platform.json'].map((f) => path.join(here, f));

// The operator's metrics (operator/.../metrics: OperatorMetrics, PlatformGauges) and their labels.
const OPERATOR = {
  nexus_reconciliations_started_total: ['controller'],
  nexus_reconciliations_succeeded_total: ['controller'],
  nexus_reconciliations_failed_total: ['controller', 'exception'],
  nexus_reconciliation_retries_total: ['controller'],
  nexus_events_received_total: ['controller', 'action'],
  nexus_reconcile_duration_seconds_bucket: ['controller', 'le'],
  nexus_reconcile_duration_seconds_count: ['controller'],
  nexus_reconcile_duration_seconds_sum: ['controller'],
  nexus_rollbacks_total: ['reason'],
  nexus_failovers_total: ['from', 'to', 'trigger'],
  nexus_invalid_spec_total: [],
  nexus_api_writes_total: ['kind', 'verb'],
  nexus_platform_phase: ['platform', 'phase'],
  nexus_platform_services_desired: ['platform'],
  nexus_platform_services_available: ['platform'],
  nexus_platform_services: ['platform', 'state'],
  nexus_platform_current_revision: ['platform'],
  nexus_platform_stable_revision: ['platform'],
  nexus_platform_active_site: ['platform', 'site'],
  nexus_platform_paused: ['platform'],
  nexus_platform_failover_in_progress: ['platform'],
};
// The services' contract: labels added by the platform's scrape configuration, status_code by the service.
const SERVICE_LABELS = ['status_code', 'nexus_platform', 'namespace', 'service'];
const SERVICE = {
  http_request_duration_seconds_bucket: [...SERVICE_LABELS, 'le'],
  http_request_duration_seconds_count: SERVICE_LABELS,
  http_request_duration_seconds_sum: SERVICE_LABELS,
};
const TARGET_LABELS = ['job', 'instance']; // added by Prometheus to every scraped series
const JVM = /^(jvm_|process_)/; // simpleclient_hotspot: labels vary (area, pool, gc, state, ...), not checked
const KNOWN = { ...OPERATOR, ...SERVICE };
const ALL_LABELS = new Set([...Object.values(KNOWN).flat(), ...TARGET_LABELS, 'area', 'pool', 'gc', 'state']);

const FUNCTIONS = new Set(`abs absent absent_over_time avg_over_time ceil changes clamp clamp_max clamp_min
  count_over_time days_in_month day_of_month day_of_week day_of_year delta deriv exp floor histogram_quantile
  holt_winters hour idelta increase irate label_join label_replace last_over_time ln log10 log2 max_over_time
  min_over_time minute month predict_linear present_over_time quantile_over_time rate resets round scalar sgn
  sort sort_desc sqrt stddev_over_time stdvar_over_time sum_over_time time timestamp vector year
  sum min max avg group stddev stdvar count count_values bottomk topk quantile`.split(/\s+/));
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);
const BUILTIN_VARS = new Set(['__rate_interval', '__interval', '__interval_ms', '__range', '__range_s', '__range_ms']);

let problems = 0;
const problem = (file, where, msg) => {
  problems++;
  console.log(`${path.basename(file)}: ${where}: ${msg}`);
};

for (const file of files) {
  let dash;
  try {
    dash = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problem(file, 'file', `not readable JSON: ${e.message}`);
    continue;
  }
  checkDashboard(file, dash);
}
console.log(problems ? `check: ${problems} problem(s)` : `check: ${files.length} dashboard(s) OK`);
process.exit(problems ? 1 : 0);

function checkDashboard(file, dash) {
  if (!dash.uid || !dash.title) problem(file, 'dashboard', 'needs uid and title');
  if (!(dash.schemaVersion >= 36)) problem(file, 'dashboard', `schemaVersion ${dash.schemaVersion} (expected 39-ish)`);
  const vars = dash.templating?.list || [];
  const names = new Set(vars.map((v) => v.name));
  const ds = vars.find((v) => v.name === 'datasource');
  if (!ds || ds.type !== 'datasource' || ds.query !== 'prometheus') problem(file, 'templating', 'needs variable datasource of type datasource, query prometheus');
  const platform = vars.find((v) => v.name === 'platform');
  const platformQuery = platform && (typeof platform.query === 'string' ? platform.query : platform.query?.query);
  if (!platform || platform.type !== 'query' || platformQuery !== 'label_values(nexus_platform_phase, platform)') {
    problem(file, 'templating', 'needs variable platform: label_values(nexus_platform_phase, platform)');
  }
  for (const v of vars) {
    if (v.type !== 'query') continue;
    if (v.datasource?.uid !== '${datasource}') problem(file, `variable ${v.name}`, 'must use the ${datasource} variable');
    const q = typeof v.query === 'string' ? v.query : v.query?.query;
    const m = /^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/.exec(q || '');
    if (!m) problem(file, `variable ${v.name}`, `expected label_values(metric, label), got ${q}`);
    else checkExpr(file, `variable ${v.name}`, `${m[1]}`, names, []);
  }

  const ids = new Set();
  const boxes = [];
  for (const p of dash.panels || []) {
    const where = `panel ${JSON.stringify(p.title)}`;
    if (ids.has(p.id)) problem(file, where, `duplicate id ${p.id}`);
    ids.add(p.id);
    const g = p.gridPos;
    if (!g || g.x < 0 || g.w < 1 || g.x + g.w > 24 || g.h < 1) problem(file, where, `bad gridPos ${JSON.stringify(g)}`);
    else {
      for (const b of boxes) {
        if (g.x < b.g.x + b.g.w && b.g.x < g.x + g.w && g.y < b.g.y + b.g.h && b.g.y < g.y + g.h) problem(file, where, `overlaps ${JSON.stringify(b.title)}`);
      }
      boxes.push({ g, title: p.title });
    }
    if (p.type === 'row') continue;
    if (!p.title) problem(file, `panel ${p.id}`, 'has no title');
    if (p.datasource?.uid !== '${datasource}') problem(file, where, 'panel datasource must be ${datasource}');
    const targets = p.targets || [];
    if (!targets.length) problem(file, where, 'has no targets');
    const refs = new Set();
    for (const t of targets) {
      if (refs.has(t.refId)) problem(file, where, `duplicate refId ${t.refId}`);
      refs.add(t.refId);
      if (t.datasource?.uid !== '${datasource}') problem(file, `${where} ${t.refId}`, 'target datasource must be ${datasource}');
      if (!t.expr || !t.expr.trim()) {
        problem(file, `${where} ${t.refId}`, 'empty expression');
        continue;
      }
      const legendLabels = [...(t.legendFormat || '').matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]);
      checkExpr(file, `${where} ${t.refId}`, t.expr, names, legendLabels);
    }
  }
}

function checkExpr(file, where, expr, varNames, legendLabels) {
  for (const m of expr.matchAll(/\$\{?([a-zA-Z0-9_]+)\}?/g)) {
    if (!varNames.has(m[1]) && !BUILTIN_VARS.has(m[1])) problem(file, where, `undefined variable $${m[1]}`);
  }
  let s = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  // metric{matchers}: each label must belong to that metric (or be a target label).
  for (const m of s.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*\{([^}]*)\}/g)) {
    const metric = m[1] && !KEYWORDS.has(m[1]) && !FUNCTIONS.has(m[1]) ? m[1] : null;
    for (const lm of m[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)) {
      const label = lm[1];
      if (label === '__name__') continue;
      if (metric && KNOWN[metric]) {
        if (!KNOWN[metric].includes(label) && !TARGET_LABELS.includes(label)) problem(file, where, `${metric} has no label ${label}`);
      } else if (!ALL_LABELS.has(label)) problem(file, where, `unknown label ${label}`);
    }
  }
  // Labels of by/without/on/ignoring/group_left/group_right clauses.
  for (const m of s.matchAll(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g)) {
    for (const label of m[2].split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!ALL_LABELS.has(label)) problem(file, where, `unknown label ${label} in ${m[1]}(...)`);
    }
  }
  for (const label of legendLabels) if (!ALL_LABELS.has(label)) problem(file, where, `legend uses unknown label ${label}`);
  s = s
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?[a-zA-Z0-9_]+\}?/g, ' ')
    .replace(/\boffset\s+-?[0-9a-z]+/g, ' offset ')
    .replace(/(^|[^a-zA-Z0-9_:.])(\d+(\.\d+)?(e[+-]?\d+)?|0x[0-9a-f]+)(?![a-zA-Z0-9_:])/gi, '$1 ');
  for (const m of s.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const word = m[0];
    if (KEYWORDS.has(word)) continue; // and, or, unless, bool, ...: operators, also before '('
    if (/^\s*\(/.test(s.slice(m.index + word.length))) {
      if (!FUNCTIONS.has(word)) problem(file, where, `unknown function ${word}()`);
      continue;
    }
    if (!(word in KNOWN) && !JVM.test(word)) problem(file, where, `metric ${word} is neither the operator's, the services' contract nor a JVM/process metric`);
  }
}
