// make_docs.js - builds the documents of the facts benchmark (bash bench/facts.sh).
// Usage: node make_docs.js OUT.jsonl MIN_BYTES SHARED_DIR EXAMPLES_DIR REF_DATE
// Takes the articles of the sentence benchmark's text (make_text.js: the
// reference corpus's texts and the extraction set's article bodies, or
// examples/*.txt), one document each, and repeats the set until the texts
// have MIN_BYTES bytes together. Writes one JSON line per document:
// {"id", "published", "text"}, the format `parallax analyze` reads and
// bench/compromise.js and bench/chrono.js take too, so every tool gets the
// same documents. "published" is the article's own date where its sidecar
// gives one, else REF_DATE: every tool resolves relative dates against it.
// Prints "DOCS BYTES COPIES MEDIAN_BYTES SOURCE" (BYTES: the texts' UTF-8
// bytes, MEDIAN_BYTES: a document's median size); exits 3 when there is no text.
'use strict';
const fs = require('fs');
const path = require('path');
const { articles } = require('./make_text.js');

const [out, minArg, shared, examples, refDate] = process.argv.slice(2);
const minBytes = Number(minArg);
if (!out || !(minBytes > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(refDate || '')) {
  process.stderr.write('usage: node make_docs.js OUT.jsonl MIN_BYTES SHARED_DIR EXAMPLES_DIR YYYY-MM-DD\n');
  process.exit(2);
}
const { articles: found, source } = articles(shared, examples);
if (found.length === 0) {
  process.stderr.write('make_docs: no text found (neither shared/ nor examples/*.txt)\n');
  process.exit(3);
}
const unitBytes = found.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
const copies = Math.ceil(minBytes / unitBytes);
const lines = [];
for (let c = 1; c <= copies; c++) {
  for (const a of found) {
    lines.push(JSON.stringify({ id: `${a.name}-${c}`, published: a.published || refDate, text: a.text }));
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n') + '\n');
const sizes = found.map((a) => Buffer.byteLength(a.text)).sort((a, b) => a - b);
const median = sizes[Math.floor(sizes.length / 2)];
process.stdout.write(`${lines.length} ${unitBytes * copies} ${copies} ${median} ${source}\n`);
