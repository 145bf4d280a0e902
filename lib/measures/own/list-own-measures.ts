import type { OwnMeasureDefinition } from "../own-measure-definition";
import { breastCancerScreening } from "./breast-cancer-screening";
import { colorectalCancerScreening } from "./colorectal-cancer-screening";
import { cervicalCancerScreening } from "./cervical-cancer-screening";
import { controllingBloodPressure } from "./controlling-blood-pressure";
import { diabetesEyeExam } from "./diabetes-eye-exam";
import { hba1cPoorControl } from "./hba1c-poor-control";
import { influenzaImmunization } from "./influenza-immunization";

/** Lakeview's own measures, in CMS number order. */
export function listOwnMeasures(): readonly OwnMeasureDefinition[] {
  return [breastCancerScreening, colorectalCancerScreening, hba1cPoorControl, controllingBloodPressure, diabetesEyeExam, cervicalCancerScreening, influenzaImmunization];
}
