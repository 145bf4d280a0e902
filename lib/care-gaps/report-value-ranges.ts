/** Maximum length of a place name, in characters. */
export const maxPlaceLength = 100;
/** HbA1c values accepted, in percent; lab results outside this range are almost surely typing errors. */
export const hba1cRange = { min: 3, max: 20 } as const;
/** Systolic pressures accepted, in mm[Hg]. */
export const systolicRange = { min: 60, max: 260 } as const;
/** Diastolic pressures accepted, in mm[Hg]. */
export const diastolicRange = { min: 30, max: 160 } as const;
