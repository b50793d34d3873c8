#!/usr/bin/env node
// Mozilla's add-on linter (addons-linter, what addons.mozilla.org runs on upload) on the Firefox build, as a step
// of `npm test`. Any error fails, and so does any warning except the third-party ones below: each is matched by the
// bundled code it points at, and named in the README ("What Mozilla's add-on linter still says") with why it is
// safe. A listed warning that no longer appears fails too, so the README's list stays true.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BUILD = '.output/firefox-mv3';

/** The warnings that are not ours: `code` as the linter names it, `near` the bundled code at the spot it reports. */
const THIRD_PARTY = [
  { id: 'preact-dangerously-set-inner-html', code: 'UNSAFE_VAR_ASSIGNMENT', near: /\.innerHTML=\w+\.__html/ },
  { id: 'pdfjs-eval-feature-test', code: 'DANGEROUS_EVAL', near: /try\{(return )?(new )?Function\((``|"")\)/ },
  { id: 'pdfjs-postscript-compiler', code: 'DANGEROUS_EVAL', near: /new Function\("src","srcOffset","dest","destOffset"/ },
  { id: 'pdfjs-fake-worker-import', code: 'UNSAFE_VAR_ASSIGNMENT', near: /await import\(this\.workerSrc\)/ },
  { id: 'pdfjs-openjpeg-fallback-import', code: 'UNSAFE_VAR_ASSIGNMENT', near: /openjpeg_nowasm_fallback\.js`;let \w+=null;try\{\w+=\(await import\(/ },
  { id: 'underscore-global-this', code: 'DANGEROUS_EVAL', near: /\|\|Function\(`return this`\)\(\)/ },
  { id: 'underscore-template', code: 'DANGEROUS_EVAL', near: /Function\(\w+,`_`,\w+\)/ },
  { id: 'setimmediate-string-callback', code: 'DANGEROUS_EVAL', near: /setImmediate=function\(\w+\)\{typeof \w+!=`function`&&\(\w+=Function\(/ },
];

if (!fs.existsSync(path.join(BUILD, 'manifest.json'))) {
  console.error(`addons-lint: no Firefox build in ${BUILD}: run \`npx wxt build -b firefox --mv3\` first.`);
  process.exit(1);
}
const linter = spawnSync('npx', ['--no-install', 'addons-linter', '--output', 'json', BUILD], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(linter.stdout);
} catch {
  console.error(`addons-lint: addons-linter gave no report (exit ${linter.status})\n${linter.stderr}`);
  process.exit(1);
}

/** The bundled code around where a message points (its line, 300 characters either side of its column). */
function codeAt(message) {
  if (!message.file || !message.line) return '';
  const line = fs.readFileSync(path.join(BUILD, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = message.column ?? 0;
  return line.slice(Math.max(0, at - 300), at + 300);
}

const readme = fs.readFileSync('README.md', 'utf8');
const problems = [];
const seen = new Set();
let thirdParty = 0;
for (const error of report.errors) problems.push(`${error.code} ${error.file ?? ''}: ${error.message}`);
for (const warning of report.warnings) {
  const known = THIRD_PARTY.find((k) => k.code === warning.code && k.near.test(codeAt(warning)));
  if (known) {
    seen.add(known.id);
    thirdParty++;
  } else problems.push(`${warning.code} ${warning.file ?? ''}${warning.line ? `:${warning.line}:${warning.column}` : ''}: ${warning.message}`);
}
for (const known of THIRD_PARTY) {
  if (!seen.has(known.id)) problems.push(`${known.id}: no longer reported; take it out of scripts/addons-lint.mjs and the README`);
  else if (!readme.includes(`\`${known.id}\``)) problems.push(`${known.id}: the README does not say why it is safe`);
}

const { errors, warnings, notices } = report.summary;
console.log(`addons-linter: ${errors} errors, ${warnings} warnings (${thirdParty} from the third-party code the README names), ${notices} notices`);
// Notices are Mozilla's information, not a finding against the add-on: shown, not failed on.
for (const notice of report.notices) console.log(`- ${notice.code} ${notice.file ?? ''}: ${notice.message}`);
for (const problem of problems) console.log(`✖ ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
