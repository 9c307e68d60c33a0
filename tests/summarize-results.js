// Sums the jest JSON results of the test command and prints the closing line
// "N passed, N failed" (a suite whose jest wrote no results, marked `<name>.unreported`, counts as 1
// failed); exits non-zero when a test or a step (named in argv) failed.
const fs = require('fs');
const path = require('path');

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  // a suite that failed to run (e.g. an import error) has no failed test of its own: count it as one
  const brokenSuites = result.numRuntimeErrorTestSuites ?? 0;
  passed += result.numPassedTests;
  failed += result.numFailedTests + brokenSuites;
  const broken = brokenSuites > 0 ? `, ${brokenSuites} suites failed to run` : '';
  console.log(
    `${path.basename(file, '.json')}: ${result.numPassedTests} passed, ${result.numFailedTests} failed${broken}`
  );
}
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.unreported'))) {
  failed += 1;
  console.log(
    `${path.basename(file, '.unreported')}: jest wrote no results (counted as 1 failed; see its output above)`
  );
}
if (failedSteps.length > 0) {
  console.log(`Failed steps: ${failedSteps.join(', ')}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps.length > 0 || passed === 0 ? 1 : 0);
