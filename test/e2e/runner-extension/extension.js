// Installed by test/e2e/host.ts into code-server's extensions folder, with run.json beside
// it: { "suite": "<abs>/index.cjs", "results": "<abs>/results.json" }. On activation it
// runs the suite (test/vscode/suite) in this extension host and writes the result to a
// temporary name first, so the harness never reads half a file.
const fs = require('node:fs');
const path = require('node:path');

let started = false;

exports.activate = function activate() {
  if (started) return;
  started = true;
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'run.json'), 'utf8'));
  const write = (result) => {
    fs.writeFileSync(`${config.results}.tmp`, JSON.stringify(result, null, 2));
    fs.renameSync(`${config.results}.tmp`, config.results);
  };
  // Not awaited: activation returns at once and the suite runs beside the workbench.
  Promise.resolve()
    .then(() => require(config.suite).runSuite())
    .then(write, (error) => write({ passed: 0, failed: 1, tests: [], error: String((error && error.stack) || error) }));
};

exports.deactivate = function deactivate() {};
