// make_text.js - builds the benchmark text (bash bench/run.sh).
// Usage: node make_text.js OUT MIN_BYTES SHARED_DIR EXAMPLES_DIR
// Concatenates SHARED_DIR/corpus/aleppo-2016/*.txt and the "articleBody"
// fields of SHARED_DIR/eval/article-extraction/ground-truth.json (read in
// place), or, when SHARED_DIR is absent, the *.txt files under EXAMPLES_DIR,
// separated by blank lines and repeated until the text has MIN_BYTES bytes.
// Prints "BYTES COPIES SOURCE" on standard output; exits 3 when there is no text.
'use strict';
const fs = require('fs');
const path = require('path');

const [out, minArg, shared, examples] = process.argv.slice(2);
const minBytes = Number(minArg);
if (!out || !(minBytes > 0)) {
  process.stderr.write('usage: node make_text.js OUT MIN_BYTES SHARED_DIR EXAMPLES_DIR\n');
  process.exit(2);
}

function txtFiles(dir) {
  const found = [];
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) found.push(p);
    }
  };
  walk(dir);
  return found;
}

const pieces = [];
let source = '';
const corpus = shared && path.join(shared, 'corpus', 'aleppo-2016');
const truth = shared && path.join(shared, 'eval', 'article-extraction', 'ground-truth.json');
if (shared && (fs.existsSync(corpus) || fs.existsSync(truth))) {
  for (const f of txtFiles(corpus)) pieces.push(fs.readFileSync(f, 'utf8'));
  const nFiles = pieces.length;
  let nBodies = 0;
  if (fs.existsSync(truth)) {
    const gt = JSON.parse(fs.readFileSync(truth, 'utf8'));
    for (const key of Object.keys(gt).sort()) {
      const body = gt[key] && gt[key].articleBody;
      if (typeof body === 'string' && body.trim()) {
        pieces.push(body);
        nBodies++;
      }
    }
  }
  source = `${nFiles} texts of shared/corpus/aleppo-2016 and ${nBodies} articleBody fields of shared/eval/article-extraction/ground-truth.json`;
} else if (examples) {
  for (const f of txtFiles(examples)) pieces.push(fs.readFileSync(f, 'utf8'));
  source = `${pieces.length} texts of examples/`;
}

const unit = pieces.map((p) => p.replace(/\r\n?/g, '\n').trim()).filter(Boolean).join('\n\n');
if (!unit) {
  process.stderr.write('make_text: no text found (neither shared/ nor examples/*.txt)\n');
  process.exit(3);
}
const unitBytes = Buffer.byteLength(unit + '\n\n');
const copies = Math.ceil(minBytes / unitBytes);
const text = (unit + '\n\n').repeat(copies);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, text);
process.stdout.write(`${Buffer.byteLength(text)} ${copies} ${source}\n`);
