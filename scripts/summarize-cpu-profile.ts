// Summarizes a V8 .cpuprofile (from `node --cpu-prof`) by self time per function and per file,
// and by total time (self plus callees) per function.
//
//   npx tsx scripts/summarize-cpu-profile.ts PROFILE [--top N] [--within NAME] [--after NAME]
//
// --within NAME counts only samples taken while a function called NAME was on the stack, such
// as importPaths, so that start-up work falls outside. --after NAME counts only samples taken
// after the first sample with NAME on the stack (async work resumed from the event loop has no
// caller on the stack, so this is the way to keep it). Times are in milliseconds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "40" }, within: { type: "string" }, after: { type: "string" } },
});
const file = positionals[0];
if (!file) throw new Error("Name a .cpuprofile file.");
const top = Number(values.top);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map<number, ProfileNode>();
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const child of node.children ?? []) parentOf.set(child, node.id);
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${shortFile(url)}:${lineNumber + 1}`;
}

function shortFile(url: string): string {
  if (url === "") return "(native)";
  const plain = url.replace(/^file:\/\//, "").replace(/\?.*$/, "");
  const modules = plain.lastIndexOf("node_modules/");
  if (modules >= 0) return plain.slice(modules + "node_modules/".length);
  return path.relative(process.cwd(), plain);
}

function stackOf(id: number): ProfileNode[] {
  const stack: ProfileNode[] = [];
  for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
    const node = byId.get(current);
    if (node) stack.push(node);
  }
  return stack;
}

const selfByFunction = new Map<string, number>();
const selfByFile = new Map<string, number>();
const totalByFunction = new Map<string, number>();
let counted = 0;
let all = 0;
let started = values.after === undefined;

profile.samples.forEach((sample, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  all += ms;
  const stack = stackOf(sample);
  if (!started && stack.some((node) => node.callFrame.functionName === values.after)) started = true;
  if (!started) return;
  if (values.within && !stack.some((node) => node.callFrame.functionName === values.within)) return;
  const leaf = stack[0];
  if (!leaf || leaf.callFrame.functionName === "(idle)") return;
  counted += ms;
  add(selfByFunction, label(leaf), ms);
  add(selfByFile, shortFile(leaf.callFrame.url), ms);
  for (const name of new Set(stack.map(label))) add(totalByFunction, name, ms);
});

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function print(title: string, map: Map<string, number>): void {
  console.log(`\n${title}`);
  const sorted = [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, ms] of sorted) console.log(`${ms.toFixed(1).padStart(9)}  ${key}`);
}

console.log(`Profile ${path.basename(file)}: ${all.toFixed(0)} ms sampled, ${counted.toFixed(0)} ms counted (idle left out).`);
print("Self time by function", selfByFunction);
print("Self time by file", selfByFile);
print("Total time by function", totalByFunction);
