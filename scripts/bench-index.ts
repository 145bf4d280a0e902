// Measures search indexing and validation cost per resource over the sample data (Synthea bundles
// and CARIN examples). Run `npx tsx scripts/bench-index.ts [rounds]` to print the median
// microseconds per resource of extractIndexRows, patientCompartmentsOf and assertValidResource.
import { assertValidResource } from "../lib/fhir/assert-valid-resource";
import { extractIndexRows } from "../lib/fhir/extract-index-rows";
import { patientCompartmentsOf } from "../lib/fhir/patient-compartments";
import { hasSampleData, readSampleResources, SAMPLE_DATA_DIR } from "../lib/fhir/read-sample-resources";

const rounds = Number(process.argv[2] ?? 5);
if (!hasSampleData()) {
  console.error(`Sample data not found in ${SAMPLE_DATA_DIR}. The benchmark reads its synthea and carin-bb folders.`);
  process.exit(1);
}
const resources = readSampleResources().map((sample) => sample.resource);

function measure(name: string, run: () => void): void {
  run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    times.push(((performance.now() - started) * 1000) / resources.length);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  console.log(`${name.padEnd(24)} ${median.toFixed(2)} µs/resource (median of ${rounds} rounds, ${resources.length} resources)`);
}

measure("extractIndexRows", () => {
  for (const resource of resources) extractIndexRows(resource);
});
measure("index + compartments", () => {
  for (const resource of resources) patientCompartmentsOf(resource, extractIndexRows(resource));
});
measure("assertValidResource", () => {
  for (const resource of resources) assertValidResource(resource);
});
