/**
 * Which calculators run by themselves on a note, what triggers each, and where each input comes
 * from. A score runs only when its trigger is affirmed for the patient and every required input
 * is documented; yes/no criteria the note does not mention count as absent only where the entry
 * says the score's definition allows it (`assumeAbsent`), and are marked as assumed.
 */
import type { NoteType } from '../../note/types';
import type { Source } from './noteInputs';

/** What makes a calculator worth running on a note. */
export type Trigger =
  /** Any of the conditions affirmed for the patient (`current`: and not only historical). */
  | { kind: 'condition'; ids: readonly string[]; current?: boolean }
  /** Always, once its inputs are documented (eGFR, anion gap, BMI). */
  | { kind: 'documented' }
  /** A lab above a threshold (named in `conditions.json` rules), in the note's canonical unit. */
  | { kind: 'lab-above'; analyte: string; rule: 'sodiumCorrectionGlucose' };

export interface AutoCalcEntry {
  /** Calculator id in the calculator registry. */
  id: string;
  /** Short name for the one-line label, e.g. `CHA₂DS₂-VASc`. */
  short: string;
  /** Decimals shown in the label. */
  digits: number;
  trigger: Trigger;
  /**
   * Criteria the note does not mention count as absent (yes/no criteria, ungraded findings,
   * alcohol). True only for scores whose definition scores an unrecorded risk factor as absent.
   */
  assumeAbsent?: boolean;
  /** Sources that differ from {@link DEFAULT_SOURCES} for this calculator. */
  inputs?: Readonly<Record<string, Source>>;
  /** Note types the score is meant for (a presentation score is not for an ICU nursing note); all when absent. */
  noteTypes?: readonly NoteType[];
  /** Conditions that make the value less reliable, with the caution shown (a `conditions.json` rule). */
  caveat?: 'ckdEpiUnsteadyCaveat';
}

const AF: Trigger = { kind: 'condition', ids: ['atrial-fibrillation'] };
const CIRRHOSIS: Trigger = { kind: 'condition', ids: ['cirrhosis'] };
const DOCUMENTED: Trigger = { kind: 'documented' };

/** The automatic calculators, in display order. */
export const AUTO_CALCULATORS: readonly AutoCalcEntry[] = [
  { id: 'cha2ds2-vasc', short: 'CHA₂DS₂-VASc', digits: 0, trigger: AF, assumeAbsent: true },
  {
    id: 'has-bled',
    short: 'HAS-BLED',
    digits: 0,
    trigger: AF,
    assumeAbsent: true,
    inputs: {
      hypertension: { from: 'has-bled-hypertension' },
      renal: { from: 'has-bled-renal' },
      liver: { from: 'has-bled-liver' },
    },
  },
  {
    id: 'curb-65',
    short: 'CURB-65',
    digits: 0,
    trigger: { kind: 'condition', ids: ['pneumonia'], current: true },
    assumeAbsent: true,
    // CURB-65 grades community-acquired pneumonia at presentation: admission, ED, clinic and
    // discharge notes (whose first vitals are the admission's), not ICU nursing or procedure notes.
    noteTypes: ['ed-note', 'history-and-physical', 'clinic-visit', 'discharge-summary', 'progress-note', 'unknown'],
  },
  { id: 'meld-na', short: 'MELD-Na', digits: 0, trigger: CIRRHOSIS, assumeAbsent: true },
  { id: 'child-pugh', short: 'Child-Pugh', digits: 0, trigger: CIRRHOSIS, assumeAbsent: true },
  { id: 'ckd-epi-2021', short: 'eGFR (CKD-EPI 2021)', digits: 0, trigger: DOCUMENTED, caveat: 'ckdEpiUnsteadyCaveat' },
  { id: 'cockcroft-gault', short: 'CrCl (Cockcroft-Gault)', digits: 0, trigger: DOCUMENTED, caveat: 'ckdEpiUnsteadyCaveat' },
  { id: 'anion-gap', short: 'Anion gap', digits: 0, trigger: DOCUMENTED },
  { id: 'albumin-corrected-anion-gap', short: 'Albumin-corrected AG', digits: 1, trigger: DOCUMENTED },
  { id: 'corrected-calcium', short: 'Corrected Ca', digits: 1, trigger: DOCUMENTED },
  { id: 'serum-osmolality', short: 'Calculated osmolality', digits: 0, trigger: DOCUMENTED },
  { id: 'sodium-correction-hyperglycemia', short: 'Corrected Na', digits: 0, trigger: { kind: 'lab-above', analyte: 'glucose', rule: 'sodiumCorrectionGlucose' } },
  { id: 'qtc-bazett', short: 'QTc (Bazett)', digits: 0, trigger: DOCUMENTED, inputs: { heartRate: { from: 'qt-rate' } } },
  { id: 'qtc-fridericia', short: 'QTc (Fridericia)', digits: 0, trigger: DOCUMENTED, inputs: { heartRate: { from: 'qt-rate' } } },
  { id: 'bmi', short: 'BMI', digits: 1, trigger: DOCUMENTED },
  { id: 'fib-4', short: 'FIB-4', digits: 2, trigger: DOCUMENTED },
];

/**
 * Where each calculator input key is read from unless an entry says otherwise. Keys whose meaning
 * differs between calculators are listed in {@link PREFILL_SKIP} for the calculators where the
 * default would mislead.
 */
export const DEFAULT_SOURCES: Readonly<Record<string, Source>> = {
  age: { from: 'age' },
  sex: { from: 'sex' },
  weight: { from: 'vital', kind: 'weight' },
  height: { from: 'vital', kind: 'height' },
  heartRate: { from: 'vital', kind: 'heart-rate' },
  respiratoryRate: { from: 'vital', kind: 'respiratory-rate' },
  temperature: { from: 'vital', kind: 'temperature' },
  spo2: { from: 'vital', kind: 'spo2' },
  spo2OnOxygen: { from: 'spo2-oxygen' },
  systolicBp: { from: 'bp', part: 'systolic' },
  diastolicBp: { from: 'bp', part: 'diastolic' },
  gcs: { from: 'gcs' },
  qt: { from: 'qt' },
  creatinine: { from: 'lab', analyte: 'creatinine' },
  sodium: { from: 'lab', analyte: 'sodium' },
  potassium: { from: 'lab', analyte: 'potassium' },
  chloride: { from: 'lab', analyte: 'chloride' },
  bicarbonate: { from: 'lab', analyte: 'bicarbonate' },
  albumin: { from: 'lab', analyte: 'albumin' },
  glucose: { from: 'lab', analyte: 'glucose' },
  bun: { from: 'lab', analyte: 'bun' },
  bilirubin: { from: 'lab', analyte: 'bilirubin-total' },
  inr: { from: 'lab', analyte: 'inr' },
  calcium: { from: 'lab', analyte: 'calcium' },
  ast: { from: 'lab', analyte: 'ast' },
  alt: { from: 'lab', analyte: 'alt' },
  platelets: { from: 'lab', analyte: 'platelets' },
  wbc: { from: 'lab', analyte: 'wbc' },
  hemoglobin: { from: 'lab', analyte: 'hemoglobin' },
  hematocrit: { from: 'lab', analyte: 'hematocrit' },
  ph: { from: 'lab', analyte: 'ph' },
  pao2: { from: 'lab', analyte: 'po2' },
  paco2: { from: 'lab', analyte: 'pco2' },
  totalCholesterol: { from: 'lab', analyte: 'total-cholesterol' },
  hdl: { from: 'lab', analyte: 'hdl' },
  triglycerides: { from: 'lab', analyte: 'triglycerides' },
  chf: { from: 'condition', ids: ['heart-failure'] },
  cardiacFailure: { from: 'condition', ids: ['heart-failure'] },
  hypertension: { from: 'condition', ids: ['hypertension'] },
  diabetes: { from: 'condition', ids: ['diabetes'] },
  stroke: { from: 'condition', ids: ['stroke'] },
  tia: { from: 'condition', ids: ['tia'] },
  thromboembolism: { from: 'condition', ids: ['systemic-embolism'] },
  vascular: { from: 'condition', ids: ['myocardial-infarction', 'peripheral-artery-disease', 'aortic-plaque'] },
  mi: { from: 'condition', ids: ['myocardial-infarction'] },
  pvd: { from: 'condition', ids: ['peripheral-artery-disease'] },
  cerebrovascular: { from: 'condition', ids: ['stroke', 'tia'] },
  ckd: { from: 'condition', ids: ['ckd'] },
  renal: { from: 'condition', ids: ['ckd'] },
  liver: { from: 'condition', ids: ['liver-disease'] },
  hepaticDisease: { from: 'condition', ids: ['liver-disease'] },
  copd: { from: 'condition', ids: ['copd'] },
  malignancy: { from: 'condition', ids: ['cancer'] },
  neoplastic: { from: 'condition', ids: ['cancer'], current: true },
  activeCancer: { from: 'condition', ids: ['cancer'], current: true },
  priorDvt: { from: 'condition', ids: ['dvt'] },
  priorPe: { from: 'condition', ids: ['pulmonary-embolism'] },
  priorVte: { from: 'condition', ids: ['dvt', 'pulmonary-embolism', 'venous-thromboembolism'] },
  bleeding: { from: 'condition', ids: ['bleeding'] },
  labileInr: { from: 'condition', ids: ['labile-inr'] },
  drugs: { from: 'drug-class', classes: ['antiplatelets', 'nsaids'] },
  alcoholDrinksPerWeek: { from: 'alcohol' },
  dialysis: { from: 'condition', ids: ['dialysis'], current: true },
  // Charlson 1987 comorbidities (Quan 2005 ICD-10 coding); a history counts.
  dementia: { from: 'condition', ids: ['dementia'] },
  connectiveTissue: { from: 'condition', ids: ['connective-tissue-disease'] },
  pepticUlcer: { from: 'condition', ids: ['peptic-ulcer-disease'] },
  hemiplegia: { from: 'condition', ids: ['hemiplegia'] },
  leukemia: { from: 'condition', ids: ['leukemia'] },
  lymphoma: { from: 'condition', ids: ['lymphoma'] },
  aids: { from: 'condition', ids: ['aids'] },
  // Lee 1999 RCRI: myocardial infarction or ischaemic heart disease (angina, CAD); a revascularisation
  // alone (CABG, PCI, stent) does not count, so those are not among the condition's terms.
  ischemicHeartDisease: { from: 'condition', ids: ['myocardial-infarction', 'coronary-artery-disease'] },
  // Wells 2003 DVT: paralysis or paresis (hemiplegia, paraplegia… take in a leg).
  paralysis: { from: 'condition', ids: ['hemiplegia'] },
  hemoptysis: { from: 'condition', ids: ['hemoptysis'], current: true },
  // Caprini 2005: risk factors of the past month are read as current; the others at any time.
  sepsis: { from: 'condition', ids: ['sepsis'], current: true },
  pneumonia: { from: 'condition', ids: ['pneumonia', 'nosocomial-pneumonia'], current: true },
  acuteMi: { from: 'condition', ids: ['myocardial-infarction'], current: true },
  varicoseVeins: { from: 'condition', ids: ['varicose-veins'] },
  ibd: { from: 'condition', ids: ['inflammatory-bowel-disease'] },
  hit: { from: 'condition', ids: ['heparin-induced-thrombocytopenia'] },
  homocysteine: { from: 'condition', ids: ['hyperhomocysteinemia'] },
  factorV: { from: 'condition', ids: ['factor-v-leiden'] },
  prothrombin: { from: 'condition', ids: ['prothrombin-mutation'] },
  lupusAnticoagulant: { from: 'condition', ids: ['lupus-anticoagulant'] },
  anticardiolipin: { from: 'condition', ids: ['anticardiolipin-antibody'] },
  otherThrombophilia: { from: 'condition', ids: ['other-thrombophilia'] },
  centralLine: { from: 'condition', ids: ['central-venous-access'], current: true },
  swollenLegs: { from: 'condition', ids: ['leg-swelling'], current: true },
  fracture: { from: 'condition', ids: ['leg-fracture'], current: true },
  plasterCast: { from: 'condition', ids: ['plaster-cast'], current: true },
  multipleTrauma: { from: 'condition', ids: ['multiple-trauma'], current: true },
  spinalCordInjury: { from: 'condition', ids: ['spinal-cord-injury'], current: true },
  confusion: { from: 'confusion' },
  alteredMental: { from: 'confusion' },
  ascites: { from: 'grade', condition: 'ascites' },
  encephalopathy: { from: 'grade', condition: 'hepatic-encephalopathy' },
};

/**
 * Sources that differ from {@link DEFAULT_SOURCES} for calculators outside the automatic list,
 * where a key's meaning there is narrower (Caprini's "stroke within 1 month") or different
 * (RCRI's `insulin` is treatment with insulin, not a fasting insulin level).
 */
export const PREFILL_SOURCES: Readonly<Record<string, Readonly<Record<string, Source>>>> = {
  // Lee 1999: diabetes treated with insulin: an active insulin, or a diabetes that needs it (type 1).
  'rcri': { insulin: { from: 'any', sources: [{ from: 'drug-class', classes: ['insulins'] }, { from: 'condition', ids: ['insulin-treated-diabetes'] }] } },
  // Caprini 2005: heart failure and stroke within the past month: current, not only historical.
  'caprini-2005': {
    chf: { from: 'condition', ids: ['heart-failure'], current: true },
    stroke: { from: 'condition', ids: ['stroke'], current: true },
  },
  // Wells 2000: malignancy on treatment within 6 months or palliative: active cancer, not a past one.
  'wells-pe': { malignancy: { from: 'condition', ids: ['cancer'], current: true } },
};

/**
 * Input keys not prefilled for a calculator because no source fits its meaning there (`renal`
 * and `liver` are graded or rule-based in Charlson, not the default conditions).
 */
export const PREFILL_SKIP: Readonly<Record<string, readonly string[]>> = {
  'charlson': ['renal', 'liver'],
};

/** The automatic-calculation entry for a calculator id, if it has one. */
export function autoEntry(id: string): AutoCalcEntry | undefined {
  return AUTO_CALCULATORS.find((e) => e.id === id);
}

/** Where a calculator's input is read from: the entry's own source, else the default. */
export function sourceFor(calculatorId: string, key: string): Source | undefined {
  if (PREFILL_SKIP[calculatorId]?.includes(key)) return undefined;
  return autoEntry(calculatorId)?.inputs?.[key] ?? PREFILL_SOURCES[calculatorId]?.[key] ?? DEFAULT_SOURCES[key];
}
