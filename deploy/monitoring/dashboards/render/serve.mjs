#!/usr/bin/env node
// A tiny static server for render.html, and a proxy of /api/ to Prometheus (same origin, so the
// page needs no CORS). Listens on 127.0.0.1 only.
//
//   node serve.mjs [--port 19180] [--prometheus http://127.0.0.1:19090]
//
// /                      render.html
// /render/<file>         files of this directory (render.mjs, ...)
// /dashboards/<file>     the dashboard JSON files (..)
// /api/...               proxied to Prometheus (GET only)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dashboards = path.resolve(here, '..');
const opts = { port: '19180', prometheus: 'http://127.0.0.1:19090' };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (!(k in opts) || process.argv[i + 1] === undefined) {
    console.error('usage: node serve.mjs [--port N] [--prometheus URL]');
    process.exit(2);
  }
  opts[k] = process.argv[i + 1];
}
const prometheus = new URL(opts.prometheus);
const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

function sendFile(res, root, rel) {
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  fs.createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    const upstream = http.get({ host: prometheus.hostname, port: prometheus.port || 80, path: req.url }, (up) => {
      res.writeHead(up.statusCode, { 'Content-Type': up.headers['content-type'] || 'application/json' });
      up.pipe(res);
    });
    upstream.on('error', (e) => res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`prometheus: ${e.message}\n`));
    return;
  }
  if (url.pathname === '/' || url.pathname === '/render.html') return sendFile(res, here, 'render.html');
  if (url.pathname.startsWith('/render/')) return sendFile(res, here, decodeURIComponent(url.pathname.slice('/render/'.length)));
  if (url.pathname.startsWith('/dashboards/')) return sendFile(res, dashboards, decodeURIComponent(url.pathname.slice('/dashboards/'.length)));
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
});
server.listen(Number(opts.port), '127.0.0.1', () => {
  console.log(`serve: http://127.0.0.1:${server.address().port}/ (api -> ${prometheus.origin})`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
