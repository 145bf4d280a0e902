import { createHomeContact, createPhoneNumber } from "./create-address";
import type { DemoClock } from "./create-demo-clock";
import type { Prng } from "./create-prng";
import { createPrng, deriveSeed } from "./create-prng";
import { demoId } from "./demo-id";
import type { DemoFamily, DemoMember, LanguageKind } from "./demo-member";
import { drawClinicalProfile } from "./draw-clinical-profile";
import type { FamilySpec, MemberSpec } from "./featured-families";
import { featuredFamilies } from "./featured-families";
import { pickFamilyName, pickGivenNames } from "./person-names";
import { employerGroups, planOptions } from "./plan-benefits";

/**
 * Plans families until exactly `memberCount` members exist; the last family is cut short when
 * needed. Each family draws from its own seed stream, so family n is the same for every count
 * large enough to include it.
 */
export function planFamilies(seed: number, memberCount: number, clock: DemoClock): DemoFamily[] {
  const families: DemoFamily[] = [];
  let nextIndex = 1;

  for (let familyIndex = 0; nextIndex <= memberCount; familyIndex++) {
    const prng = createPrng(deriveSeed(seed, "family", familyIndex));
    const spec = featuredFamilies[familyIndex] ?? drawFamilySpec(prng);
    const specs = spec.members.slice(0, memberCount - nextIndex + 1);

    families.push(buildFamily(prng, familyIndex, spec.planCode, specs, nextIndex, clock));
    nextIndex += specs.length;
  }
  return families;
}

function buildFamily(
  prng: Prng,
  familyIndex: number,
  planCode: string | null,
  specs: readonly MemberSpec[],
  firstIndex: number,
  clock: DemoClock,
): DemoFamily {
  const home = createHomeContact(prng);
  const subscriberId = `LV${100_000_000 + familyIndex * 17 + prng.int(0, 16)}`;
  const familyName = pickFamilyName(prng);
  const language = drawLanguage(prng);

  const members = specs.map((spec, position): DemoMember => {
    const index = firstIndex + position;
    const dependentNumber = String(position + 1).padStart(2, "0");
    const name = {
      given: pickGivenNames(prng, spec.gender),
      family: spec.relationship === "spouse" && prng.chance(0.3) ? pickFamilyName(prng) : familyName,
    };
    const adult = spec.age >= 18;
    return {
      index,
      patientId: demoId("pat", index),
      relationship: spec.relationship,
      dependentNumber,
      memberId: `${subscriberId}-${dependentNumber}`,
      name,
      gender: spec.gender,
      // At least 90 days old, so even the youngest member has room for visits before lastDay.
      birthDay: clock.lastDay - Math.floor(spec.age * 365.25) - prng.int(90, 360),
      language,
      email: spec.age >= 13 ? emailFor(name.given[0] ?? "member", name.family, index) : null,
      mobilePhone: adult ? createPhoneNumber(prng, home.areaCode) : null,
      profile: { ...drawClinicalProfile(prng, spec.gender, spec.age), ...spec.profile },
    };
  });

  return {
    index: familyIndex,
    subscriberId,
    plan: planOptions.find((plan) => plan.code === planCode) ?? prng.pick(planOptions),
    group: prng.pick(employerGroups),
    address: home.address,
    homePhone: createPhoneNumber(prng, home.areaCode),
    members,
  };
}

function drawFamilySpec(prng: Prng): FamilySpec {
  const subscriberAge = prng.int(23, 72);
  const subscriberGender = prng.chance(0.5) ? "female" : "male";
  const members: MemberSpec[] = [{ relationship: "self", gender: subscriberGender, age: subscriberAge }];

  const shape = prng.next();
  if (shape >= 0.45 && shape < 0.9) {
    const oppositeGender = subscriberGender === "female" ? "male" : "female";
    const spouseGender = prng.chance(0.9) ? oppositeGender : subscriberGender;
    members.push({ relationship: "spouse", gender: spouseGender, age: Math.max(21, subscriberAge + prng.int(-5, 5)) });
  }
  if (shape >= 0.65) {
    const oldestChild = Math.min(25, subscriberAge - 20);
    for (let child = prng.int(1, 3); child > 0 && oldestChild >= 0; child--) {
      members.push({ relationship: "child", gender: prng.chance(0.5) ? "female" : "male", age: prng.int(0, oldestChild) });
    }
  }
  return { planCode: null, members };
}

function drawLanguage(prng: Prng): LanguageKind | null {
  const roll = prng.next();
  if (roll < 0.12) return "es";
  if (roll < 0.14) return "vi";
  if (roll < 0.16) return "nv";
  if (roll < 0.17) return "zh";
  return null;
}

/** Builds an address at the reserved example.com domain from a name stripped to ASCII letters. */
function emailFor(given: string, family: string, index: number): string {
  const ascii = (text: string): string =>
    text.normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase();
  return `${ascii(given)}.${ascii(family)}.${index}@example.com`;
}
