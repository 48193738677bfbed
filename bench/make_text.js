// make_text.js - builds the benchmark text (bash bench/run.sh).
// Usage: node make_text.js OUT MIN_BYTES SHARED_DIR EXAMPLES_DIR
// Concatenates SHARED_DIR/corpus/aleppo-2016/*.txt and the "articleBody"
// fields of SHARED_DIR/eval/article-extraction/ground-truth.json (read in
// place), or, when SHARED_DIR is absent, the *.txt files under EXAMPLES_DIR,
// separated by blank lines and repeated until the text has MIN_BYTES bytes.
// Prints "BYTES COPIES SOURCE" on standard output; exits 3 when there is no text.
// The articles themselves come from articles() below, which bench/make_docs.js
// shares (the facts benchmark takes them one document each).
'use strict';
const fs = require('fs');
const path = require('path');

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

// The "published" date of a NAME.meta.json sidecar beside NAME.txt, or null.
function sidecarDate(file) {
  try {
    const meta = JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.meta.json'), 'utf8'));
    return typeof meta.published === 'string' ? meta.published : null;
  } catch {
    return null;
  }
}

// The benchmark's articles: { articles: [{ name, text, published }], source },
// text with line ends made "\n" and trimmed, published a YYYY-MM-DD or null.
function articles(shared, examples) {
  const found = [];
  let source = '';
  const add = (name, text, published) => {
    text = text.replace(/\r\n?/g, '\n').trim();
    if (text) found.push({ name, text, published });
  };
  const corpus = shared && path.join(shared, 'corpus', 'aleppo-2016');
  const truth = shared && path.join(shared, 'eval', 'article-extraction', 'ground-truth.json');
  if (shared && (fs.existsSync(corpus) || fs.existsSync(truth))) {
    const files = txtFiles(corpus);
    for (const f of files) add(path.basename(f, '.txt'), fs.readFileSync(f, 'utf8'), sidecarDate(f));
    let nBodies = 0;
    if (fs.existsSync(truth)) {
      const gt = JSON.parse(fs.readFileSync(truth, 'utf8'));
      for (const key of Object.keys(gt).sort()) {
        const body = gt[key] && gt[key].articleBody;
        if (typeof body === 'string' && body.trim()) {
          add(key.slice(0, 16), body, null);
          nBodies++;
        }
      }
    }
    source = `${files.length} texts of shared/corpus/aleppo-2016 and ${nBodies} articleBody fields of shared/eval/article-extraction/ground-truth.json`;
  } else if (examples) {
    const files = txtFiles(examples);
    for (const f of files) add(path.basename(f, '.txt'), fs.readFileSync(f, 'utf8'), sidecarDate(f));
    source = `${files.length} texts of examples/`;
  }
  return { articles: found, source };
}

function main() {
  const [out, minArg, shared, examples] = process.argv.slice(2);
  const minBytes = Number(minArg);
  if (!out || !(minBytes > 0)) {
    process.stderr.write('usage: node make_text.js OUT MIN_BYTES SHARED_DIR EXAMPLES_DIR\n');
    process.exit(2);
  }
  const { articles: found, source } = articles(shared, examples);
  const unit = found.map((a) => a.text).join('\n\n');
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
}

module.exports = { articles };
if (require.main === module) main();
