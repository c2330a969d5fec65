// `npm run eval:text [-- --set test|dev|demo|all] [--errors]`: scores language detection,
// sentiment, aspects and reason inference per language and prints Markdown tables.
import { parseArgs } from 'node:util';
import { DATASETS } from './datasets';
import { evaluate, formatEvaluation } from './evaluate';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'test,demo' },
    errors: { type: 'boolean', default: false },
  },
});
const names = values.set === 'all' ? Object.keys(DATASETS) : (values.set ?? 'test').split(',');
for (const name of names) {
  const dataset = DATASETS[name.trim()];
  if (!dataset) {
    console.error(`Unknown set "${name}"; use ${Object.keys(DATASETS).join(', ')} or all.`);
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
