/**
 * Policy matching at the scale of Guangdong (issue 12): BENCH_ENTERPRISES (default 8,000,000)
 * generated enterprises and BENCH_POLICIES (default 1,000) policies of 2–8 conditions with nested
 * any/not. Prints the load time of the columns from a binary snapshot, the full re-match, the
 * number of matches, one enterprise against every policy (p50/p99), one policy against every
 * enterprise, resident memory, and json-rules-engine on a BENCH_JRE_SAMPLE (default 10,000)
 * sample with the ratio per enterprise. Verifies that every method agrees, and exits non-zero
 * otherwise: on the sample, the plain evaluator, the row-wise path, the bitsets and
 * json-rules-engine; on the whole province, each one-policy re-match against the full re-match.
 *
 *   node --max-old-space-size=3000 --import tsx bench/policies/run.ts   (BENCH_ENTERPRISES=1000000 for a quick run)
 *
 * A policy re-matched after the full re-match reuses the bitsets of the numeric bounds it made
 * (kept while the columns change only through re-matched enterprises, as in the server).
 *
 * Loading from PostgreSQL is not measured here (see the report): the snapshot is what a process
 * loads at start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasBit } from '../../server/src/modules/policies/matcher/bitset.ts';
import { Columns } from '../../server/src/modules/policies/matcher/columns.ts';
import { Matcher } from '../../server/src/modules/policies/matcher/matcher.ts';
import { readSnapshot, writeSnapshot } from '../../server/src/modules/policies/matcher/snapshot.ts';
import { evaluateRule } from '../../server/src/modules/policies/rules/evaluate.ts';
import { pct, progress } from '../lib/measure.ts';
import { enterpriseGenerator, generatePolicies, random } from './generate.ts';
import { factsOf, jreEngine } from './jre.ts';

const N = Number(process.env.BENCH_ENTERPRISES ?? 8_000_000);
const P = Number(process.env.BENCH_POLICIES ?? 1000);
const SAMPLE = Number(process.env.BENCH_JRE_SAMPLE ?? 10_000);
const TODAY = '2026-12-01';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const problems: string[] = [];

progress(`generate ${N.toLocaleString()} enterprises`);
{
  const next = enterpriseGenerator(42);
  const columns = new Columns(N);
  for (let i = 0; i < N; i++) columns.append(next());
  const file = path.join(os.tmpdir(), `banshi-policies-bench-${process.pid}.bin`);
  writeSnapshot(columns, file);
  process.env.BENCH_SNAPSHOT = file;
}
global.gc?.();

const file = process.env.BENCH_SNAPSHOT!;
const loadStart = performance.now();
const columns = readSnapshot(file);
const loadMs = performance.now() - loadStart;
const snapshotBytes = fs.statSync(file).size;
fs.rmSync(file);

const rules = generatePolicies(P, 7).map((rule, i) => ({ id: `p${i}`, rule }));
const matcher = new Matcher(columns, () => TODAY);
progress(`full re-match: ${P} policies × ${N.toLocaleString()} enterprises`);
const compileStart = performance.now();
matcher.addPolicies(rules);
const compileMs = performance.now() - compileStart;
const fullStart = performance.now();
const total = matcher.rematchAll();
const fullMs = performance.now() - fullStart;

progress('one enterprise against every policy');
const r = random(99);
const sample = Array.from({ length: SAMPLE }, () => r.int(0, N - 1));
const oneTimes: number[] = [];
// warm up: the generated condition and policy functions reach the optimizing compiler only after
// some thousands of calls, as they do within minutes in a running server
const WARM_UP = 30_000;
for (let i = 0; i < WARM_UP; i++) matcher.policiesOfSlot(r.int(0, N - 1));
const rowWise = new Map<number, string[]>();
for (const slot of sample) {
  const t0 = performance.now();
  const got = matcher.policiesOfSlot(slot);
  oneTimes.push(performance.now() - t0);
  rowWise.set(slot, got);
}
oneTimes.sort((a, b) => a - b);

progress('one policy against every enterprise');
const policyTimes: number[] = [];
for (const { id, rule } of rules.slice(0, 30)) {
  const before = matcher.matchesOf(id)!.slice();
  const t0 = performance.now();
  matcher.setPolicy(id, rule);
  policyTimes.push(performance.now() - t0);
  const after = matcher.matchesOf(id)!;
  for (let w = 0; w < before.length; w++) if (before[w] !== after[w]) { problems.push(`policy ${id}: one-policy re-match differs from the full re-match at word ${w}`); break; }
}
policyTimes.sort((a, b) => a - b);
const rss = process.memoryUsage().rss;

progress(`verify on ${SAMPLE.toLocaleString()} enterprises: plain evaluator, row-wise, bitsets`);
const attributes = sample.map((slot) => columns.attributes(slot));
sample.forEach((slot, k) => {
  const plain = rules.filter((p) => evaluateRule(p.rule, attributes[k]!, TODAY)).map((p) => p.id);
  const bits = rules.filter((p) => hasBit(matcher.matchesOf(p.id)!, slot)).map((p) => p.id);
  const rows = rowWise.get(slot)!;
  if (plain.join() !== bits.join() || plain.join() !== rows.join()) problems.push(`enterprise slot ${slot}: plain ${plain.length}, bitsets ${bits.length}, row-wise ${rows.length}`);
});

progress(`json-rules-engine on ${SAMPLE.toLocaleString()} enterprises`);
const engine = jreEngine(rules);
const jreStart = performance.now();
const jreResults: string[][] = [];
for (const e of attributes) {
  const { events } = await engine.run(factsOf(e, TODAY));
  jreResults.push(events.map((ev) => ev.type).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
}
const jreMs = performance.now() - jreStart;
sample.forEach((slot, k) => {
  if (jreResults[k]!.join() !== rowWise.get(slot)!.join()) problems.push(`enterprise slot ${slot}: json-rules-engine ${jreResults[k]!.length}, matcher ${rowWise.get(slot)!.length}`);
});

const perEnterpriseMatcherUs = (fullMs * 1000) / N;
const perEnterpriseJreUs = (jreMs * 1000) / SAMPLE;
console.log(`policies bench: ${N.toLocaleString()} enterprises, ${P} policies (${matcher.conditionCount} distinct conditions), ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''}), node ${process.version}`);
console.log(`load into the matcher (binary snapshot, ${mb(snapshotBytes)}): ${(loadMs / 1000).toFixed(2)} s`);
console.log(`compile ${P} policies: ${compileMs.toFixed(1)} ms`);
console.log(`full re-match: ${(fullMs / 1000).toFixed(2)} s (target ≤ 15 s)`);
console.log(`matches: ${total.toLocaleString()}`);
console.log(`one enterprise against ${P} policies: p50 ${(pct(oneTimes, 0.5) * 1000).toFixed(1)} µs, p99 ${(pct(oneTimes, 0.99) * 1000).toFixed(1)} µs after ${WARM_UP.toLocaleString()} warm-up calls (target ≤ 50 µs)`);
console.log(`one policy against ${N.toLocaleString()} enterprises: p50 ${pct(policyTimes, 0.5).toFixed(1)} ms, max ${policyTimes.at(-1)!.toFixed(1)} ms over ${policyTimes.length} policies (target ≤ 100 ms)`);
console.log(`resident memory: ${mb(rss)} (target ≤ 4 GB)`);
console.log(`json-rules-engine on ${SAMPLE.toLocaleString()} enterprises: ${(jreMs / 1000).toFixed(1)} s = ${perEnterpriseJreUs.toFixed(0)} µs per enterprise; matcher ${perEnterpriseMatcherUs.toFixed(3)} µs per enterprise (full re-match / N): ${Math.round(perEnterpriseJreUs / perEnterpriseMatcherUs).toLocaleString()}× (target ≥ 3,000×)`);
if (problems.length > 0) {
  console.log(`DISAGREEMENT (${problems.length}):\n${problems.slice(0, 20).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`agreement: plain evaluator, row-wise, bitsets and json-rules-engine agree on ${SAMPLE.toLocaleString()} enterprises × ${P} policies; ${policyTimes.length} one-policy re-matches equal the full re-match on all ${N.toLocaleString()}`);
}
