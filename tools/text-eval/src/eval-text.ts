// `npm run eval:text [-- --set test|dev|demo|corpus-dev|reviews|all] [--errors]`: scores language
// detection, sentiment, aspects and reason inference per language and prints Markdown tables;
// `corpus-dev` compares rules, trained model and ensemble on the corpus's dev split;
// `reviews` compares the rules alone with the ensemble on the hand-written shop reviews.
import { parseArgs } from 'node:util';
import { loadTextModels } from '@returnlens/shared/text';
import { evaluateCorpusDev } from './corpus-dev';
import { evaluateReviews } from './reviews';
import { DATASETS } from './datasets';
import { evaluate, formatEvaluation } from './evaluate';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'test,demo,corpus-dev' },
    errors: { type: 'boolean', default: false },
  },
});
const names =
  values.set === 'all'
    ? [...Object.keys(DATASETS), 'corpus-dev', 'reviews']
    : (values.set ?? 'test').split(',').map((n) => n.trim());

async function main() {
  await loadTextModels().catch((error: unknown) => console.error(`Rules only: ${String(error)}`));
  for (const name of names) {
    if (name === 'corpus-dev') {
      console.log(evaluateCorpusDev(), '\n');
      continue;
    }
    if (name === 'reviews') {
      console.log(evaluateReviews(), '\n');
      continue;
    }
    report(name);
  }
}

function report(name: string) {
  const dataset = DATASETS[name];
  if (!dataset) {
    console.error(
      `Unknown set "${name}"; use ${Object.keys(DATASETS).join(', ')}, corpus-dev, reviews or all.`,
    );
    process.exit(2);
  }
  const result = evaluate(dataset);
  console.log(formatEvaluation(result));
  if (values.errors) {
    console.log(`\nErrors (${result.errors.length}):`);
    for (const line of result.errors) console.log(`  ${line}`);
  }
  console.log('');
}

void main();
