/**
 * Infection and pneumonia: CURB-65, the Pneumonia Severity Index, Centor (McIsaac), FeverPAIN
 * and the SIRS criteria.
 */
import { AGE, BUN, DBP, GLUCOSE, HEART_RATE, HEMATOCRIT, PAO2, PH, RESP_RATE, SBP, SEX, SODIUM, TEMPERATURE, WBC, flag, optional, pubmed } from './common';
import { defineCalculator, fmt, type InputReader } from './inputs';
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
  ],
  run(v) {
    const t = new Tally();
    const age = v.num('age');
    t.add(age >= 3 && age < 15 ? 1 : age >= 45 ? -1 : 0, `age ${fmt(age)} (3-14: +1, 15-44: 0, ≥ 45: −1)`);
    const temp = v.num('temperature');
    t.add(temp > 38 ? 1 : 0, `temperature ${fmt(temp)} °C (> 38)`);
    for (const k of ['coughAbsent', 'nodes', 'exudate']) t.flag(v, k, 1);
    return t.result('Centor (McIsaac)');
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
  ],
  run(v) {
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
    return t.result('SIRS criteria met', 'criteria');
  },
});
