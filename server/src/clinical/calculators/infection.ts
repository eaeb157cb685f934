/**
 * Infection and pneumonia: CURB-65, the Pneumonia Severity Index, Centor (McIsaac), FeverPAIN
 * and the SIRS criteria.
 */
import { AGE, BUN, DBP, GLUCOSE, HEART_RATE, HEMATOCRIT, PAO2, PH, RESP_RATE, SBP, SEX, SODIUM, TEMPERATURE, WBC, flag, optional, pubmed } from './common';
import { BadInputError, defineCalculator, fmt, type InputReader, type Outcome } from './inputs';
import { Tally } from './tally';

/** Urea 7 mmol/L expressed as BUN: 7 × 2.8 = 19.6 mg/dL (MDCalc rounds this to "> 19"). */
const CURB_BUN_MG_DL = 19;

export const curb65 = defineCalculator({
  id: 'curb-65',
  name: 'CURB-65 Score',
  medcalc: { ids: [45], name: 'CURB-65 Score for Pneumonia Severity' },
  output: 'integer',
  reference: {
    title: 'Lim WS et al. Defining community acquired pneumonia severity on presentation to hospital: an international derivation and validation study. Thorax 2003;58:377-382',
    url: 'https://doi.org/10.1136/thorax.58.5.377',
  },
  inputs: [flag('confusion', 'Confusion', 'Confusion'), BUN, RESP_RATE, SBP, DBP, AGE],
  run(v) {
    const t = new Tally();
    t.flag(v, 'confusion', 1);
    const bun = v.num('bun');
    t.add(bun > CURB_BUN_MG_DL ? 1 : 0, `BUN ${fmt(bun)} mg/dL (> ${CURB_BUN_MG_DL}, i.e. urea > 7 mmol/L)`);
    const rr = v.num('respiratoryRate');
    t.add(rr >= 30 ? 1 : 0, `respiratory rate ${fmt(rr)} (≥ 30)`);
    const sbp = v.num('systolicBp');
    const dbp = v.num('diastolicBp');
    t.add(sbp < 90 || dbp <= 60 ? 1 : 0, `BP ${fmt(sbp)}/${fmt(dbp)} (SBP < 90 or DBP ≤ 60)`);
    const age = v.num('age');
    t.add(age >= 65 ? 1 : 0, `age ${fmt(age)} (≥ 65)`);
    return t.result('CURB-65');
  },
});

/** Adds `points` when an optional lab meets `test`; a missing lab scores 0 and says so. */
function optionalLab(t: Tally, v: InputReader, key: string, unit: string, rule: string, points: number, test: (x: number) => boolean): void {
  const x = v.optNum(key);
  if (x === undefined) t.add(0, `${v.label(key)} not given`);
  else t.add(test(x) ? points : 0, `${v.label(key)} ${fmt(x)}${unit} (${rule})`);
}

export const pneumoniaSeverityIndex = defineCalculator({
  id: 'psi-port',
  name: 'Pneumonia Severity Index (PSI/PORT)',
  medcalc: { ids: [29], name: 'PSI Score: Pneumonia Severity Index for CAP' },
  output: 'integer',
  reference: {
    title: 'Fine MJ et al. A prediction rule to identify low-risk patients with community-acquired pneumonia. N Engl J Med 1997;336:243-250',
    url: 'https://doi.org/10.1056/NEJM199701233360402',
  },
  inputs: [
    AGE,
    SEX,
    flag('nursingHome', 'Nursing home resident', 'Nursing home resident'),
    flag('neoplastic', 'Neoplastic disease', 'Neoplastic disease'),
    flag('liver', 'Liver disease', 'Liver disease severity'),
    flag('chf', 'Congestive heart failure', 'Congestive Heart Faliure', 'Congestive Heart Failure'),
    flag('cerebrovascular', 'Cerebrovascular disease', 'Cerebrovascular disease history'),
    flag('renal', 'Renal disease', 'Renal disease'),
    flag('alteredMental', 'Altered mental status', 'Altered mental status'),
    RESP_RATE,
    SBP,
    TEMPERATURE,
    HEART_RATE,
    optional(PH),
    optional(BUN),
    optional(SODIUM),
    optional(GLUCOSE),
    optional(HEMATOCRIT),
    optional(PAO2),
    flag('pleuralEffusion', 'Pleural effusion on x-ray', 'Pleural effusion on x-ray'),
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    const female = v.choice('sex') === 'Female';
    t.add(female ? age - 10 : age, `age ${fmt(age)}${female ? ' − 10 (female)' : ''}`);
    t.flag(v, 'nursingHome', 10);
    t.flag(v, 'neoplastic', 30);
    t.flag(v, 'liver', 20);
    t.flag(v, 'chf', 10);
    t.flag(v, 'cerebrovascular', 10);
    t.flag(v, 'renal', 10);
    t.flag(v, 'alteredMental', 20);
    const rr = v.num('respiratoryRate');
    t.add(rr >= 30 ? 20 : 0, `respiratory rate ${fmt(rr)} (≥ 30)`);
    const sbp = v.num('systolicBp');
    t.add(sbp < 90 ? 20 : 0, `SBP ${fmt(sbp)} (< 90)`);
    const temp = v.num('temperature');
    t.add(temp < 35 || temp >= 40 ? 15 : 0, `temperature ${fmt(temp)} °C (< 35 or ≥ 40)`);
    const hr = v.num('heartRate');
    t.add(hr >= 125 ? 10 : 0, `pulse ${fmt(hr)} (≥ 125)`);
    optionalLab(t, v, 'ph', '', '< 7.35', 30, (x) => x < 7.35);
    optionalLab(t, v, 'bun', ' mg/dL', '≥ 30', 20, (x) => x >= 30);
    optionalLab(t, v, 'sodium', ' mmol/L', '< 130', 20, (x) => x < 130);
    optionalLab(t, v, 'glucose', ' mg/dL', '≥ 250', 10, (x) => x >= 250);
    optionalLab(t, v, 'hematocrit', ' %', '< 30', 10, (x) => x < 30);
    optionalLab(t, v, 'pao2', ' mm Hg', '< 60', 10, (x) => x < 60);
    t.flag(v, 'pleuralEffusion', 10);
    const out = t.result('PSI');
    const cls = t.total <= 70 ? 'II' : t.total <= 90 ? 'III' : t.total <= 130 ? 'IV' : 'V';
    out.lines.push(`Risk class ${cls} (class I applies only to patients ≤ 50 without risk factors).`);
    return out;
  },
});

/**
 * Which Centor: McIsaac's age-adjusted score (default; MDCalc's) or the original four criteria of
 * Centor RM et al., Med Decis Making 1981;1:239-246 (no age term; what NICE NG84 uses).
 */
const CENTOR_VARIANTS = ['McIsaac (age-adjusted)', 'Centor (original, 1981)'] as const;

export const centorMcIsaac = defineCalculator({
  id: 'centor-mcisaac',
  name: 'Centor Score (Modified/McIsaac)',
  medcalc: { ids: [20], name: 'Centor Score (Modified/McIsaac) for Strep Pharyngitis' },
  output: 'integer',
  reference: {
    title: 'McIsaac WJ, White D, Tannenbaum D, Low DE. A clinical score to reduce unnecessary antibiotic use in patients with sore throat. CMAJ 1998;158:75-83',
    url: pubmed('McIsaac WJ clinical score to reduce unnecessary antibiotic use sore throat'),
  },
  inputs: [
    AGE,
    TEMPERATURE,
    flag('coughAbsent', 'Cough absent', 'Cough Absent'),
    flag('nodes', 'Tender/swollen anterior cervical nodes', 'Tender/swollen anterior cervical lymph nodes'),
    flag('exudate', 'Tonsillar exudate or swelling', 'Exudate or swelling on tonsils'),
    {
      key: 'variant',
      label: 'Score',
      kind: 'choice',
      choices: [...CENTOR_VARIANTS],
      synonyms: { [CENTOR_VARIANTS[0]]: ['McIsaac', 'modified'], [CENTOR_VARIANTS[1]]: ['original', 'unmodified', 'NICE'] },
      optional: true,
      convention: true,
    },
  ],
  run(v) {
    const t = new Tally();
    const original = v.optChoice('variant') === CENTOR_VARIANTS[1];
    const age = v.num('age');
    if (original) t.add(0, `age ${fmt(age)} (not scored in the original Centor)`);
    else t.add(age >= 3 && age < 15 ? 1 : age >= 45 ? -1 : 0, `age ${fmt(age)} (3-14: +1, 15-44: 0, ≥ 45: −1)`);
    const temp = v.num('temperature');
    t.add(temp > 38 ? 1 : 0, `temperature ${fmt(temp)} °C (> 38)`);
    for (const k of ['coughAbsent', 'nodes', 'exudate']) t.flag(v, k, 1);
    return t.result(original ? 'Centor (original)' : 'Centor (McIsaac)');
  },
});

export const feverPain = defineCalculator({
  id: 'feverpain',
  name: 'FeverPAIN Score',
  medcalc: { ids: [33], name: 'FeverPAIN Score for Strep Pharyngitis' },
  output: 'integer',
  reference: {
    title: 'Little P et al. Clinical score and rapid antigen detection test to guide antibiotic use for sore throats: randomised controlled trial of PRISM (primary care streptococcal management). BMJ 2013;347:f5806',
    url: 'https://doi.org/10.1136/bmj.f5806',
  },
  inputs: [
    flag('fever', 'Fever in the past 24 hours', 'Fever in past 24 hours'),
    flag('purulence', 'Purulent tonsils', 'Purulent tonsils'),
    flag('attendRapidly', 'Symptom onset ≤ 3 days', 'Symptom onset ≤3 days'),
    flag('inflamed', 'Severely inflamed tonsils', 'Severe tonsil inflammation'),
    flag('noCoughCoryza', 'No cough or coryza', 'Absence of cough or coryza'),
  ],
  run(v) {
    const t = new Tally();
    for (const k of ['fever', 'purulence', 'attendRapidly', 'inflamed', 'noCoughCoryza']) t.flag(v, k, 1);
    return t.result('FeverPAIN');
  },
});

/** Adult criteria (the default) or the age-specific pediatric ones. */
const SIRS_CRITERIA = ['Adult (Bone 1992)', 'Pediatric (Goldstein 2005)'] as const;

/** One age group of the pediatric SIRS table; `below` is its upper age bound in years (exclusive). */
interface PediatricBand {
  name: string;
  below: number;
  hrHigh: number;
  hrLow?: number;
  rr: number;
  wbcHigh: number;
  wbcLow?: number;
}

/**
 * Goldstein B, Giroir B, Randolph A. International pediatric sepsis consensus conference. Pediatr
 * Crit Care Med 2005;6:2-8, Table 3: tachycardia/bradycardia, respiratory rate and leukocyte count
 * (× 10⁹/L) thresholds by age. The table's groups are 1 mo-1 yr and 2-5 yr; a child from 12 months
 * takes the 2-5 year thresholds (as most derived tables do), and bradycardia counts only under 1 year.
 */
const PEDIATRIC_BANDS: readonly PediatricBand[] = [
  { name: 'newborn, 0 days-1 week', below: 7 / 365.25, hrHigh: 180, hrLow: 100, rr: 50, wbcHigh: 34 },
  { name: 'neonate, 1 week-1 month', below: 1 / 12, hrHigh: 180, hrLow: 100, rr: 40, wbcHigh: 19.5, wbcLow: 5 },
  { name: 'infant, 1 month-1 year', below: 1, hrHigh: 180, hrLow: 90, rr: 34, wbcHigh: 17.5, wbcLow: 5 },
  { name: 'toddler and preschool, 1-5 years', below: 6, hrHigh: 140, rr: 22, wbcHigh: 15.5, wbcLow: 6 },
  { name: 'school age, 6-12 years', below: 13, hrHigh: 130, rr: 18, wbcHigh: 13.5, wbcLow: 4.5 },
  { name: 'adolescent, 13 to < 18 years', below: 18, hrHigh: 110, rr: 14, wbcHigh: 11, wbcLow: 4.5 },
];

/** "> 180 or < 90" for a high threshold and an optional low one. */
function band(high: number, low: number | undefined): string {
  return low === undefined ? `> ${fmt(high)}` : `> ${fmt(high)} or < ${fmt(low)}`;
}

/**
 * The pediatric count (Goldstein 2005): core temperature > 38.5 or < 36 °C, and heart rate,
 * respiratory rate and WBC against the age group's thresholds (or bands > 10 %). PaCO₂ is not a
 * pediatric criterion; mechanical ventilation for an acute pulmonary process also meets the
 * respiratory one but is not an input here.
 */
function pediatricSirs(v: InputReader): Outcome {
  const age = v.num('age');
  const b = PEDIATRIC_BANDS.find((x) => age < x.below);
  if (!b) throw new BadInputError(`the pediatric criteria apply under 18 years (age ${fmt(age)}); use the adult criteria`);
  const t = new Tally();
  const temp = v.num('temperature');
  t.add(temp > 38.5 || temp < 36 ? 1 : 0, `temperature ${fmt(temp)} °C (> 38.5 or < 36)`);
  const hr = v.num('heartRate');
  t.add(hr > b.hrHigh || (b.hrLow !== undefined && hr < b.hrLow) ? 1 : 0, `heart rate ${fmt(hr)} (${band(b.hrHigh, b.hrLow)})`);
  const rr = v.num('respiratoryRate');
  t.add(rr > b.rr ? 1 : 0, `respiratory rate ${fmt(rr)} (> ${fmt(b.rr)})`);
  const wbc = v.num('wbc');
  const bands = v.optNum('bands');
  const wbcHit = wbc > b.wbcHigh || (b.wbcLow !== undefined && wbc < b.wbcLow) || (bands !== undefined && bands > 10);
  t.add(wbcHit ? 1 : 0, `WBC ${fmt(wbc)} × 10⁹/L (${band(b.wbcHigh, b.wbcLow)})${bands === undefined ? '' : ` or bands ${fmt(bands)} % (> 10)`}`);
  const out = t.result('Pediatric SIRS criteria met', 'criteria');
  out.lines.unshift(`Pediatric criteria, age ${fmt(age)} years (${b.name}).`);
  // Goldstein 2005: SIRS needs two or more criteria, one of which must be temperature or leukocyte count.
  const defining = (temp > 38.5 || temp < 36 ? 1 : 0) + (wbcHit ? 1 : 0);
  out.lines.push(
    t.total >= 2 && defining > 0
      ? 'Pediatric SIRS: ≥ 2 criteria including temperature or leukocyte count.'
      : `Not pediatric SIRS: it needs ≥ 2 criteria, one of them temperature or leukocyte count${t.total >= 2 ? ' (here neither is met)' : ''}.`,
  );
  return out;
}

export const sirs = defineCalculator({
  id: 'sirs',
  name: 'SIRS Criteria (criteria met)',
  medcalc: { ids: [51], name: 'SIRS Criteria' },
  output: 'integer',
  reference: {
    title: 'Bone RC et al. Definitions for sepsis and organ failure and guidelines for the use of innovative therapies in sepsis (ACCP/SCCM Consensus Conference). Chest 1992;101:1644-1655',
    url: 'https://doi.org/10.1378/chest.101.6.1644',
  },
  inputs: [
    TEMPERATURE,
    HEART_RATE,
    RESP_RATE,
    { key: 'paco2', label: 'PaCO₂', kind: 'pressure', unit: 'mm Hg', optional: true, medcalc: ['PaCO₂'] },
    WBC,
    { key: 'bands', label: 'Band forms', kind: 'percent', unit: '%', optional: true, medcalc: ['Band form percentage'] },
    optional(AGE),
    {
      key: 'criteria',
      label: 'Criteria',
      kind: 'choice',
      choices: [...SIRS_CRITERIA],
      synonyms: { [SIRS_CRITERIA[0]]: ['adult'], [SIRS_CRITERIA[1]]: ['pediatric', 'paediatric', 'Goldstein'] },
      optional: true,
      convention: true,
    },
  ],
  run(v) {
    if (v.optChoice('criteria') === SIRS_CRITERIA[1]) return pediatricSirs(v);
    const t = new Tally();
    const temp = v.num('temperature');
    t.add(temp > 38 || temp < 36 ? 1 : 0, `temperature ${fmt(temp)} °C (> 38 or < 36)`);
    const hr = v.num('heartRate');
    t.add(hr > 90 ? 1 : 0, `heart rate ${fmt(hr)} (> 90)`);
    const rr = v.num('respiratoryRate');
    const paco2 = v.optNum('paco2');
    t.add(rr > 20 || (paco2 !== undefined && paco2 < 32) ? 1 : 0, `respiratory rate ${fmt(rr)} (> 20)${paco2 === undefined ? '' : ` or PaCO₂ ${fmt(paco2)} (< 32)`}`);
    const wbc = v.num('wbc');
    const bands = v.optNum('bands');
    t.add(wbc > 12 || wbc < 4 || (bands !== undefined && bands > 10) ? 1 : 0, `WBC ${fmt(wbc)} × 10⁹/L (> 12 or < 4)${bands === undefined ? '' : ` or bands ${fmt(bands)} % (> 10)`}`);
    const out = t.result('SIRS criteria met', 'criteria');
    const age = v.optNum('age');
    // Adult thresholds misread children (a heart rate of 120 is normal at 1 year): point to the option.
    if (age !== undefined && age < 18) out.lines.push(`Adult thresholds; at age ${fmt(age)} the pediatric criteria (Goldstein 2005) apply age-specific ones.`);
    return out;
  },
});
