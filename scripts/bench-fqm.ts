// `npm run bench:fqm`: the time fqm-execution takes per patient per measure. For each of the six
// qicore-2024 sample measures it times creating the evaluator and the first evaluation, which
// prepares the measure's ELM, code service and CQL repository. Then it times every case of the
// measure's qicore-2025 deck for --rounds rounds (warm calls). It prints one JSON line per
// measure plus the machine's load. Each call is timed by the wall clock and by the process's CPU
// time (user plus system, all threads), which other jobs on a shared machine disturb less. It reads the sample measures and decks in ../shared/data.
//
//   npm run bench:fqm -- [--rounds N] [--measure CMS125]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import type { Bundle } from "fhir/r4";

import { createFqmMeasureEvaluator } from "@/lib/measures/fqm/create-fqm-measure-evaluator";
import { loadMeasureBundles } from "@/lib/measures/fqm/load-measure-bundles";
import { measureSuiteSkipReason, sampleMeasureBundleDir } from "@/lib/measures/test-cases/measure-suite-skip-reason";
import { readQicoreTestCases, type MeasureTestCase } from "@/lib/measures/test-cases/read-qicore-test-cases";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    measure: { type: "string" },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds "${values.rounds}" is not a whole number of 1 or more; pass one, such as --rounds 3.`);
  process.exit(2);
}

const skipReason = measureSuiteSkipReason();
if (skipReason) {
  console.error(`Cannot benchmark: ${skipReason}.`);
  process.exit(2);
}

const loadStart = performance.now();
const bundles = loadMeasureBundles(sampleMeasureBundleDir);
console.log(JSON.stringify({ step: "loadMeasureBundles", measures: bundles.length, ms: round(performance.now() - loadStart) }));

const cases = readQicoreTestCases(values.measure);
const measureUrls = [...new Set(cases.map((testCase) => testCase.measureUrl))];
for (const measureUrl of measureUrls) {
  const deck = cases.filter((testCase) => testCase.measureUrl === measureUrl);
  const bundle = bundles.find(({ measure }) => measure.url === measureUrl)?.bundle;
  if (!bundle) throw new Error(`No sample measure bundle has the url ${measureUrl}.`);
  console.log(JSON.stringify(await benchMeasure(bundle, deck)));
}
console.log(JSON.stringify({ cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage1m: round(loadavg()[0] ?? 0), node: process.version }));

async function benchMeasure(bundle: Bundle, deck: MeasureTestCase[]): Promise<Record<string, unknown>> {
  const createStart = performance.now();
  const evaluator = createFqmMeasureEvaluator(bundle);
  const createMs = performance.now() - createStart;

  const [first, ...rest] = deck.map((testCase) => ({ data: toPatientBundle(testCase), period: testCase.period }));
  if (!first) throw new Error("A measure deck has no cases.");
  const firstCall = await timeCall(() => evaluator.evaluate(first.data, first.period));

  const warm: { wallMs: number; cpuMs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { data, period } of round === 0 ? rest : [first, ...rest]) {
      warm.push(await timeCall(() => evaluator.evaluate(data, period)));
    }
  }
  const warmWall = warm.map((call) => call.wallMs);
  const warmCpu = warm.map((call) => call.cpuMs);

  return {
    measure: deck[0]?.measureKey,
    cases: deck.length,
    createEvaluatorMs: round(createMs),
    firstCallMs: round(firstCall.wallMs),
    firstCallCpuMs: round(firstCall.cpuMs),
    warmCalls: warm.length,
    warmMedianMs: round(percentile(warmWall, 0.5)),
    warmP95Ms: round(percentile(warmWall, 0.95)),
    warmCpuMedianMs: round(percentile(warmCpu, 0.5)),
    warmCpuP95Ms: round(percentile(warmCpu, 0.95)),
  };
}

async function timeCall(call: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await call();
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs: performance.now() - wallStart, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function toPatientBundle(testCase: MeasureTestCase): Bundle {
  return { resourceType: "Bundle", type: "collection", entry: testCase.resources.map((resource) => ({ resource })) };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
