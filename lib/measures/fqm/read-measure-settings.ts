import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

/** Name of the optional settings file at the root of a measure bundle folder. */
export const measureSettingsFile = "lakeview-measure-settings.json";

const measureSettingsSchema = z
  .object({
    /** Improvement notation per Measure canonical URL, replacing what the content states. */
    improvementNotation: z.record(z.string(), z.enum(["increase", "decrease"])).default({}),
  })
  .strict();

/** Plan settings for the measures of one bundle folder. */
export type MeasureSettings = z.infer<typeof measureSettingsSchema>;

/**
 * Reads `lakeview-measure-settings.json` from the root of a bundle folder. A folder without one
 * gets empty settings. The file lets a plan correct a measure's improvement notation without
 * editing the published content, which NCQA's licence forbids. Throws when the file is not valid.
 */
export function readMeasureSettings(dir: string): MeasureSettings {
  const file = path.join(dir, measureSettingsFile);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return { improvementNotation: {} };

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it or remove it.`, { cause: error });
  }
  const result = measureSettingsSchema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new Error(`${file} is invalid (${problems}); it takes {"improvementNotation": {"<Measure url>": "increase" | "decrease"}}.`);
  }
  return result.data;
}
