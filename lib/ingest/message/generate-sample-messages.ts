/**
 * Generates synthetic HL7 v2 messages for benchmarks: alternately an ADT^A01 and an ORU^R01 with
 * five results, each with its own control id, patient and order, so none is a re-run of another.
 * Numbering starts at `first`, so that several calls give different messages.
 */
export function generateHl7Messages(count: number, first = 0): string {
  const messages: string[] = [];
  for (let index = first; index < first + count; index++) {
    const msh = `MSH|^~\\&|BENCH|BENCHFAC|LAKEVIEW|PLAN|20260304120000-0500||${index % 2 === 0 ? "ADT^A01" : "ORU^R01"}|B${index}|P|2.5.1`;
    const pid = `PID|1||MRN${index}^^^BENCHFAC&2.16.840.1.113883.19.5&ISO^MR||Sample${index}^Pat^Q||19700101|F|||1 Main St^^Springfield^IL^62701`;
    if (index % 2 === 0) {
      messages.push([msh, "EVN|A01|20260304120000", pid, `PV1|1|I|WARD^101^A^BENCHFAC||||||||||||||||V${index}^^^BENCHFAC^VN|||||||||||||||||||||||||20260304110000`].join("\r"));
      continue;
    }
    const results = ["2345-7^Glucose^LN||98|mg/dL|70-99", "2160-0^Creatinine^LN||1.1|mg/dL|0.6-1.3", "2951-2^Sodium^LN||140|mmol/L|135-145", "2823-3^Potassium^LN||4.2|mmol/L|3.5-5.1", "17861-6^Calcium^LN||9.6|mg/dL|8.6-10.3"];
    const obx = results.map((result, position) => `OBX|${position + 1}|NM|${result}|N|||F|||20260304100000`);
    messages.push([msh, pid, `OBR|1||FILL${index}^BENCHLAB|24323-8^Metabolic panel^LN|||20260304100000||||||||||||||||||F`, ...obx].join("\r"));
  }
  return messages.join("\n");
}

/** Generates one synthetic X12 837P interchange with one claim per transaction set, each for its own member, numbered from `first`. */
export function generateX12Claims(count: number, first = 0): string {
  const lines = ["ISA*00*          *00*          *ZZ*BENCHSENDER    *ZZ*LAKEVIEW       *260304*1200*^*00501*000000001*0*T*:~", "GS*HC*BENCHSENDER*LAKEVIEW*20260304*1200*1*X*005010X222A2~"];
  for (let index = first; index < first + count; index++) {
    const control = String(index - first + 1).padStart(4, "0");
    const body = [
      `ST*837*${control}*005010X222A2~`,
      `BHT*0019*00*${index}*20260304*1200*CH~`,
      "HL*1**20*1~",
      "NM1*85*2*BENCH CLINIC*****XX*1234567893~",
      "N3*1 CLINIC WAY~",
      "N4*SPRINGFIELD*IL*62701~",
      "REF*EI*123456789~",
      "HL*2*1*22*0~",
      "SBR*P*18*GRP1******CI~",
      `NM1*IL*1*SAMPLE${index}*PAT****MI*M${index}~`,
      "DMG*D8*19700101*F~",
      "NM1*PR*2*BENCH PLAN*****PI*PAYER1~",
      `CLM*BENCH${index}*125.00***11:B:1*Y*A*Y*I~`,
      "HI*ABK:E119*ABF:I10~",
      "LX*1~",
      "SV1*HC:99213*100.00*UN*1***1:2~",
      "DTP*472*D8*20260301~",
      "LX*2~",
      "SV1*HC:82947*25.00*UN*1***1~",
      "DTP*472*D8*20260301~",
    ];
    lines.push(...body, `SE*${body.length + 1}*${control}~`);
  }
  lines.push(`GE*${count}*1~`, "IEA*1*000000001~");
  return lines.join("\n");
}
