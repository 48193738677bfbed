// make_story.js - builds the articles of the story scaling benchmark (bash bench/story.sh).
// Usage: node make_story.js OUT.jsonl N SHARED_DIR EXAMPLES_DIR REF_DATE
// Mixes the benchmark's articles (make_text.js: the reference corpus and the
// extraction set's article bodies, or examples/*.txt without SHARED_DIR) into
// N new articles: article i keeps the headline and first five paragraphs of
// one article and adds three to ten paragraphs drawn from two others, picked by
// a fixed pseudo-random sequence, so every run makes the same articles. Each
// gets its own outlet ("Outlet 1" ... "Outlet 40") and a date within ten days
// of its base article's. Writes {"id", "source", "published", "text"} lines
// and prints "DOCS BYTES SOURCE"; exits 3 when there is no text.
'use strict';
const fs = require('fs');
const path = require('path');
const { articles } = require('./make_text.js');

const [out, nArg, shared, examples, refDate] = process.argv.slice(2);
const n = Number(nArg);
if (!out || !(n > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(refDate || '')) {
  process.stderr.write('usage: node make_story.js OUT.jsonl N SHARED_DIR EXAMPLES_DIR YYYY-MM-DD\n');
  process.exit(2);
}
const { articles: found, source } = articles(shared, examples);
if (found.length === 0) {
  process.stderr.write('make_story: no text found (neither shared/ nor examples/*.txt)\n');
  process.exit(3);
}
const paras = found.map((a) => a.text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 0));
let seed = 12345;
const rand = (k) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % k;
};
const shift = (date, days) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const lines = [];
let bytes = 0;
for (let i = 0; i < n; i++) {
  const base = i % found.length;
  const others = [rand(found.length), rand(found.length)];
  const body = paras[base].slice(0, 6);
  const extra = 3 + rand(8);
  for (let k = 0; k < extra; k++) {
    const from = paras[others[k % 2]];
    if (from.length) body.push(from[rand(from.length)]);
  }
  const text = body.join('\n\n');
  const published = shift(found[base].published || refDate, rand(10));
  bytes += Buffer.byteLength(text);
  lines.push(JSON.stringify({ id: `story-${i + 1}`, source: `Outlet ${1 + (i % 40)}`, published, text }));
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
process.stdout.write(`${lines.length} ${bytes} ${source}\n`);
