/**
 * Critical care: Glasgow Coma Scale, SOFA and APACHE II. Point bands live in
 * `calculatorBands.json`.
 */
import bands from '../../knowledge/calculatorBands.json';
import { AGE, BILIRUBIN, CREATININE, DBP, FIO2, GCS, HEART_RATE, HEMATOCRIT, PAO2, PH, PLATELETS, POTASSIUM, RESP_RATE, SBP, SODIUM, TEMPERATURE, WBC, flag, optional } from './common';
import { MissingInputError, defineCalculator, fmt, type InputReader } from './inputs';
import { Tally } from './tally';
import type { InputSpec } from './types';

interface BandTable {
  bands: number[][];
  otherwise: number;
  strict?: boolean;
}

/** Points for `x` from a band table (first threshold reached, top-down). */
export function bandPoints(x: number, table: BandTable): number {
  for (const [threshold = 0, points = 0] of table.bands) if (table.strict ? x > threshold : x >= threshold) return points;
  return table.otherwise;
}

const EYE = ['no eye opening', 'eye opening to pain', 'eye opening to verbal command', 'eyes open spontaneously'];
const VERBAL = ['no verbal response', 'incomprehensible sounds', 'inappropriate words', 'confused', 'oriented'];
const MOTOR = ['no motor response', 'extension to pain', 'flexion to pain', 'withdrawal from pain', 'localizes pain', 'obeys commands'];
const NOT_TESTABLE = 'not testable';

export const glasgowComaScale = defineCalculator({
  id: 'gcs',
  name: 'Glasgow Coma Scale',
  medcalc: { ids: [21], name: 'Glasgow Coma Score (GCS)' },
  output: 'integer',
  reference: { title: 'Teasdale G, Jennett B. Assessment of coma and impaired consciousness: a practical scale. Lancet 1974;2:81-84', url: 'https://doi.org/10.1016/S0140-6736(74)91639-0' },
  inputs: [
    { key: 'eye', label: 'Best eye response', kind: 'choice', choices: [...EYE, NOT_TESTABLE], synonyms: { 'eyes open spontaneously': ['spontaneous'], 'eye opening to verbal command': ['to voice', 'to sound', 'to speech'], 'eye opening to pain': ['to pressure'], 'no eye opening': ['none'] }, medcalc: ['Best eye response'] },
    { key: 'verbal', label: 'Best verbal response', kind: 'choice', choices: [...VERBAL, NOT_TESTABLE], synonyms: { 'no verbal response': ['none'] }, medcalc: ['Best verbal response'] },
    { key: 'motor', label: 'Best motor response', kind: 'choice', choices: [...MOTOR, NOT_TESTABLE], synonyms: { 'withdrawal from pain': ['withdraws'], 'localizes pain': ['localises pain', 'localizes'], 'flexion to pain': ['abnormal flexion', 'decorticate'], 'extension to pain': ['decerebrate'], 'no motor response': ['none'] }, medcalc: ['Best motor response'] },
  ],
  run(v) {
    const t = new Tally();
    for (const [key, scale] of [['eye', EYE], ['verbal', VERBAL], ['motor', MOTOR]] as const) {
      const response = v.choice(key);
      // A component that cannot be tested (intubated, swollen eyes) is scored 1, as MDCalc does;
      // the clinical report should then read e.g. "E1 V NT".
      const points = response === NOT_TESTABLE ? 1 : scale.indexOf(response) + 1;
      t.add(points, `${v.label(key)}: ${response}${response === NOT_TESTABLE ? ' (scored 1)' : ''}`);
    }
    return t.result('GCS');
  },
});

const VASOPRESSORS: readonly InputSpec[] = [
  { key: 'dopamine', label: 'Dopamine', kind: 'dose', unit: 'µg/kg/min', optional: true, medcalc: ['DOPamine'] },
  { key: 'dobutamine', label: 'Dobutamine', kind: 'dose', unit: 'µg/kg/min', optional: true, medcalc: ['DOBUTamine'] },
  { key: 'epinephrine', label: 'Epinephrine', kind: 'dose', unit: 'µg/kg/min', optional: true, medcalc: ['EPINEPHrine'] },
  { key: 'norepinephrine', label: 'Norepinephrine', kind: 'dose', unit: 'µg/kg/min', optional: true, medcalc: ['norEPINEPHrine'] },
];

function sofaCardiovascular(v: InputReader, t: Tally): void {
  const cv = bands.sofa.cardiovascular;
  const dopa = v.optNum('dopamine') ?? 0;
  const dobu = v.optNum('dobutamine') ?? 0;
  const epi = v.optNum('epinephrine') ?? 0;
  const norepi = v.optNum('norepinephrine') ?? 0;
  const sbp = v.optNum('systolicBp');
  const dbp = v.optNum('diastolicBp');
  const map = sbp !== undefined && dbp !== undefined ? (sbp + 2 * dbp) / 3 : undefined;
  const pressors = `dopamine ${fmt(dopa)}, dobutamine ${fmt(dobu)}, epinephrine ${fmt(epi)}, norepinephrine ${fmt(norepi)} µg/kg/min`;
  if (dopa > cv.dopamineHigh || epi > cv.catecholamineHigh || norepi > cv.catecholamineHigh) t.add(4, `cardiovascular: ${pressors}`);
  else if (dopa > cv.dopamineLow || epi > 0 || norepi > 0) t.add(3, `cardiovascular: ${pressors}`);
  else if (dopa > 0 || dobu > 0) t.add(2, `cardiovascular: ${pressors}`);
  else if (map !== undefined) t.add(map < cv.mapBelow ? 1 : 0, `cardiovascular: MAP ${fmt(map)} mm Hg (< ${cv.mapBelow}), no vasopressors`);
  else t.add(v.bool('hypotension') ? 1 : 0, `cardiovascular: hypotension ${v.bool('hypotension') ? 'present' : 'absent'}, no vasopressors`);
}

export const sofa = defineCalculator({
  id: 'sofa',
  name: 'SOFA Score',
  medcalc: { ids: [43], name: 'Sequential Organ Failure Assessment (SOFA) Score' },
  output: 'integer',
  reference: {
    title: 'Vincent JL et al. The SOFA (Sepsis-related Organ Failure Assessment) score to describe organ dysfunction/failure. Intensive Care Med 1996;22:707-710',
    url: 'https://doi.org/10.1007/BF01709751',
  },
  inputs: [
    PAO2,
    FIO2,
    flag('mechanicalVentilation', 'Mechanical ventilation', 'On mechanical ventilation'),
    flag('cpap', 'CPAP', 'Continous positive airway pressure', 'Continuous positive airway pressure'),
    PLATELETS,
    BILIRUBIN,
    optional(SBP),
    optional(DBP),
    flag('hypotension', 'Hypotension (MAP < 70)', 'Hypotension'),
    ...VASOPRESSORS,
    GCS,
    optional(CREATININE),
    { key: 'urineOutput', label: 'Urine output', kind: 'dose', unit: 'mL/day', optional: true, medcalc: ['Urine Output'] },
  ],
  run(v) {
    const t = new Tally();
    const s = bands.sofa;
    const pao2 = v.num('pao2');
    const fio2 = v.num('fio2') / 100;
    const ratio = pao2 / fio2;
    const supported = v.bool('mechanicalVentilation') || v.bool('cpap');
    const resp = Math.min(bandPoints(ratio, s.pfRatio), supported ? 4 : s.pfRatio.maxWithoutRespiratorySupport);
    t.add(resp, `respiration: PaO₂/FiO₂ = ${fmt(pao2)}/${fmt(fio2)} = ${fmt(ratio)}${supported ? ' on respiratory support' : ' without ventilation (max 2)'}`);
    const plt = v.num('platelets');
    t.add(bandPoints(plt, s.platelets), `coagulation: platelets ${fmt(plt)} × 10³/µL`);
    const bili = v.num('bilirubin');
    t.add(bandPoints(bili, s.bilirubin), `liver: bilirubin ${fmt(bili)} mg/dL`);
    sofaCardiovascular(v, t);
    const gcs = v.num('gcs');
    t.add(bandPoints(gcs, s.gcs), `CNS: GCS ${fmt(gcs)}`);
    const cr = v.optNum('creatinine');
    const uo = v.optNum('urineOutput');
    if (cr === undefined && uo === undefined) throw new MissingInputError(['Serum creatinine or urine output']);
    const renal = Math.max(cr === undefined ? 0 : bandPoints(cr, s.creatinine), uo === undefined ? 0 : bandPoints(uo, s.urineOutput));
    t.add(renal, `renal: ${cr === undefined ? '' : `creatinine ${fmt(cr)} mg/dL`}${cr !== undefined && uo !== undefined ? ', ' : ''}${uo === undefined ? '' : `urine output ${fmt(uo)} mL/day`}`);
    return t.result('SOFA');
  },
});

const APACHE_SURGERY = ['Nonoperative', 'Emergency postoperative', 'Elective postoperative'];

export const apacheII = defineCalculator({
  id: 'apache-ii',
  name: 'APACHE II Score',
  medcalc: { ids: [28], name: 'APACHE II Score' },
  output: 'integer',
  reference: { title: 'Knaus WA, Draper EA, Wagner DP, Zimmerman JE. APACHE II: a severity of disease classification system. Crit Care Med 1985;13:818-829', url: 'https://pubmed.ncbi.nlm.nih.gov/3928249/' },
  inputs: [
    AGE,
    TEMPERATURE,
    SBP,
    DBP,
    HEART_RATE,
    RESP_RATE,
    FIO2,
    optional(PAO2),
    { key: 'aaGradient', label: 'A-a gradient', kind: 'number', unit: 'mm Hg', optional: true, medcalc: ['A-a gradient'] },
    PH,
    SODIUM,
    POTASSIUM,
    CREATININE,
    flag('acuteRenalFailure', 'Acute renal failure', 'Acute renal failure'),
    HEMATOCRIT,
    WBC,
    GCS,
    flag('chronicHealth', 'Severe organ insufficiency or immunocompromise', 'History of severe organ failure or immunocompromise'),
    { key: 'surgery', label: 'Admission type', kind: 'choice', choices: APACHE_SURGERY, synonyms: { Nonoperative: ['non-operative', 'medical'], 'Emergency postoperative': ['emergency'], 'Elective postoperative': ['elective'] }, optional: true, medcalc: ['Surgery Type'] },
  ],
  run(v) {
    const t = new Tally();
    const a = bands.apache;
    const temp = v.num('temperature');
    t.add(bandPoints(temp, a.temperatureC), `temperature ${fmt(temp)} °C`);
    const sbp = v.num('systolicBp');
    const dbp = v.num('diastolicBp');
    const map = (sbp + 2 * dbp) / 3;
    t.add(bandPoints(map, a.meanArterialPressure), `MAP (${fmt(sbp)} + 2 × ${fmt(dbp)}) / 3 = ${fmt(map)} mm Hg`);
    const hr = v.num('heartRate');
    t.add(bandPoints(hr, a.heartRate), `heart rate ${fmt(hr)}`);
    const rr = v.num('respiratoryRate');
    t.add(bandPoints(rr, a.respiratoryRate), `respiratory rate ${fmt(rr)}`);
    const fio2 = v.num('fio2');
    if (fio2 >= 50) {
      const aa = v.num('aaGradient');
      t.add(bandPoints(aa, a.aaGradient), `FiO₂ ${fmt(fio2)} % ≥ 50 %: A-a gradient ${fmt(aa)}`);
    } else {
      const pao2 = v.num('pao2');
      t.add(bandPoints(pao2, a.pao2), `FiO₂ ${fmt(fio2)} % < 50 %: PaO₂ ${fmt(pao2)} mm Hg`);
    }
    const ph = v.num('ph');
    t.add(bandPoints(ph, a.ph), `arterial pH ${fmt(ph, 2)}`);
    const na = v.num('sodium');
    t.add(bandPoints(na, a.sodium), `sodium ${fmt(na)} mmol/L`);
    const k = v.num('potassium');
    t.add(bandPoints(k, a.potassium), `potassium ${fmt(k)} mmol/L`);
    const cr = v.num('creatinine');
    const arf = v.bool('acuteRenalFailure');
    t.add(bandPoints(cr, a.creatinine) * (arf ? 2 : 1), `creatinine ${fmt(cr)} mg/dL${arf ? ' (doubled for acute renal failure)' : ''}`);
    const hct = v.num('hematocrit');
    t.add(bandPoints(hct, a.hematocrit), `hematocrit ${fmt(hct)} %`);
    const wbc = v.num('wbc');
    t.add(bandPoints(wbc, a.wbc), `WBC ${fmt(wbc)} × 10⁹/L`);
    const gcs = v.num('gcs');
    t.add(15 - gcs, `GCS ${fmt(gcs)} (15 − GCS)`);
    const age = v.num('age');
    t.add(bandPoints(age, a.age), `age ${fmt(age)}`);
    if (v.bool('chronicHealth')) {
      const admission = v.optChoice('surgery') ?? 'Nonoperative';
      const pts = admission === 'Elective postoperative' ? a.chronicHealth.elective : a.chronicHealth.nonoperativeOrEmergency;
      t.add(pts, `chronic health: severe organ insufficiency/immunocompromise, ${admission.toLowerCase()}${v.has('surgery') ? '' : ' (assumed)'}`);
    } else t.add(0, 'chronic health: none');
    return t.result('APACHE II');
  },
});
