/**
 * Body size: BMI, body surface area (Mosteller), ideal body weight (Devine), adjusted body
 * weight, target weight for a BMI, and maintenance fluids (Holliday-Segar).
 */
import { BMI, HEIGHT, SEX, WEIGHT, pubmed } from './common';
import { defineCalculator, fmt, round } from './inputs';

const CM_PER_INCH = 2.54;

/** Devine ideal body weight in kg: 50 (men) or 45.5 (women) + 2.3 kg per inch over 5 feet. */
export function idealBodyWeight(heightCm: number, female: boolean): { kg: number; line: string } {
  const inches = heightCm / CM_PER_INCH;
  const base = female ? 45.5 : 50;
  const kg = base + 2.3 * (inches - 60);
  return { kg, line: `IBW = ${base} + 2.3 × (${fmt(inches)} in − 60) = ${fmt(kg)} kg (height ${fmt(heightCm)} cm = ${fmt(inches)} in).` };
}

/** Adjusted body weight: IBW + 0.4 × (actual − IBW). */
export function adjustedBodyWeight(weightKg: number, ibwKg: number): number {
  return ibwKg + 0.4 * (weightKg - ibwKg);
}

export const bmi = defineCalculator({
  id: 'bmi',
  name: 'Body Mass Index',
  medcalc: { ids: [6], name: 'Body Mass Index (BMI)' },
  output: 'decimal',
  reference: { title: 'WHO. Obesity: preventing and managing the global epidemic. Technical Report Series 894 (2000)', url: 'https://iris.who.int/handle/10665/42330' },
  inputs: [WEIGHT, HEIGHT],
  run(v) {
    const w = v.num('weight');
    const m = v.num('height') / 100;
    const value = w / (m * m);
    return { value: round(value), unit: 'kg/m²', lines: [`BMI = weight / height² = ${fmt(w)} kg / (${fmt(m)} m)² = ${fmt(value)} kg/m².`] };
  },
});

export const bodySurfaceArea = defineCalculator({
  id: 'bsa-mosteller',
  name: 'Body Surface Area (Mosteller)',
  medcalc: { ids: [60], name: 'Body Surface Area Calculator' },
  output: 'decimal',
  reference: { title: 'Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098', url: 'https://doi.org/10.1056/NEJM198710223171717' },
  inputs: [WEIGHT, HEIGHT],
  run(v) {
    const w = v.num('weight');
    const h = v.num('height');
    const value = Math.sqrt((w * h) / 3600);
    return { value: round(value), unit: 'm²', lines: [`BSA = √(height × weight / 3600) = √(${fmt(h)} cm × ${fmt(w)} kg / 3600) = ${fmt(value)} m².`] };
  },
});

export const idealBodyWeightCalc = defineCalculator({
  id: 'ideal-body-weight',
  name: 'Ideal Body Weight (Devine)',
  medcalc: { ids: [10], name: 'Ideal Body Weight' },
  output: 'decimal',
  reference: { title: 'Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650-655 (see Pai MP, Paloucek FP, Ann Pharmacother 2000;34:1066-1069)', url: pubmed('Pai MP Paloucek FP origin of the ideal body weight equations') },
  inputs: [SEX, HEIGHT],
  run(v) {
    const ibw = idealBodyWeight(v.num('height'), v.choice('sex') === 'Female');
    return { value: round(ibw.kg), unit: 'kg', lines: [ibw.line] };
  },
});

export const adjustedBodyWeightCalc = defineCalculator({
  id: 'adjusted-body-weight',
  name: 'Adjusted Body Weight',
  medcalc: { ids: [62], name: 'Adjusted Body Weight' },
  output: 'decimal',
  reference: { title: 'Pai MP, Paloucek FP. The origin of the "ideal" body weight equations. Ann Pharmacother 2000;34:1066-1069 (ABW = IBW + 0.4 × (TBW − IBW))', url: pubmed('Pai MP Paloucek FP origin of the ideal body weight equations') },
  inputs: [SEX, WEIGHT, HEIGHT],
  run(v) {
    const w = v.num('weight');
    const ibw = idealBodyWeight(v.num('height'), v.choice('sex') === 'Female');
    const value = adjustedBodyWeight(w, ibw.kg);
    return { value: round(value), unit: 'kg', lines: [ibw.line, `ABW = IBW + 0.4 × (weight − IBW) = ${fmt(ibw.kg)} + 0.4 × (${fmt(w)} − ${fmt(ibw.kg)}) = ${fmt(value)} kg.`] };
  },
});

export const targetWeight = defineCalculator({
  id: 'target-weight',
  name: 'Target Weight for a BMI',
  medcalc: { ids: [61], name: 'Target weight' },
  output: 'decimal',
  reference: { title: 'Target weight = target BMI × height² (from the BMI definition, Quetelet/Keys 1972)', url: 'https://doi.org/10.1016/0021-9681(72)90027-6' },
  inputs: [{ ...BMI, label: 'Target BMI' }, HEIGHT],
  run(v) {
    const target = v.num('bmi');
    const m = v.num('height') / 100;
    const value = target * m * m;
    return { value: round(value), unit: 'kg', lines: [`Target weight = target BMI × height² = ${fmt(target)} × (${fmt(m)} m)² = ${fmt(value)} kg.`] };
  },
});

export const maintenanceFluids = defineCalculator({
  id: 'maintenance-fluids',
  name: 'Maintenance Fluids (Holliday-Segar, 4-2-1 rule)',
  medcalc: { ids: [22], name: 'Maintenance Fluids Calculations' },
  output: 'decimal',
  reference: { title: 'Holliday MA, Segar WE. The maintenance need for water in parenteral fluid therapy. Pediatrics 1957;19:823-832', url: 'https://doi.org/10.1542/peds.19.5.823' },
  inputs: [WEIGHT],
  run(v) {
    const w = v.num('weight');
    let value: number;
    let line: string;
    if (w <= 10) {
      value = 4 * w;
      line = `4 mL/kg/h × ${fmt(w)} kg = ${fmt(value)} mL/h.`;
    } else if (w <= 20) {
      value = 40 + 2 * (w - 10);
      line = `40 mL/h + 2 mL/kg/h × (${fmt(w)} − 10) kg = ${fmt(value)} mL/h.`;
    } else {
      value = 60 + (w - 20);
      line = `60 mL/h + 1 mL/kg/h × (${fmt(w)} − 20) kg = ${fmt(value)} mL/h.`;
    }
    return { value: round(value), unit: 'mL/h', lines: [`Holliday-Segar 4-2-1 rule for ${fmt(w)} kg: ${line}`] };
  },
});
