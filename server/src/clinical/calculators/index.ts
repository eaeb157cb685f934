/**
 * The calculator registry: every calculator by id and by MedCalc-Bench Calculator ID, and the
 * adapter that turns a MedCalc-Bench "Relevant Entities" object into calculator inputs.
 */
import { bmi, bodySurfaceArea, adjustedBodyWeightCalc, idealBodyWeightCalc, maintenanceFluids, targetWeight } from './bodySize';
import { cha2ds2Vasc, framinghamHardChd, hasBled, heartScore, meanArterialPressure, revisedCardiacRiskIndex } from './cardiology';
import { charlson } from './comorbidity';
import { apacheII, glasgowComaScale, sofa } from './critical';
import { conceptionDate, dueDate, gestationalAge } from './dates';
import { morphineEquivalents, steroidConversion } from './drugs';
import { electrolyteCalculators } from './electrolytes';
import { glasgowBlatchford } from './gastro';
import { childPugh, fib4, meldNa } from './hepatology';
import { centorMcIsaac, curb65, feverPain, pneumoniaSeverityIndex, sirs } from './infection';
import { homaIr, ldlFriedewald } from './metabolic';
import { qtcCalculators } from './qtc';
import { ckdEpi2021, cockcroftGault, fena, mdrd } from './renal';
import type { CalcInputs, CalcResult, Calculator, InputValue } from './types';
import { caprini, percRule, wellsDvt, wellsPe } from './vte';

export type { CalcError, CalcInputs, CalcReference, CalcResult, CalcValue, Calculator, InputKind, InputSpec, InputValue, Quantity } from './types';

/** Every calculator, grouped by family. */
export const CALCULATORS: readonly Calculator[] = [
  cockcroftGault,
  ckdEpi2021,
  mdrd,
  fena,
  bmi,
  bodySurfaceArea,
  idealBodyWeightCalc,
  adjustedBodyWeightCalc,
  targetWeight,
  maintenanceFluids,
  meanArterialPressure,
  cha2ds2Vasc,
  hasBled,
  heartScore,
  revisedCardiacRiskIndex,
  framinghamHardChd,
  ...qtcCalculators,
  ...electrolyteCalculators,
  wellsPe,
  wellsDvt,
  percRule,
  caprini,
  curb65,
  pneumoniaSeverityIndex,
  centorMcIsaac,
  feverPain,
  sirs,
  glasgowComaScale,
  sofa,
  apacheII,
  childPugh,
  meldNa,
  fib4,
  ldlFriedewald,
  homaIr,
  glasgowBlatchford,
  charlson,
  morphineEquivalents,
  steroidConversion,
  dueDate,
  conceptionDate,
  gestationalAge,
];

const BY_ID = new Map(CALCULATORS.map((c) => [c.id, c]));
const BY_MEDCALC = new Map(CALCULATORS.flatMap((c) => c.medcalc.ids.map((id) => [id, c] as const)));

/** The calculator with this kebab-case id, e.g. `cockcroft-gault`. */
export function calculatorById(id: string): Calculator | undefined {
  return BY_ID.get(id);
}

/** The calculator implementing a MedCalc-Bench Calculator ID (e.g. 2 → Cockcroft-Gault). */
export function calculatorForMedcalcId(id: number): Calculator | undefined {
  return BY_MEDCALC.get(id);
}

/** A MedCalc-Bench entity value: `[value, unit]`, `[name, value, unit]`, a boolean, number or string. */
export type MedcalcEntity = number | boolean | string | readonly (number | string)[] | null;

/**
 * Maps MedCalc-Bench "Relevant Entities (parsed)" onto a calculator's inputs. `[value, unit]`
 * becomes a quantity; `[name, value, unit]` (the steroid entity) gives its name to a choice input
 * and its amount to a numeric one. Booleans read from several keys are true if any is true.
 */
export function inputsFromMedcalc(calc: Calculator, entities: Readonly<Record<string, MedcalcEntity>>): CalcInputs {
  const out: Record<string, InputValue> = {};
  for (const spec of calc.inputs) {
    for (const key of spec.medcalc ?? []) {
      const raw = entities[key];
      if (raw === undefined || raw === null) continue;
      const value = entityValue(raw, spec.kind === 'choice' || spec.kind === 'date');
      if (value === undefined) continue;
      if (spec.kind === 'boolean' && out[spec.key] === true) break;
      out[spec.key] = value;
      if (spec.kind !== 'boolean' || value === true) break;
    }
  }
  return out;
}

function entityValue(raw: Exclude<MedcalcEntity, null>, wantText: boolean): InputValue | undefined {
  if (!Array.isArray(raw)) return raw as InputValue;
  const items = raw as readonly (number | string)[];
  const numberAt = items.findIndex((x) => typeof x === 'number');
  if (wantText) {
    const text = items.find((x) => typeof x === 'string' && x !== items[items.length - 1]) ?? items[0];
    return text === undefined ? undefined : String(text);
  }
  if (numberAt < 0) return undefined;
  const unit = items[numberAt + 1];
  return { value: items[numberAt] as number, unit: typeof unit === 'string' ? unit : '' };
}

/** Runs the calculator for a MedCalc-Bench Calculator ID on its entities; undefined if not implemented. */
export function computeFromMedcalc(id: number, entities: Readonly<Record<string, MedcalcEntity>>): CalcResult | undefined {
  const calc = calculatorForMedcalcId(id);
  return calc?.compute(inputsFromMedcalc(calc, entities));
}
