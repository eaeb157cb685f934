/**
 * Drug conversions: daily morphine milligram equivalents and glucocorticoid dose equivalence.
 * Conversion factors live in `calculatorDrugs.json`.
 */
import drugs from '../../knowledge/calculatorDrugs.json';
import { MissingInputError, defineCalculator, fmt, round, type InputReader } from './inputs';
import type { InputSpec } from './types';

type OpioidKey = keyof typeof drugs.opioids;
const OPIOIDS = Object.keys(drugs.opioids) as OpioidKey[];
const GUIDELINES = ['CDC 2022', 'CDC 2016'] as const;

/** MedCalc-Bench spells the drugs in tall-man lettering ("HYDROmorphone", "FentANYL patch"). */
const MEDCALC_OPIOID: Readonly<Record<OpioidKey, string[]>> = {
  codeine: ['Codeine'],
  fentanylBuccal: ['FentaNYL buccal', 'FentANYL buccal'],
  fentanylPatch: ['FentANYL patch', 'FentaNYL patch'],
  hydrocodone: ['HYDROcodone'],
  hydromorphone: ['HYDROmorphone'],
  methadone: ['Methadone'],
  morphine: ['Morphine'],
  oxycodone: ['OxyCODONE'],
  oxymorphone: ['OxyMORphone'],
  tapentadol: ['Tapentadol'],
  tramadol: ['TraMADol'],
};

function opioidInputs(key: OpioidKey): InputSpec[] {
  const { name, unit } = drugs.opioids[key];
  const names = MEDCALC_OPIOID[key];
  return [
    // Patch strengths are rates (µg/h) that notes often write without the "/h"; read as written.
    { key: `${key}Dose`, label: `${name} dose`, kind: key === 'fentanylPatch' ? 'number' : 'dose', unit, optional: true, medcalc: names.map((n) => `${n} Dose`) },
    { key: `${key}PerDay`, label: `${name} doses per day`, kind: 'number', unit: 'per day', optional: true, medcalc: names.map((n) => `${n} Dose Per Day`) },
  ];
}

function mmeFactor(key: OpioidKey, guideline: (typeof GUIDELINES)[number], perDay: number): number {
  if (guideline === 'CDC 2016' && key === 'methadone') {
    const tier = drugs.methadoneTiers2016.find((t) => t.maxMgPerDay === null || perDay <= t.maxMgPerDay);
    return tier?.factor ?? drugs.mme['cdc-2016'].methadone;
  }
  return drugs.mme[guideline === 'CDC 2016' ? 'cdc-2016' : 'cdc-2022'][key];
}

function opioidLine(v: InputReader, key: OpioidKey, guideline: (typeof GUIDELINES)[number]): { mme: number; line: string } | undefined {
  const dose = v.optNum(`${key}Dose`);
  if (dose === undefined) return undefined;
  const times = v.optNum(`${key}PerDay`) ?? 1;
  const { name, unit } = drugs.opioids[key];
  const daily = dose * times;
  const factor = mmeFactor(key, guideline, daily);
  const mme = daily * factor;
  return { mme, line: `${name}: ${fmt(dose)} ${unit} × ${fmt(times)}/day = ${fmt(daily)} ${unit}/day × ${factor} = ${fmt(mme)} MME/day.` };
}

export const morphineEquivalents = defineCalculator({
  id: 'mme',
  name: 'Morphine Milligram Equivalents (daily)',
  medcalc: { ids: [49], name: 'Morphine Milligram Equivalents (MME) Calculator' },
  output: 'decimal',
  reference: {
    title: 'Dowell D et al. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(3):1-95',
    url: 'https://doi.org/10.15585/mmwr.rr7103a1',
  },
  inputs: [
    ...OPIOIDS.flatMap(opioidInputs),
    { key: 'guideline', label: 'Conversion table', kind: 'choice', choices: [...GUIDELINES], optional: true, convention: true },
  ],
  run(v) {
    const guideline = (v.optChoice('guideline') ?? 'CDC 2022') as (typeof GUIDELINES)[number];
    const parts = OPIOIDS.map((k) => opioidLine(v, k, guideline)).filter((p) => p !== undefined);
    if (parts.length === 0) throw new MissingInputError(['an opioid dose']);
    const total = parts.reduce((sum, p) => sum + p.mme, 0);
    return {
      value: round(total),
      unit: 'MME/day',
      lines: [`${guideline} conversion factors.`, ...parts.map((p) => p.line), `Total = ${fmt(total)} MME/day.`],
    };
  },
});

const STEROIDS = Object.keys(drugs.steroidEquivalentMg) as (keyof typeof drugs.steroidEquivalentMg)[];
const STEROID_NAMES = STEROIDS.map((s) => s[0]!.toUpperCase() + s.slice(1));
const ROUTE_SYNONYMS = Object.fromEntries(STEROID_NAMES.map((n) => [n, ['PO', 'IV', 'oral', 'intravenous', 'IM'].map((r) => `${n} ${r}`)]));

export const steroidConversion = defineCalculator({
  id: 'steroid-conversion',
  name: 'Steroid Conversion (glucocorticoid equivalents)',
  medcalc: { ids: [24], name: 'Steroid Conversion Calculator' },
  output: 'decimal',
  reference: {
    title: 'Liu D et al. A practical guide to the monitoring and management of the complications of systemic corticosteroid therapy. Allergy Asthma Clin Immunol 2013;9:30',
    url: 'https://doi.org/10.1186/1710-1492-9-30',
  },
  inputs: [
    { key: 'fromDrug', label: 'Current steroid', kind: 'choice', choices: STEROID_NAMES, synonyms: ROUTE_SYNONYMS, medcalc: ['input steroid'] },
    { key: 'dose', label: 'Current dose', kind: 'dose', unit: 'mg', medcalc: ['input steroid'] },
    { key: 'toDrug', label: 'Target steroid', kind: 'choice', choices: STEROID_NAMES, synonyms: ROUTE_SYNONYMS, medcalc: ['target steroid'] },
  ],
  run(v) {
    const from = v.choice('fromDrug');
    const to = v.choice('toDrug');
    const dose = v.num('dose');
    const eqFrom = drugs.steroidEquivalentMg[from.toLowerCase() as keyof typeof drugs.steroidEquivalentMg];
    const eqTo = drugs.steroidEquivalentMg[to.toLowerCase() as keyof typeof drugs.steroidEquivalentMg];
    const value = (dose / eqFrom) * eqTo;
    return {
      value: round(value),
      unit: 'mg',
      lines: [`Equivalent doses: ${from} ${eqFrom} mg ≡ ${to} ${eqTo} mg.`, `${fmt(dose)} mg ${from} × ${eqTo}/${eqFrom} = ${fmt(value)} mg ${to}.`],
    };
  },
});
