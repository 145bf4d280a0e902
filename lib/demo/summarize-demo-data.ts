import type { DemoData } from "./generate-demo-data";

/** Counts resources per resource type, sorted by type name, for CLI and seed output. */
export function summarizeDemoData(data: DemoData): Record<string, number> {
  const counts = new Map<string, number>();
  for (const resource of data.resources) {
    counts.set(resource.resourceType, (counts.get(resource.resourceType) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}
