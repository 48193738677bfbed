// chrono.js - the chrono-node peer of the facts benchmark (bash bench/facts.sh).
// Usage: node chrono.js DOCS.jsonl > OUT.jsonl
// For each document of DOCS.jsonl ({"id", "published", "text"} a line):
// chrono.parse(text, published), the dates and times it finds resolved
// against the document's date (English, casual mode: chrono's default), each
// made a Date (.start.date()). Writes one JSON line per document with what
// was found, and prints {"tool", "docs", "bytes", "analyze_s", "dates"} as
// one JSON line on standard error, where analyze_s is the in-process time of
// the parse and the Dates, summed over documents (reading and parsing the
// JSON lines and writing the results are not in it).
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node chrono.js DOCS.jsonl\n');
  process.exit(2);
}
const docs = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

let ns = 0n;
let bytes = 0;
let dates = 0;
const out = [];
for (const d of docs) {
  // Noon of the publication day: a date, whatever the time zone.
  const ref = new Date(`${d.published}T12:00:00`);
  const t0 = process.hrtime.bigint();
  const found = chrono.parse(d.text, ref).map((r) => [r.text, r.start.date()]);
  ns += process.hrtime.bigint() - t0;
  bytes += Buffer.byteLength(d.text);
  dates += found.length;
  out.push(JSON.stringify({ id: d.id, dates: found }));
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(JSON.stringify({ tool: 'chrono-node', docs: docs.length, bytes, analyze_s: Number(ns) / 1e9, dates }) + '\n');
