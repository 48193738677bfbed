// sbd.js - the sbd peer of the sentence benchmark (bash bench/run.sh).
// Usage: node sbd.js FILE > OUT
// Reads FILE, splits it into sentences, writes one sentence per line (white
// space runs become one space, like `parallax sentences`), and prints
// {"tool","split_s","sentences"} as one JSON line on standard error, where
// split_s is the in-process time of the split alone.
//
// sbd does not end a sentence at a blank line (parallax and wink-nlp do), so
// the text is cut into paragraphs at blank lines first and each paragraph is
// split by sbd with its default options; that cut is timed as part of the split.
'use strict';
const fs = require('fs');
const sbd = require('sbd');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node sbd.js FILE\n');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');

const t0 = process.hrtime.bigint();
const sentences = [];
for (const para of text.split(/\n[ \t\r\f\v]*\n/)) {
  if (!/\S/.test(para)) continue;
  for (const s of sbd.sentences(para)) sentences.push(s);
}
const t1 = process.hrtime.bigint();

let out = '';
let n = 0;
for (const s of sentences) {
  const line = s.replace(/\s+/g, ' ').trim();
  if (!line) continue;
  out += line + '\n';
  n++;
}
process.stdout.write(out);
process.stderr.write(JSON.stringify({ tool: 'sbd', split_s: Number(t1 - t0) / 1e9, sentences: n }) + '\n');
