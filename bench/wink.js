// wink.js - the wink-nlp peer of the sentence benchmark (bash bench/run.sh).
// Usage: node wink.js FILE > OUT
// Reads FILE, splits it into sentences with wink-nlp and its English lite
// model, writes one sentence per line (white space runs become one space, like
// `parallax sentences`), and prints {"tool","split_s","sentences"} as one JSON
// line on standard error, where split_s is the in-process time of the split
// alone (readDoc + sentences().out()).
//
// The pipe is ['sbd'] only: tokenisation (always done) and sentence boundary
// detection, without the POS tagger, NER, negation and sentiment of the
// default pipe, which a sentence splitter does not need. Set WINK_PIPE=full
// to time the default pipe instead. The model is loaded before the timer.
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node wink.js FILE\n');
  process.exit(2);
}
const nlp = process.env.WINK_PIPE === 'full' ? winkNLP(model) : winkNLP(model, ['sbd']);
const text = fs.readFileSync(file, 'utf8');

const t0 = process.hrtime.bigint();
const sentences = nlp.readDoc(text).sentences().out();
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
process.stderr.write(JSON.stringify({ tool: 'wink-nlp', split_s: Number(t1 - t0) / 1e9, sentences: n }) + '\n');
