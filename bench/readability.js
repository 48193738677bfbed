// readability.js - the @mozilla/readability peer of the extraction benchmark
// (bash bench/extract.sh).
// Usage: node readability.js OUTDIR PAGE.html... | DIR
// For each page (or each .html/.htm file of DIR, in name order): reads it as
// UTF-8, parses it with jsdom (`new JSDOM(html, {url})`; no scripts, no
// resources), runs `new Readability(document).parse()` and writes the
// article's textContent to OUTDIR/ID.txt (ID: the file name less .html; an
// empty file when Readability finds no article, or when jsdom or Readability
// throws: such a page is counted in "failed" and named on standard error). The url is the page's "url"
// in ground-truth.json beside the pages' folder when there is one, else a
// dummy. Prints {"tool","pages","bytes","loop_s","extract_s","failed"} as one
// JSON line on standard error: loop_s is the whole loop (read, parse,
// extract, write), extract_s the sum over pages of read + parse + extract.
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [outDir, ...args] = process.argv.slice(2);
if (!outDir || args.length === 0) {
  process.stderr.write('usage: node readability.js OUTDIR PAGE.html... | DIR\n');
  process.exit(2);
}
const pages = [];
for (const a of args) {
  if (fs.statSync(a).isDirectory()) {
    for (const f of fs.readdirSync(a).sort()) if (/\.html?$/i.test(f)) pages.push(path.join(a, f));
  } else {
    pages.push(a);
  }
}
fs.mkdirSync(outDir, { recursive: true });

// The pages' urls, from ground-truth.json ({ID: {"url", ...}}) beside their folder.
const truths = new Map();
function urlOf(page, id) {
  const file = path.join(path.dirname(page), '..', 'ground-truth.json');
  if (!truths.has(file)) {
    let t = null;
    try {
      t = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      t = null;
    }
    truths.set(file, t);
  }
  const t = truths.get(file);
  return (t && t[id] && t[id].url) || `https://example.com/${id}.html`;
}

// jsdom reports CSS it cannot parse and the like on the console: dropped.
const virtualConsole = new VirtualConsole();
let bytes = 0;
let extract = 0n;
let failed = 0;
const t0 = process.hrtime.bigint();
for (const page of pages) {
  const id = path.basename(page).replace(/\.html?$/i, '');
  const url = urlOf(page, id);
  const p0 = process.hrtime.bigint();
  const raw = fs.readFileSync(page);
  const html = raw.toString('utf8');
  let dom = null;
  let text = '';
  try {
    dom = new JSDOM(html, { url, virtualConsole });
    const article = new Readability(dom.window.document).parse();
    text = (article && article.textContent) || '';
  } catch (e) {
    // jsdom can throw on a page (CSS it fails to parse): no output for it.
    failed++;
    process.stderr.write(`readability.js: ${id}: ${e.name}: ${e.message.split('\n')[0]}\n`);
  }
  extract += process.hrtime.bigint() - p0;
  if (dom) dom.window.close();
  bytes += raw.length;
  fs.writeFileSync(path.join(outDir, `${id}.txt`), text);
}
const t1 = process.hrtime.bigint();
process.stderr.write(
  JSON.stringify({
    tool: 'readability.js',
    pages: pages.length,
    bytes,
    loop_s: Number(t1 - t0) / 1e9,
    extract_s: Number(extract) / 1e9,
    failed,
  }) + '\n',
);
