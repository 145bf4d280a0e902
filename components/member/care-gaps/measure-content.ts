import { careGapsStrings, type MeasureContent } from "./strings";

/** Returns the plain-language text of a measure, or general text under the measure's own title. */
export function measureContent(measureId: string, measureTitle: string): MeasureContent {
  const measures: Readonly<Record<string, MeasureContent>> = careGapsStrings.measures;
  return Object.hasOwn(measures, measureId) ? (measures[measureId] ?? careGapsStrings.otherMeasure(measureTitle)) : careGapsStrings.otherMeasure(measureTitle);
}
