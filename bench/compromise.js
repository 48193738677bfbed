// compromise.js - the compromise peer of the facts benchmark (bash bench/facts.sh).
// Usage: node compromise.js DOCS.jsonl > OUT.jsonl
// For each document of DOCS.jsonl ({"id", "published", "text"} a line):
// nlp(text), then the people, places and organisations it names
// (.people(), .places(), .organizations(), each .out('array')) and its
// numbers with their values (.numbers().get()). Writes one JSON line per
// document with what was found, and prints {"tool", "docs", "bytes",
// "analyze_s", "people", "places", "organisations", "numbers"} as one JSON
// line on standard error, where analyze_s is the in-process time of nlp()
// and the four look-ups, summed over documents (reading and parsing the
// JSON lines and writing the results are not in it).
'use strict';
const fs = require('fs');
const nlp = require('compromise');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node compromise.js DOCS.jsonl\n');
  process.exit(2);
}
const docs = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

let ns = 0n;
let bytes = 0;
const total = { people: 0, places: 0, organisations: 0, numbers: 0 };
const out = [];
for (const d of docs) {
  const t0 = process.hrtime.bigint();
  const doc = nlp(d.text);
  const people = doc.people().out('array');
  const places = doc.places().out('array');
  const organisations = doc.organizations().out('array');
  const numbers = doc.numbers().get();
  ns += process.hrtime.bigint() - t0;
  bytes += Buffer.byteLength(d.text);
  total.people += people.length;
  total.places += places.length;
  total.organisations += organisations.length;
  total.numbers += numbers.length;
  out.push(JSON.stringify({ id: d.id, people, places, organisations, numbers }));
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(
  JSON.stringify({ tool: 'compromise', docs: docs.length, bytes, analyze_s: Number(ns) / 1e9, ...total }) + '\n',
);
