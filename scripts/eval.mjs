#!/usr/bin/env node
// `npm run eval`: the checker on the shared labelled corpus (../shared, a team checkout), real.jsonl and dev.jsonl
// each on its own line, then together, with every error listed; then the same with the compromise reader switched
// off, to show what the reader earns. Exits non-zero when a bar is missed (issue 10): real flag F1 >= 0.90 with
// false alarms <= 0.10 and missing-parts F1 >= 0.85; dev F1 >= 0.95; the reader raising real F1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const score = '../shared/eval/score.mjs';
if (!fs.existsSync(score)) {
  console.error('npm run eval needs ../shared (a team checkout); npm test does not.');
  process.exit(2);
}
const run = (args) => {
  const r = spawnSync('node', [score, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status === 2) {
    process.stdout.write(r.stdout + r.stderr);
    process.exit(2);
  }
  return r.stdout;
};
const figures = (out, file) => {
  const line = out.split('\n').find((l) => l.includes(`file=${file}`)) ?? '';
  const num = (k) => Number(new RegExp(`${k}=([\\d.]+)`).exec(line)?.[1] ?? NaN);
  return { f1: num('F1'), fa: num('false-alarm-rate') };
};
const withReader = run(['--errors']);
process.stdout.write(withReader);
const elements = Number(/missing-parts F1=([\d.]+)/.exec(withReader)?.[1] ?? NaN);
const off = run(['--cmd', 'npm run --silent check -- --jsonl --no-reader']);
const real = figures(withReader, 'real.jsonl');
const dev = figures(withReader, 'dev.jsonl');
const realOff = figures(off, 'real.jsonl');
console.log(`\nwithout the compromise reader: real.jsonl F1=${realOff.f1.toFixed(3)} false-alarm-rate=${realOff.fa.toFixed(3)} (with it: F1=${real.f1.toFixed(3)} false-alarm-rate=${real.fa.toFixed(3)})`);
const bars = [
  ['real.jsonl flag F1 >= 0.90', real.f1 >= 0.9],
  ['real.jsonl false-alarm rate <= 0.10', real.fa <= 0.1],
  ['missing-parts F1 >= 0.85', elements >= 0.85],
  ['dev.jsonl flag F1 >= 0.95', dev.f1 >= 0.95],
  ['the reader raises real.jsonl F1', real.f1 > realOff.f1],
];
for (const [bar, ok] of bars) console.log(`${ok ? 'PASS' : 'FAIL'}  ${bar}`);
process.exit(bars.every(([, ok]) => ok) ? 0 : 1);
