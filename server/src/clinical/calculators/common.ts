/**
 * Input specs shared by several calculators (age, sex, weight, the basic metabolic panel, vital
 * signs), each with the MedCalc-Bench entity key it is read from.
 */
import type { InputSpec } from './types';

/** A present/absent finding; missing means absent. */
export function flag(key: string, label: string, ...medcalc: string[]): InputSpec {
  return { key, label, kind: 'boolean', medcalc };
}

/** The same spec, marked optional. */
export function optional(spec: InputSpec): InputSpec {
  return { ...spec, optional: true };
}

export const AGE: InputSpec = { key: 'age', label: 'Age', kind: 'age', unit: 'years', medcalc: ['age'] };
export const SEX: InputSpec = {
  key: 'sex',
  label: 'Sex',
  kind: 'choice',
  choices: ['Male', 'Female'],
  synonyms: { Male: ['M', 'man', 'boy'], Female: ['F', 'woman', 'girl'] },
  medcalc: ['sex'],
};
export const WEIGHT: InputSpec = { key: 'weight', label: 'Weight', kind: 'mass', unit: 'kg', medcalc: ['weight'] };
export const HEIGHT: InputSpec = { key: 'height', label: 'Height', kind: 'length', unit: 'cm', medcalc: ['height'] };
export const BMI: InputSpec = { key: 'bmi', label: 'Body mass index', kind: 'number', unit: 'kg/m²', medcalc: ['Body Mass Index (BMI)'] };

export const CREATININE: InputSpec = {
  key: 'creatinine',
  label: 'Serum creatinine',
  kind: 'concentration',
  analyte: 'creatinine',
  unit: 'mg/dL',
  medcalc: ['creatinine', 'Pre-operative creatinine'],
};
export const SODIUM: InputSpec = { key: 'sodium', label: 'Sodium', kind: 'concentration', analyte: 'sodium', unit: 'mmol/L', medcalc: ['Sodium'] };
export const POTASSIUM: InputSpec = { key: 'potassium', label: 'Potassium', kind: 'concentration', analyte: 'potassium', unit: 'mmol/L', medcalc: ['Potassium'] };
export const CHLORIDE: InputSpec = { key: 'chloride', label: 'Chloride', kind: 'concentration', analyte: 'chloride', unit: 'mmol/L', medcalc: ['Chloride'] };
export const BICARBONATE: InputSpec = {
  key: 'bicarbonate',
  label: 'Bicarbonate',
  kind: 'concentration',
  analyte: 'bicarbonate',
  unit: 'mmol/L',
  medcalc: ['Bicarbonate'],
};
export const ALBUMIN: InputSpec = { key: 'albumin', label: 'Albumin', kind: 'concentration', analyte: 'albumin', unit: 'g/dL', medcalc: ['Albumin'] };
export const GLUCOSE: InputSpec = { key: 'glucose', label: 'Glucose', kind: 'concentration', analyte: 'glucose', unit: 'mg/dL', medcalc: ['Glucose'] };
export const BUN: InputSpec = { key: 'bun', label: 'Blood urea nitrogen', kind: 'concentration', analyte: 'bun', unit: 'mg/dL', medcalc: ['Blood Urea Nitrogen (BUN)'] };
export const BILIRUBIN: InputSpec = { key: 'bilirubin', label: 'Total bilirubin', kind: 'concentration', analyte: 'bilirubin', unit: 'mg/dL', medcalc: ['Bilirubin'] };
export const INR: InputSpec = { key: 'inr', label: 'INR', kind: 'number', medcalc: ['international normalized ratio'] };
export const HEMATOCRIT: InputSpec = { key: 'hematocrit', label: 'Hematocrit', kind: 'percent', unit: '%', medcalc: ['Hematocrit'] };
export const WBC: InputSpec = { key: 'wbc', label: 'White blood cell count', kind: 'count', analyte: 'wbc', unit: '10^9/L', medcalc: ['White blood cell count'] };
export const PLATELETS: InputSpec = { key: 'platelets', label: 'Platelet count', kind: 'count', analyte: 'platelets', unit: '10^9/L', medcalc: ['Platelet count'] };
export const PH: InputSpec = { key: 'ph', label: 'Arterial pH', kind: 'number', medcalc: ['pH'] };
export const PAO2: InputSpec = { key: 'pao2', label: 'PaO₂', kind: 'pressure', unit: 'mm Hg', medcalc: ['Partial pressure of oxygen (PaO₂) for Apache II', 'PaO₂'] };
export const FIO2: InputSpec = { key: 'fio2', label: 'FiO₂', kind: 'percent', unit: '%', medcalc: ['FiO₂'] };
export const GCS: InputSpec = { key: 'gcs', label: 'Glasgow Coma Scale', kind: 'number', medcalc: ['Glasgow Coma Score'] };

export const HEART_RATE: InputSpec = { key: 'heartRate', label: 'Heart rate', kind: 'rate', unit: 'beats/min', medcalc: ['Heart Rate or Pulse'] };
export const RESP_RATE: InputSpec = { key: 'respiratoryRate', label: 'Respiratory rate', kind: 'rate', unit: 'breaths/min', medcalc: ['respiratory rate'] };
export const SBP: InputSpec = { key: 'systolicBp', label: 'Systolic blood pressure', kind: 'pressure', unit: 'mm Hg', medcalc: ['Systolic Blood Pressure'] };
export const DBP: InputSpec = { key: 'diastolicBp', label: 'Diastolic blood pressure', kind: 'pressure', unit: 'mm Hg', medcalc: ['Diastolic Blood Pressure'] };
export const TEMPERATURE: InputSpec = { key: 'temperature', label: 'Temperature', kind: 'temperature', unit: '°C', medcalc: ['Temperature'] };
export const QT: InputSpec = { key: 'qt', label: 'QT interval', kind: 'duration', unit: 'ms', medcalc: ['QT interval'] };

export const TOTAL_CHOLESTEROL: InputSpec = {
  key: 'totalCholesterol',
  label: 'Total cholesterol',
  kind: 'concentration',
  analyte: 'cholesterol',
  unit: 'mg/dL',
  medcalc: ['Total cholesterol'],
};
export const HDL: InputSpec = {
  key: 'hdl',
  label: 'HDL cholesterol',
  kind: 'concentration',
  analyte: 'cholesterol',
  unit: 'mg/dL',
  medcalc: ['high-density lipoprotein cholesterol'],
};

/** A PubMed search URL for a citation whose DOI is not at hand. */
export function pubmed(term: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(term)}`;
}
