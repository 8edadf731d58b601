#!/usr/bin/env node
// A tiny real Node.js HTTP service that exposes the platform's service metric contract
// (http_request_duration_seconds{status_code} as a histogram, via prom-client) and, in the same
// process, a bounded load loop that calls it on 127.0.0.1 with a small share of 5xx and slow
// requests. Used only to give the platform dashboard's SLO panels real scraped data when there
// are no real service pods (the sandbox runs none). The labels nexus_platform, namespace and
// service are added by Prometheus' scrape config (static labels), as the platform's
// ServiceMonitors add them from the pod's namespace and labels.
//
//   node sample-service.mjs --port 19101 --rps 40 --error-share 0.002 --slow-share 0.02 --duration 15m
//
// GET /work           answers 200 after 5-60 ms
// GET /work?slow=1    answers 200 after 220-450 ms (slower than the 0.2 s latency objective)
// GET /work?fail=1    answers 500 after 5-30 ms
// GET /metrics        the Prometheus exposition
// The load loop decides which share of its requests ask for fail/slow; the service itself never
// makes anything up. The process (server and loop) exits after --duration.
import http from 'node:http';
import client from 'prom-client';

const args = parseArgs(process.argv.slice(2), {
  port: '19101',
  rps: '40',
  'error-share': '0.002',
  'slow-share': '0.02',
  // Optional burst: "START,LENGTH,ERROR_SHARE" (durations), e.g. "150s,60s,0.03": from START
  // after start, for LENGTH, the error share is ERROR_SHARE instead.
  burst: '',
  duration: '15m',
  'max-requests': '200000',
});
const port = Number(args.port);
const rps = Number(args.rps);
const errorShare = Number(args['error-share']);
const slowShare = Number(args['slow-share']);
const durationMs = parseDuration(args.duration);
const maxRequests = Number(args['max-requests']);
const burst = args.burst ? parseBurst(args.burst) : null;
for (const [name, v] of Object.entries({ port, rps, errorShare, slowShare, durationMs, maxRequests })) {
  if (!Number.isFinite(v) || v < 0) usage(`bad value for ${name}`);
}
if (errorShare + slowShare > 1 || (burst && burst.errorShare + slowShare > 1)) usage('shares add up to more than 1');

const registry = new client.Registry();
const duration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests served, by status code: duration in seconds.',
  labelNames: ['status_code'],
  // 0.2 is a bucket boundary: the latency SLO counts requests slower than 0.2 s.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5],
  registers: [registry],
});
// Zero-initialise the series the SLO queries divide by, so rates exist from the first scrape.
for (const code of ['200', '500']) duration.labels(code);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const between = (lo, hi) => lo + Math.random() * (hi - lo);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'Content-Type': registry.contentType });
    res.end(await registry.metrics());
    return;
  }
  if (url.pathname !== '/work') {
    res.writeHead(404).end('not found\n');
    return;
  }
  const end = duration.startTimer();
  let status = 200;
  if (url.searchParams.has('fail')) {
    await sleep(between(5, 30));
    status = 500;
  } else if (url.searchParams.has('slow')) {
    await sleep(between(220, 450));
  } else {
    await sleep(between(5, 60));
  }
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(status === 200 ? 'ok\n' : 'failed\n');
  end({ status_code: String(status) });
});

const started = Date.now();
let sent = 0;
let stopping = false;
server.listen(port, '127.0.0.1', () => {
  console.log(`sample-service: listening on 127.0.0.1:${port}; load ${rps} req/s, ` +
    `5xx share ${errorShare}, slow share ${slowShare}` +
    (burst ? `, burst of 5xx share ${burst.errorShare} from ${burst.startMs / 1000}s for ${burst.lengthMs / 1000}s` : '') +
    `; stops after ${durationMs / 1000}s`);
  if (rps > 0) loadLoop();
});
setTimeout(stop, durationMs).unref();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// Bounded: at most max-requests requests, only until --duration, only to 127.0.0.1:port.
async function loadLoop() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const intervalMs = 1000 / rps;
  let next = Date.now();
  while (!stopping && sent < maxRequests) {
    const t = Date.now() - started;
    const share = burst && t >= burst.startMs && t < burst.startMs + burst.lengthMs ? burst.errorShare : errorShare;
    const r = Math.random();
    const query = r < share ? '?fail=1' : r < share + slowShare ? '?slow=1' : '';
    sent++;
    const req = http.get({ host: '127.0.0.1', port, path: '/work' + query, agent }, (res) => res.resume());
    req.on('error', () => {});
    next += intervalMs;
    const wait = next - Date.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -1000) next = Date.now(); // fell behind (machine busy): do not burst to catch up
  }
  agent.destroy();
}

function stop() {
  if (stopping) return;
  stopping = true;
  console.log(`sample-service: stopping after ${sent} requests`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') usage();
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !(m[1] in defaults)) usage(`unknown argument ${a}`);
    out[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
    if (out[m[1]] === undefined) usage(`--${m[1]} needs a value`);
  }
  return out;
}

function parseDuration(s) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(String(s));
  if (!m) usage(`bad duration ${s} (e.g. 90s, 15m)`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2]];
}

function parseBurst(s) {
  const [start, length, share] = s.split(',');
  const b = { startMs: parseDuration(start), lengthMs: parseDuration(length), errorShare: Number(share) };
  if (!(b.errorShare >= 0 && b.errorShare <= 1)) usage(`bad burst ${s}`);
  return b;
}

function usage(problem) {
  if (problem) console.error(`sample-service: ${problem}`);
  console.error('usage: node sample-service.mjs [--port N] [--rps N] [--error-share F] [--slow-share F] ' +
    '[--burst START,LENGTH,SHARE] [--duration DUR] [--max-requests N]');
  process.exit(problem ? 2 : 0);
}
