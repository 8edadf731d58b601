#!/usr/bin/env node
// Opens render.html in Debian's Chromium (headless, driven by playwright-core: no browser
// download), waits until the page says it finished drawing, prints per panel how many series and
// points it drew, and saves a full-page PNG. Exits 1 if the page failed or any panel listed in
// --require-data drew nothing ('all' for every panel).
//
//   node screenshot.mjs --url 'http://127.0.0.1:19180/?dashboard=nexus-operator&range=600' --out FILE.png
//                       [--width 1600] [--chromium /usr/bin/chromium] [--require-data all]
import { chromium } from 'playwright-core';

const opts = { url: '', out: '', width: '1600', chromium: '/usr/bin/chromium', 'require-data': '', timeout: '120000' };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (!(k in opts) || process.argv[i + 1] === undefined) {
    console.error('usage: node screenshot.mjs --url URL --out FILE [--width N] [--chromium PATH] [--require-data all|TITLE,...]');
    process.exit(2);
  }
  opts[k] = process.argv[i + 1];
}
if (!opts.url || !opts.out) {
  console.error('screenshot: --url and --out are required');
  process.exit(2);
}

const browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: Number(opts.width), height: 1000 }, deviceScaleFactor: 1 });
  page.on('console', (m) => { if (m.type() === 'error') console.error(`page: ${m.text()}`); });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(opts.url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__renderDone === true, null, { timeout: Number(opts.timeout) });
  const result = await page.evaluate(() => window.__renderResult);
  if (result.error) {
    console.error(`screenshot: the page failed: ${result.error}`);
    failed = true;
  } else {
    const required = opts['require-data'] === 'all' ? null : opts['require-data'].split(',').filter(Boolean);
    for (const p of result.panels) {
      const mark = p.errors.length ? 'ERROR' : p.empty ? 'EMPTY' : 'ok';
      console.log(`  ${mark.padEnd(5)} ${p.title}: ${p.series} series, ${p.points} points${p.errors.length ? ' ' + p.errors.join('; ') : ''}`);
      if (p.errors.length || ((required === null && opts['require-data']) || required?.includes(p.title)) && p.empty) failed = true;
    }
  }
  await page.screenshot({ path: opts.out, fullPage: true });
  console.log(`screenshot: wrote ${opts.out}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
