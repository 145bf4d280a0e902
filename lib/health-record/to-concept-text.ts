import type { CodeableConcept, Coding } from "fhir/r4";

/** Short names of the code systems that clinical data uses, for codes that carry no display text. */
const codeSystemNames: Record<string, string> = {
  "http://snomed.info/sct": "SNOMED CT",
  "http://loinc.org": "LOINC",
  "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
  "http://hl7.org/fhir/sid/cvx": "CVX",
  "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
  "http://hl7.org/fhir/sid/icd-10": "ICD-10",
  "http://www.ama-assn.org/go/cpt": "CPT",
  "http://hl7.org/fhir/sid/ndc": "NDC",
  "http://unitsofmeasure.org": "UCUM",
};

/**
 * Returns the text to show for a code: CodeableConcept.text, else the first coding's display,
 * else the first code with its system's name ("SNOMED CT 44054006"). Returns null when the
 * concept has no text and no code.
 */
export function toConceptText(concept: CodeableConcept | undefined): string | null {
  const text = concept?.text?.trim();
  if (text) {
    return text;
  }
  const codings = concept?.coding ?? [];
  const display = codings.map((coding) => coding.display?.trim()).find((value) => value);
  if (display) {
    return display;
  }
  const coded = codings.find((coding) => coding.code?.trim());
  return coded ? toCodeWithSystem(coded) : null;
}

function toCodeWithSystem(coding: Coding): string {
  const code = coding.code?.trim() ?? "";
  const systemName = coding.system ? (codeSystemNames[coding.system] ?? coding.system) : null;
  return systemName ? `${systemName} ${code}` : code;
}

/** Returns the code of the first coding in `system`, or of the first coding when no system is given. */
export function findCode(concept: CodeableConcept | undefined, system?: string): string | null {
  const coding = concept?.coding?.find((candidate) => system === undefined || candidate.system === system);
  return coding?.code ?? null;
}
