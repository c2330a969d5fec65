// `npm run bench:text`: texts analysed per second on this machine, one core, and the cost of
// 10 000 texts. Texts: every labelled example of every set (reviews and claim texts in
// en, ru, pl, he, pt, de and neighbours), cycled.
//
//   BENCH_SECONDS=5 BENCH_VCPU_HOUR_USD=0.04 npm run bench:text
import { performance } from 'node:perf_hooks';
import {
  analyzeFeedback,
  inferReason,
  loadTextModels,
  textModelsLoaded,
} from '@returnlens/shared/text';
import { DATASETS, EVAL_LANGUAGES } from './datasets';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
/** An assumed on-demand price of one vCPU-hour, only to turn seconds into money. */
const VCPU_HOUR_USD = Number(process.env['BENCH_VCPU_HOUR_USD'] ?? 0.04);

const texts: string[] = [];
for (const dataset of Object.values(DATASETS)) {
  for (const language of EVAL_LANGUAGES) {
    const fixtures = dataset.languages[language];
    texts.push(...fixtures.sentiment.map((e) => e[1]), ...fixtures.reasons.map((e) => e[1]));
  }
  texts.push(...dataset.languageOnly.map((e) => e[1]));
}
const meanChars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;

async function main() {
  const loadStart = performance.now();
  await loadTextModels().catch((error: unknown) => console.error(`Rules only: ${String(error)}`));
  console.log(
    `Trained models ${textModelsLoaded() ? 'loaded' : 'NOT loaded'} in ${(performance.now() - loadStart).toFixed(0)} ms (analyzeFeedback = ensemble where a model reads the language).`,
  );
  const t0 = performance.now();
  analyzeFeedback(texts[0]);
  inferReason(texts[0]);
  const coldMs = performance.now() - t0;

  console.log(
    `${texts.length} distinct texts (mean ${meanChars.toFixed(0)} characters), ${SECONDS} s per row, one core (Node ${process.version}).`,
  );
  console.log(
    `First call (compiles the lexicons, first tinyld lookup): ${coldMs.toFixed(0)} ms.\n`,
  );
  console.log('| work | texts/s | ms/text | CPU-s per 10k texts | USD per 10k texts |');
  console.log('|---|---|---|---|---|');
  run('analyzeFeedback (language, sentiment, aspects)', (t) => analyzeFeedback(t));
  run('inferReason (language, reason)', (t) => inferReason(t));
  run('both (a claim text and a review)', (t) => {
    analyzeFeedback(t);
    inferReason(t);
  });
  console.log(`\nUSD assumes $${VCPU_HOUR_USD} per vCPU-hour (set BENCH_VCPU_HOUR_USD).`);
}

function run(name: string, fn: (text: string) => unknown) {
  for (let i = 0; i < 500; i++) fn(texts[i % texts.length]); // warm-up
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let n = 0;
  while (performance.now() - started < SECONDS * 1000) {
    for (let i = 0; i < 100; i++) fn(texts[n++ % texts.length]);
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perSecond = n / wall;
  const cpuPer10k = (cpuSeconds / n) * 10_000;
  console.log(
    `| ${name} | ${Math.round(perSecond).toLocaleString('en')} | ${(1000 / perSecond).toFixed(3)} | ${cpuPer10k.toFixed(2)} | $${((cpuPer10k / 3600) * VCPU_HOUR_USD).toFixed(6)} |`,
  );
  return perSecond;
}

void main();
