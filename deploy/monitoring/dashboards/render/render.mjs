// Draws one Grafana dashboard JSON from Prometheus' HTTP API, as plain SVG (no library), for
// render.html. Every number drawn comes from /api/v1/query_range (and /api/v1/label for the
// template variables) over the chosen range; nothing is made up. Not Grafana: it lays panels
// out by gridPos and draws the panel types the Nexus dashboards use (timeseries, stat, bargauge,
// state-timeline) with their units, legends, thresholds, value mappings and colour overrides.
// When done it sets window.__renderDone and window.__renderResult (per panel: series and points).

const params = new URLSearchParams(location.search);
const SVGNS = 'http://www.w3.org/2000/svg';
const CELL_H = 30;
const GAP = 8;
const PALETTE = ['#73BF69', '#F2CC0C', '#8AB8FF', '#FF780A', '#F2495C', '#5794F2', '#B877D9', '#705DA0', '#37872D',
  '#FADE2A', '#447EBC', '#C15C17', '#890F02', '#0A437C', '#6D1F62', '#584477', '#B7DBAB', '#F4D598', '#70DBED',
  '#F9BA8F', '#F29191', '#82B5D8', '#E5A8E2', '#AEA2E0'];
const NAMED = {
  green: '#73BF69', red: '#F2495C', orange: '#FF9830', blue: '#5794F2', purple: '#B877D9', yellow: '#FADE2A',
  text: '#CCCCDC', transparent: 'transparent', 'dark-red': '#C4162A', 'dark-green': '#37872D',
};
const color = (c) => NAMED[c] || c;

main().catch((e) => {
  console.error(e);
  document.getElementById('title').textContent = 'Render failed';
  document.getElementById('source').innerHTML = `<span class="error">${escapeHtml(String(e && e.stack || e))}</span>`;
  window.__renderResult = { error: String(e) };
  window.__renderDone = true;
});

async function main() {
  const name = params.get('dashboard') || 'nexus-operator';
  const dash = await getJson(`/dashboards/${encodeURIComponent(name)}.json`);
  const step = Number(params.get('step') || 5);
  const range = Number(params.get('range') || 600);
  const endRaw = Number(params.get('end')) || Math.floor(Date.now() / 1000);
  const end = Math.floor(endRaw / step) * step;
  const start = end - Math.floor(range / step) * step;
  const rateInterval = params.get('rate_interval') || '1m';
  const width = Number(params.get('width') || document.documentElement.clientWidth - 32);

  const vars = await resolveVariables(dash.templating?.list || [], start, end);
  document.title = dash.title;
  document.getElementById('title').textContent = dash.title;
  document.getElementById('range').textContent =
    `${fmtDate(start)} – ${fmtDate(end)} UTC (${Math.round((end - start) / 60)} min), query_range step ${step}s, ` +
    `$__rate_interval=${rateInterval}, $__range=${end - start}s`;
  document.getElementById('source').textContent = dash.description || '';
  const varsEl = document.getElementById('vars');
  for (const [k, v] of Object.entries(vars.display)) {
    const s = document.createElement('span');
    s.innerHTML = `<b>${escapeHtml(k)}</b>${escapeHtml(v)}`;
    varsEl.appendChild(s);
  }
  document.getElementById('footer').textContent =
    `Drawn ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} by deploy/monitoring/dashboards/render (plain SVG, not Grafana) ` +
    `from Prometheus /api/v1/query_range with the dashboard's own PromQL (${name}.json).`;

  const grid = document.getElementById('grid');
  const colW = (width - 23 * GAP) / 24;
  let maxY = 0;
  const jobs = [];
  for (const panel of dash.panels) {
    const g = panel.gridPos;
    const box = {
      left: g.x * (colW + GAP), top: g.y * (CELL_H + GAP),
      width: g.w * colW + (g.w - 1) * GAP, height: g.h * CELL_H + (g.h - 1) * GAP,
    };
    maxY = Math.max(maxY, box.top + box.height);
    if (panel.type === 'row') {
      const el = div('row', grid, box);
      el.textContent = panel.title;
      continue;
    }
    const el = div('panel', grid, box);
    const t = document.createElement('div');
    t.className = 'title';
    t.textContent = panel.title;
    el.appendChild(t);
    jobs.push(drawPanel(panel, el, box, { start, end, step, rateInterval, vars }));
  }
  grid.style.height = `${maxY}px`;
  grid.style.width = `${width}px`;
  const panels = await Promise.all(jobs);
  window.__renderResult = { dashboard: name, start, end, step, panels };
  document.body.dataset.done = '1';
  window.__renderDone = true;
}

// ------------------------------------------------------------------ variables and queries

async function resolveVariables(list, start, end) {
  const values = {};
  const display = {};
  for (const v of list) {
    const fromUrl = params.getAll(`var-${v.name}`);
    if (v.type === 'datasource') {
      display[v.label || v.name] = 'Prometheus (local, via /api)';
      continue;
    }
    let chosen;
    if (fromUrl.length) {
      chosen = fromUrl;
    } else if (v.type === 'query') {
      const q = typeof v.query === 'string' ? v.query : v.query.query;
      const m = /^label_values\(\s*([^,]+?)\s*,\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/.exec(q);
      if (!m) throw new Error(`variable ${v.name}: only label_values(metric, label) is supported, got ${q}`);
      const found = await getJson(`/api/v1/label/${m[2]}/values?match[]=${encodeURIComponent(m[1])}&start=${start}&end=${end}`);
      const opts = found.data.sort();
      if (!opts.length) throw new Error(`variable ${v.name}: ${q} found no values in the range`);
      chosen = v.multi && v.includeAll ? opts : [opts[0]];
    } else {
      chosen = [v.current?.value ?? v.query ?? ''].flat();
    }
    values[v.name] = chosen.length > 1 ? `(${chosen.map(regexEscape).join('|')})` : chosen[0];
    display[v.label || v.name] = chosen.join(', ');
  }
  return { values, display };
}

function interpolate(expr, ctx, panelStep) {
  const builtins = {
    __rate_interval: ctx.rateInterval,
    __interval: `${panelStep}s`,
    __range: `${ctx.end - ctx.start}s`,
  };
  const all = { ...ctx.vars.values, ...builtins };
  return expr.replace(/\$\{([a-zA-Z0-9_]+)\}|\$([a-zA-Z0-9_]+)/g, (whole, a, b) => {
    const k = a || b;
    if (!(k in all)) throw new Error(`unknown variable $${k} in ${expr}`);
    return all[k];
  });
}

// An instant target (stat, bar gauge: the value at the end of the range) is a query_range of one
// point at the end, which is what Prometheus' instant query returns.
async function queryRange(expr, ctx, step, instant = false) {
  const start = instant ? ctx.end : Math.floor(ctx.start / step) * step;
  const u = `/api/v1/query_range?query=${encodeURIComponent(expr)}&start=${start}&end=${ctx.end}&step=${step}`;
  const r = await getJson(u);
  if (r.status !== 'success') throw new Error(`${r.errorType}: ${r.error}`);
  const times = [];
  for (let t = start; t <= ctx.end; t += step) times.push(t);
  const index = new Map(times.map((t, i) => [t, i]));
  return {
    times,
    series: r.data.result.map((s) => {
      const vals = new Array(times.length).fill(null);
      for (const [t, v] of s.values) {
        const i = index.get(Math.round(t));
        if (i !== undefined && Number.isFinite(Number(v))) vals[i] = Number(v); // NaN (e.g. a quantile of no requests) is no value
      }
      return { labels: s.metric, values: vals };
    }),
  };
}

async function getJson(url) {
  const res = await fetch(url);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 200)}`);
  }
}

// ------------------------------------------------------------------ panels

async function drawPanel(panel, el, box, ctx) {
  const result = { title: panel.title, type: panel.type, series: 0, points: 0, errors: [] };
  const step = Math.max(ctx.step, parseDuration(panel.interval) || 0);
  const series = [];
  let times = [];
  for (const t of panel.targets || []) {
    try {
      const expr = interpolate(t.expr, ctx, step);
      const r = await queryRange(expr, ctx, step, t.instant === true);
      times = r.times;
      for (const s of r.series) {
        series.push({ name: legendName(t.legendFormat, s.labels, expr), labels: s.labels, values: s.values, ref: t.refId });
      }
    } catch (e) {
      result.errors.push(`${t.refId}: ${e.message}`);
    }
  }
  result.series = series.length;
  result.points = series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
  const defaults = panel.fieldConfig?.defaults || {};
  series.forEach((s, i) => { s.color = seriesColor(panel, s.name, i); });
  const inner = { width: box.width - 2, height: box.height - 28 };
  if (result.errors.length) {
    const e = document.createElement('div');
    e.className = 'nodata error';
    e.textContent = result.errors.join('; ');
    el.appendChild(e);
  } else if (!result.points) {
    const e = document.createElement('div');
    e.className = 'nodata';
    e.textContent = 'No data';
    el.appendChild(e);
  } else {
    const svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('width', inner.width);
    svg.setAttribute('height', inner.height);
    el.appendChild(svg);
    const draw = { timeseries: drawTimeseries, stat: drawStat, bargauge: drawBargauge, 'state-timeline': drawTimeline }[panel.type];
    if (!draw) throw new Error(`panel type ${panel.type} is not supported`);
    draw(svg, inner, panel, defaults, series, times, ctx);
  }
  result.empty = !result.points;
  return result;
}

function seriesColor(panel, name, i) {
  for (const o of panel.fieldConfig?.overrides || []) {
    if (o.matcher?.id === 'byName' && o.matcher.options === name) {
      const p = o.properties.find((x) => x.id === 'color');
      if (p) return color(p.value.fixedColor);
    }
  }
  const c = panel.fieldConfig?.defaults?.color;
  if (c?.mode === 'fixed' && c.fixedColor) return color(c.fixedColor);
  return PALETTE[i % PALETTE.length];
}

function legendName(format, labels, expr) {
  if (!format) {
    const { __name__, ...rest } = labels;
    const inner = Object.entries(rest).map(([k, v]) => `${k}="${v}"`).join(', ');
    return (__name__ || '') + (inner ? `{${inner}}` : '') || expr;
  }
  return format.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (w, k) => labels[k] ?? '').trim();
}

// ------------------------------------------------------------------ timeseries

function drawTimeseries(svg, area, panel, d, series, times, ctx) {
  const custom = d.custom || {};
  const legendOpts = panel.options?.legend || {};
  const calcs = legendOpts.calcs || [];
  const stacked = custom.stacking?.mode === 'normal';
  const bars = custom.drawStyle === 'bars';
  const step = custom.lineInterpolation === 'stepAfter';

  // Legend (table at the bottom, or at the right).
  const right = legendOpts.placement === 'right';
  const rowH = 17;
  const maxRows = right ? Math.floor((area.height - 22) / rowH) : Math.max(1, Math.floor(area.height * 0.42 / rowH) - 1);
  const shown = series.slice(0, series.length > maxRows ? maxRows - 1 : maxRows);
  const legendRows = shown.length + (series.length > shown.length ? 1 : 0);
  const legendH = right ? 0 : (legendRows + (calcs.length ? 1 : 0)) * rowH + 6;
  const legendW = right ? Math.min(area.width * 0.46, 420) : 0;
  const plot = { x: 62, y: 8, w: area.width - 62 - 14 - legendW, h: area.height - 8 - 22 - legendH };

  // Values to plot (stacked: cumulative, missing counted as 0 where another series has a value).
  const plotted = series.map((s) => s.values.slice());
  if (stacked) {
    const acc = new Array(times.length).fill(0);
    for (const vals of plotted) {
      for (let i = 0; i < vals.length; i++) {
        if (vals[i] === null) continue;
        acc[i] += vals[i];
        vals[i] = acc[i];
      }
    }
  }
  const all = plotted.flat().filter((v) => v !== null);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (d.min !== undefined) lo = d.min;
  else if (custom.axisSoftMin !== undefined) lo = Math.min(lo, custom.axisSoftMin);
  else if (bars || stacked) lo = Math.min(0, lo);
  if (d.max !== undefined) hi = d.max;
  else if (custom.axisSoftMax !== undefined) hi = Math.max(hi, custom.axisSoftMax);
  if (custom.axisSoftMin !== undefined && d.min === undefined) lo = Math.min(lo, custom.axisSoftMin);
  if (hi <= lo) hi = lo + (Math.abs(lo) || 1);
  const ticks = niceTicks(lo, hi, Math.max(2, Math.floor(plot.h / 45)));
  if (d.max === undefined) hi = Math.max(hi, ticks[ticks.length - 1]);
  if (d.min === undefined) lo = Math.min(lo, ticks[0]);
  const tickStep = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const X = (t) => plot.x + ((t - ctx.start) / (ctx.end - ctx.start)) * plot.w;
  const Y = (v) => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;

  // Grid and axes.
  for (const v of ticks) {
    if (v < lo - 1e-12 || v > hi + 1e-12) continue;
    line(svg, plot.x, Y(v), plot.x + plot.w, Y(v), '#2a2d33');
    text(svg, plot.x - 6, Y(v) + 4, fmtAxis(v, d.unit, tickStep), { anchor: 'end', size: 11, fill: '#9fa3b8' });
  }
  for (const t of timeTicks(ctx.start, ctx.end, plot.w)) {
    line(svg, X(t), plot.y, X(t), plot.y + plot.h, '#24272c');
    text(svg, X(t), plot.y + plot.h + 15, fmtTime(t), { anchor: 'middle', size: 11, fill: '#9fa3b8' });
  }

  // Thresholds as dashed lines.
  if (custom.thresholdsStyle?.mode === 'dashed') {
    let lastLabelY = -1e9;
    for (const s of d.thresholds?.steps || []) {
      if (s.value === null || s.value < lo || s.value > hi) continue;
      const labelled = Math.abs(Y(s.value) - lastLabelY) >= 12;
      const l = line(svg, plot.x, Y(s.value), plot.x + plot.w, Y(s.value), color(s.color), 1.5);
      l.setAttribute('stroke-dasharray', '6 4');
      if (labelled) {
        text(svg, plot.x + plot.w - 2, Y(s.value) - 3, fmtValue(s.value, d.unit, s.value < 1 && d.unit === 'percentunit' ? 2 : d.decimals), { anchor: 'end', size: 10, fill: color(s.color) });
        lastLabelY = Y(s.value);
      }
    }
  }

  // Series.
  const clip = document.createElementNS(SVGNS, 'clipPath');
  clip.id = `clip-${panel.id}`;
  const cr = document.createElementNS(SVGNS, 'rect');
  Object.entries({ x: plot.x, y: plot.y - 1, width: plot.w, height: plot.h + 2 }).forEach(([k, v]) => cr.setAttribute(k, v));
  clip.appendChild(cr);
  svg.appendChild(clip);
  const g = document.createElementNS(SVGNS, 'g');
  g.setAttribute('clip-path', `url(#clip-${panel.id})`);
  svg.appendChild(g);
  const dt = times.length > 1 ? times[1] - times[0] : ctx.step;
  const fill = (custom.fillOpacity ?? 10) / 100;
  const order = plotted.map((_, i) => i);
  if (stacked) order.reverse(); // draw the top of the stack first, lower layers over it
  for (const i of order) {
    const vals = plotted[i];
    const c = series[i].color;
    if (bars) {
      const bw = Math.max(1, (dt / (ctx.end - ctx.start)) * plot.w * 0.8);
      vals.forEach((v, k) => {
        if (v === null) return;
        const base = stacked && i > 0 && plotted[i - 1][k] !== null ? plotted[i - 1][k] : Math.max(lo, 0);
        if (v === base) return;
        rect(g, X(times[k]) - bw / 2, Math.min(Y(v), Y(base)), bw, Math.abs(Y(base) - Y(v)), c, fill);
      });
      continue;
    }
    // Runs of consecutive non-null points.
    let run = [];
    const runs = [];
    vals.forEach((v, k) => {
      if (v === null) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push(k);
    });
    if (run.length) runs.push(run);
    for (const r of runs) {
      let dPath = '';
      r.forEach((k, j) => {
        const x = X(times[k]);
        const y = Y(vals[k]);
        if (j === 0) dPath += `M${x},${y}`;
        else if (step) dPath += `H${x}V${y}`;
        else dPath += `L${x},${y}`;
      });
      if (step) dPath += `H${X(times[r[r.length - 1]] + dt)}`;
      if (r.length === 1 && !step) dPath += `h2`;
      if (fill > 0) {
        const lower = stacked && i > 0 ? plotted[i - 1] : null;
        let area2 = dPath;
        const lastX = step ? X(times[r[r.length - 1]] + dt) : X(times[r[r.length - 1]]);
        if (lower) {
          const back = r.slice().reverse();
          area2 += `L${lastX},${Y(lower[back[0]] ?? 0)}`;
          back.forEach((k) => { area2 += step ? `H${X(times[k])}V${Y(lower[k] ?? 0)}` : `L${X(times[k])},${Y(lower[k] ?? 0)}`; });
        } else {
          const base = Y(Math.max(lo, Math.min(0, hi)));
          area2 += `L${lastX},${base}L${X(times[r[0]])},${base}Z`;
        }
        path(g, area2, 'none', c, fill);
      }
      path(g, dPath, c, 'none', 1, custom.lineWidth ?? 1.5);
    }
  }
  line(svg, plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h, '#3b3f46');

  // Legend table.
  const calcFns = {
    lastNotNull: ['Last', (v) => v.filter((x) => x !== null).at(-1)],
    max: ['Max', (v) => Math.max(...v.filter((x) => x !== null))],
    min: ['Min', (v) => Math.min(...v.filter((x) => x !== null))],
    mean: ['Mean', (v) => { const a = v.filter((x) => x !== null); return a.reduce((s, x) => s + x, 0) / a.length; }],
    sum: ['Total', (v) => v.filter((x) => x !== null).reduce((s, x) => s + x, 0)],
  };
  const lx = right ? area.width - legendW + 4 : 8;
  let ly = right ? 12 : plot.y + plot.h + 30;
  const colW = 78;
  const nameW = (right ? legendW - 8 : area.width - 16) - calcs.length * colW;
  if (calcs.length) {
    calcs.forEach((c, j) => text(svg, lx + nameW + (j + 1) * colW, ly, calcFns[c]?.[0] || c, { anchor: 'end', size: 11, fill: '#8ab8ff' }));
    ly += rowH;
  }
  shown.forEach((s) => {
    rect(svg, lx, ly - 9, 12, 4, s.color, 1);
    const label = text(svg, lx + 18, ly, s.name || '(no labels)', { size: 11.5, fill: '#ccccdc' });
    clipText(label, nameW - 24);
    calcs.forEach((c, j) => {
      const fn = calcFns[c]?.[1];
      const v = fn ? fn(s.values) : undefined;
      text(svg, lx + nameW + (j + 1) * colW, ly, v === undefined || !Number.isFinite(v) ? '–' : fmtValue(v, d.unit, d.decimals), { anchor: 'end', size: 11.5, fill: '#ccccdc' });
    });
    ly += rowH;
  });
  if (series.length > shown.length) text(svg, lx + 18, ly, `+ ${series.length - shown.length} more series`, { size: 11, fill: '#9fa3b8' });
}

// ------------------------------------------------------------------ stat

function drawStat(svg, area, panel, d, series) {
  const n = series.length;
  const horizontal = area.width / n >= area.height * 0.9 || n === 1;
  const cols = horizontal ? n : 1;
  const rows = horizontal ? 1 : n;
  const cw = (area.width - 8 - (cols - 1) * 6) / cols;
  const ch = (area.height - 8 - (rows - 1) * 6) / rows;
  const textMode = panel.options?.textMode || 'value';
  const colorMode = panel.options?.colorMode || 'value';
  series.forEach((s, i) => {
    const x = 4 + (horizontal ? i * (cw + 6) : 0);
    const y = 2 + (horizontal ? 0 : i * (ch + 6));
    const v = s.values.filter((a) => a !== null).at(-1);
    const mapped = mapValue(d.mappings, v);
    const shown = mapped?.text ?? fmtValue(v, d.unit, d.decimals);
    let c = mapped?.color ? color(mapped.color) : null;
    if (!c) {
      const over = (panel.fieldConfig?.overrides || []).some((o) => o.matcher?.options === s.name);
      c = over || d.color?.mode === 'fixed' ? s.color : thresholdColor(refProperty(panel, s.ref, 'thresholds') || d.thresholds, v);
    }
    if (colorMode === 'background') rect(svg, x, y, cw, ch, c, 0.85, 3);
    const fg = colorMode === 'background' ? '#ffffff' : c;
    const main = textMode === 'name' ? s.name : shown;
    const sub = textMode === 'value_and_name' ? s.name : null;
    const size = Math.max(11, Math.min(ch * (sub ? 0.42 : 0.55), (cw * 1.45) / Math.max(3, main.length)));
    const cy = y + ch / 2 + (sub ? size * 0.5 : size * 0.35);
    if (sub) text(svg, x + cw / 2, cy - size * 1.05, sub, { anchor: 'middle', size: Math.max(11, Math.min(14, size * 0.4)), fill: fg, weight: 500 });
    text(svg, x + cw / 2, cy, main, { anchor: 'middle', size, fill: fg, weight: 500 });
  });
}

// A property set by an override for the series of one query (matcher byFrameRefID).
function refProperty(panel, ref, id) {
  for (const o of panel.fieldConfig?.overrides || []) {
    if (o.matcher?.id === 'byFrameRefID' && o.matcher.options === ref) {
      const p = o.properties.find((x) => x.id === id);
      if (p) return p.value;
    }
  }
  return null;
}

function mapValue(mappings, v) {
  for (const m of mappings || []) {
    if (m.type === 'value' && v !== undefined && m.options[String(v)]) return m.options[String(v)];
  }
  return null;
}

function thresholdColor(th, v) {
  let c = 'green';
  for (const s of th?.steps || []) if (s.value === null || v >= s.value) c = s.color;
  return color(c);
}

// ------------------------------------------------------------------ bar gauge

function drawBargauge(svg, area, panel, d, series) {
  const vals = series.map((s) => s.values.filter((a) => a !== null).at(-1) ?? 0);
  const max = d.max ?? Math.max(...vals, 1e-9);
  const n = series.length;
  const rowH = Math.min(34, (area.height - 8) / n);
  const nameW = Math.min(area.width * 0.42, 250);
  const valW = 60;
  const barW = area.width - nameW - valW - 24;
  series.forEach((s, i) => {
    const y = 4 + i * rowH;
    const h = Math.max(6, rowH - 8);
    const label = text(svg, 8, y + h / 2 + 5, s.name, { size: Math.min(12.5, h + 2), fill: '#ccccdc' });
    clipText(label, nameW - 12);
    rect(svg, nameW, y, barW, h, '#26292f', 1, 2);
    rect(svg, nameW, y, Math.max(vals[i] > 0 ? 2 : 0, (vals[i] / max) * barW), h, s.color, 0.9, 2);
    text(svg, area.width - 10, y + h / 2 + 5, fmtValue(vals[i], d.unit, d.decimals), { anchor: 'end', size: Math.min(14, h + 3), fill: s.color, weight: 500 });
  });
}

// ------------------------------------------------------------------ state timeline

function drawTimeline(svg, area, panel, d, series, times, ctx) {
  const labelW = 110;
  const plot = { x: labelW, y: 6, w: area.width - labelW - 14, h: area.height - 6 - 24 };
  const n = series.length;
  const rowH = plot.h / n;
  const dt = times.length > 1 ? times[1] - times[0] : ctx.step;
  const X = (t) => plot.x + ((t - ctx.start) / (ctx.end - ctx.start)) * plot.w;
  for (const t of timeTicks(ctx.start, ctx.end, plot.w)) {
    line(svg, X(t), plot.y, X(t), plot.y + plot.h, '#24272c');
    text(svg, X(t), plot.y + plot.h + 16, fmtTime(t), { anchor: 'middle', size: 11, fill: '#9fa3b8' });
  }
  series.forEach((s, i) => {
    const y = plot.y + i * rowH + rowH * 0.1;
    const h = rowH * 0.8;
    text(svg, labelW - 8, y + h / 2 + 4, s.name, { anchor: 'end', size: 12, fill: '#ccccdc' });
    rect(svg, plot.x, y, plot.w, h, '#1f2227', 1, 1);
    let k = 0;
    while (k < times.length) {
      if (s.values[k] === null) { k++; continue; }
      let j = k;
      while (j + 1 < times.length && s.values[j + 1] !== null) j++;
      const x0 = X(times[k]);
      const x1 = Math.min(plot.x + plot.w, X(times[j] + dt));
      rect(svg, x0, y, Math.max(1.5, x1 - x0), h, s.color, 0.85, 1);
      k = j + 1;
    }
  });
}

// ------------------------------------------------------------------ formatting

function fmtValue(v, unit, decimals) {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  const dec = (x) => (decimals !== undefined ? decimals : autoDecimals(x));
  switch (unit) {
    case 'percentunit': return `${(v * 100).toFixed(decimals !== undefined ? decimals : autoDecimals(v * 100))}%`;
    case 's': return fmtSeconds(v, decimals);
    case 'bytes': return fmtBytes(v);
    case 'ops': return `${fmtShort(v, dec(v))} ops/s`;
    case 'reqps': return `${fmtShort(v, dec(v))} req/s`;
    default: return fmtShort(v, dec(v));
  }
}

function fmtAxis(v, unit, tickStep) {
  const scaled = unit === 'percentunit' ? tickStep * 100 : tickStep;
  const dec = Math.max(0, Math.min(4, -Math.floor(Math.log10(scaled || 1) + 1e-9)));
  switch (unit) {
    case 'percentunit': return `${(v * 100).toFixed(dec)}%`;
    case 's': return fmtSeconds(v);
    case 'bytes': return fmtBytes(v);
    case 'ops': return `${fmtShort(v, dec)} /s`;
    case 'reqps': return `${fmtShort(v, dec)} /s`;
    default: return fmtShort(v, dec);
  }
}

function autoDecimals(v) {
  const a = Math.abs(v);
  if (a === 0 || Number.isInteger(v)) return 0;
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  return Math.min(4, 2 - Math.floor(Math.log10(a)));
}

function fmtShort(v, dec) {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(Math.min(dec, 2))} B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(Math.min(dec, 2))} M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(Math.min(dec, 1))} K`;
  return v.toFixed(dec);
}

function fmtSeconds(v, decimals) {
  const a = Math.abs(v);
  if (a === 0) return '0 s';
  if (a < 1e-3) return `${(v * 1e6).toFixed(decimals ?? 0)} µs`;
  if (a < 1) return `${(v * 1e3).toFixed(decimals ?? (a < 0.01 ? 1 : 0))} ms`;
  if (a < 60) return `${v.toFixed(decimals ?? (a < 10 ? 2 : 1))} s`;
  return `${(v / 60).toFixed(decimals ?? 1)} min`;
}

function fmtBytes(v) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let x = v;
  while (Math.abs(x) >= 1024 && i < units.length - 1) { x /= 1024; i++; }
  return `${x.toFixed(Math.abs(x) >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

function niceTicks(lo, hi, count) {
  const span = hi - lo;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) || 10 * mag;
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-6; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < hi - step * 1e-6) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

function timeTicks(start, end, width) {
  const span = end - start;
  const steps = [15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((s) => span / s <= width / 80) || 3600;
  const out = [];
  // No tick within a quarter of a step of either edge (its label would be cut off).
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) if (t - start >= step / 4 && end - t >= step / 4) out.push(t);
  return out;
}

function fmtTime(t) {
  const dt = new Date(t * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(dt.getUTCHours())}:${p(dt.getUTCMinutes())}` + (t % 60 ? `:${p(dt.getUTCSeconds())}` : '');
}

function fmtDate(t) {
  return new Date(t * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

function parseDuration(s) {
  const m = /^(\d+)(s|m|h)$/.exec(s || '');
  return m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2]] : 0;
}

function regexEscape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

// ------------------------------------------------------------------ SVG helpers

function div(cls, parent, box) {
  const el = document.createElement('div');
  el.className = cls;
  Object.assign(el.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
  parent.appendChild(el);
  return el;
}

function line(svg, x1, y1, x2, y2, stroke, w = 1) {
  const l = document.createElementNS(SVGNS, 'line');
  Object.entries({ x1, y1, x2, y2, stroke, 'stroke-width': w }).forEach(([k, v]) => l.setAttribute(k, v));
  svg.appendChild(l);
  return l;
}

function rect(svg, x, y, width, height, fill, opacity = 1, rx = 0) {
  const r = document.createElementNS(SVGNS, 'rect');
  Object.entries({ x, y, width: Math.max(0, width), height: Math.max(0, height), fill, 'fill-opacity': opacity, rx }).forEach(([k, v]) => r.setAttribute(k, v));
  svg.appendChild(r);
  return r;
}

function path(svg, d, stroke, fill, fillOpacity = 1, width = 1.5) {
  const p = document.createElementNS(SVGNS, 'path');
  Object.entries({ d, stroke, fill, 'fill-opacity': fillOpacity, 'stroke-width': width, 'stroke-linejoin': 'round' }).forEach(([k, v]) => p.setAttribute(k, v));
  svg.appendChild(p);
  return p;
}

function text(svg, x, y, s, { anchor = 'start', size = 12, fill = '#ccccdc', weight = 400 } = {}) {
  const t = document.createElementNS(SVGNS, 'text');
  Object.entries({ x, y, 'text-anchor': anchor, 'font-size': size, fill, 'font-weight': weight }).forEach(([k, v]) => t.setAttribute(k, v));
  t.textContent = s;
  svg.appendChild(t);
  return t;
}

function clipText(t, maxW) {
  if (maxW <= 0) return;
  let s = t.textContent;
  while (s.length > 3 && t.getComputedTextLength() > maxW) {
    s = s.slice(0, -2);
    t.textContent = `${s}…`;
  }
}
