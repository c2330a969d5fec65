// Appends each Jest run's totals to the file named by RETURNLENS_TEST_SUMMARY, so
// `npm test` can print one closing line over every suite (unit, API, browser).
const { appendFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.RETURNLENS_TEST_SUMMARY;
    if (!file) return;
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + (results.numRuntimeErrorTestSuites ?? 0),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
}

module.exports = SummaryReporter;
