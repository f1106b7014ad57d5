// wink-nlp on the bench corpus, for comparison: the full English pipeline
// (readDoc), then entities, sentences and tokens read out; one core.
//   NODE_PATH=<dir>/node_modules node bench/wink.js CORPUS.jsonl
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length);
const texts = [];
let bytes = 0;
for (const l of lines) {
  try {
    const r = JSON.parse(l);
    if (typeof r.text === 'string') { texts.push(r.text); bytes += Buffer.byteLength(r.text); }
  } catch (e) { /* not a record */ }
}
const t0 = process.hrtime.bigint();
let ents = 0, sents = 0, toks = 0;
for (const t of texts) {
  const doc = nlp.readDoc(t);
  ents += doc.entities().out(its.detail).length;
  sents += doc.sentences().length();
  toks += doc.tokens().length();
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
const mem = process.memoryUsage().rss / 1048576;
console.log(`wink-nlp full pipeline: ${(bytes / 1e6 / s).toFixed(2)} MB/s, ${(texts.length / s).toFixed(0)} articles/s, ` +
  `${(s * 1e9 / toks).toFixed(0)} ns/token (${toks} tokens, ${sents} sentences, ${ents} entities, ${s.toFixed(2)} s), RSS ${mem.toFixed(0)} MiB`);
console.log(`WINK_MBS=${(bytes / 1e6 / s).toFixed(3)}`);
