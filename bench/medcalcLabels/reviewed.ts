/**
 * Labels reviewed in earlier stops and believed wrong: original v1.0 labels that the
 * physician-corrected file (Ye et al. 2025) did not re-label, where the benchmark's reference code
 * has a bug (unit slips, a total that does not add up), and corrected labels that depart from the
 * published definition or from the rule the same file applies to its other rows. Each case gives
 * the value the calculator computes from the row's entities, with the arithmetic.
 */
import type { LabelDispute } from './types';

const CASES: Omit<LabelDispute, 'kind'>[] = [
  // RCRI: the original label reads only the always-false 'Cerebrovascular disease history' key and ignores 'History of cerebrovascular disease': true.
  //   High-risk surgery (intraperitoneal, intrathoracic, suprainguinal vascular) present: + 1 (1); Cerebrovascular disease present: + 1 (2);
  //   RCRI = 2.
  { row: 251, medcalcId: 17, label: "1", source: 'original', expected: 2, entities: {"Congestive Heart Failure criteria for the Cardiac Risk Index rule":false,"Elevated-risk surgery":true,"History of ischemic heart disease":false,"Pre-operative creatinine":[1.5,"mg/dL"],"History of cerebrovascular disease":true,"Cerebrovascular disease history":false,"Pre-operative treatment with insulin":false} },
  // MELD-Na: the original rounds MELD(i) 1.826 to 2 before multiplying by 10 (20); OPTN multiplies first and rounds to a tenth (18.3).
  //   Bounded values: creatinine 2 mg/dL, bilirubin 1 mg/dL, INR 1.59, sodium 137 mmol/L; MELD(i) = 10 × (0.957 ln Cr + 0.378 ln bili + 1.120 ln INR +
  //   0.643) = 18.3; MELD(i) > 11, so MELD-Na = MELD(i) + 1.32 × (137 − Na) − 0.033 × MELD(i) × (137 − Na) = 18.3; MELD-Na = 18 (rounded, capped at 40).
  { row: 340, medcalcId: 23, label: "20", source: 'original', expected: 18, entities: {"creatinine":[2,"mg/dL"],"Continuous veno-venous hemodialysis for ≥24 hours in the past week":false,"Dialysis at least twice in the past week":false,"international normalized ratio":1.59,"Sodium":[142,"mEq/L"],"Bilirubin":[0.7,"mg/dL"]} },
  // Charlson: the original scores moderate-severe liver disease 1 (not 3) and 'none or diet-controlled' diabetes 1 (not 0).
  //   age 68 (50-59: 1, 60-69: 2, 70-79: 3, ≥ 80: 4): + 2 (2); Myocardial infarction present: + 1 (3); Peripheral vascular disease present: + 1
  //   (4); Dementia present: + 1 (5); Chronic pulmonary disease present: + 1 (6); Peptic ulcer disease present: + 1 (7); Lymphoma
  //   present: + 2 (9); liver disease: moderate to severe: + 3 (12); Charlson Comorbidity Index = 12.
  { row: 433, medcalcId: 32, label: "11", source: 'original', expected: 12, entities: {"Lymphoma":true,"Congestive Heart Faliure":false,"Moderate to severe Chronic Kidney Disease":false,"Diabetes mellitus criteria for CCI rule":"None or diet-controlled","Liver disease severity":"Moderate to Severe","Dementia":true,"Transient Ischemic Attacks History":false,"Peptic ulcer disease":true,"Peripheral vascular disease":true,"Cerebrovascular Accident":false,"Chronic Obstructive Pulmonary Disease":true,"age":[68,"years"],"Myocardial infarction":true,"Leukemia":false,"Hemiplegia":false} },
  // Charlson: the original scores moderate-severe liver disease 1 (not 3) and a solid tumour 1 (not 2).
  //   age 76 (50-59: 1, 60-69: 2, 70-79: 3, ≥ 80: 4): + 3 (3); Congestive heart failure present: + 1 (4); Dementia present: + 1 (5);
  //   Leukaemia present: + 2 (7); Cerebrovascular accident or TIA present: + 1 (8); liver disease: moderate to severe: + 3 (11); diabetes:
  //   uncomplicated: + 1 (12); solid tumour: localized: + 2 (14); Charlson Comorbidity Index = 14.
  { row: 446, medcalcId: 32, label: "11", source: 'original', expected: 14, entities: {"Congestive Heart Faliure":true,"AIDS":false,"Diabetes mellitus criteria for CCI rule":"Uncomplicated","Liver disease severity":"Moderate to Severe","Dementia":true,"Transient Ischemic Attacks History":false,"Connective tissue disease":false,"Peptic ulcer disease":false,"Solid tumor":true,"Cerebrovascular Accident":true,"Chronic Obstructive Pulmonary Disease":false,"age":[76,"years"],"Leukemia":true} },
  // Free water deficit (corrected label): a 14-year-old is a child (TBW 0.6); the label uses the adult-woman 0.5.
  //   Total body water fraction 0.6 (child); Deficit = 0.6 × weight × (Na/140 − 1) = 0.6 × 43.4 × (138/140 − 1) = -0.372 L.
  { row: 469, medcalcId: 38, label: "-0.31", source: 'corrected', expected: -0.372, entities: {"sex":"Female","age":[14,"years"],"weight":[43.4,"kg"],"Sodium":[138,"mmol/L"]} },
  // Framingham: the original converts cholesterol to mmol/L before the ATP III function, which takes mg/dL, and reports a fraction as a percent.
  //   Men: age 54, total cholesterol 235 mg/dL, HDL 26 mg/dL, SBP 139 mm Hg, smoker; Risk function sum L = 1.7155; 10-year risk = 1 − 0.9402^exp(L) =
  //   29.02 %.
  { row: 552, medcalcId: 46, label: "0", source: 'original', expected: 29.02, entities: {"sex":"Male","age":[54,"years"],"Systolic Blood Pressure":[139,"mm hg"],"Smoker":true,"Total cholesterol":[235,"mg/dL"],"high-density lipoprotein cholesterol":[26,"mg/dL"],"Blood pressure being treated with medicines":false} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Men: age 49, total cholesterol 191 mg/dL, HDL 25 mg/dL, SBP 131 mm Hg (treated), non-smoker; Risk function sum L = 0.364; 10-year risk = 1 −
  //   0.9402^exp(L) = 8.49 %.
  { row: 553, medcalcId: 46, label: "0", source: 'original', expected: 8.49, entities: {"high-density lipoprotein cholesterol":[25,"mg/dL"],"sex":"Male","Systolic Blood Pressure":[131,"mm hg"],"Total cholesterol":[191,"mg/dL"],"Smoker":false,"age":[49,"years"],"Blood pressure being treated with medicines":true} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Men: age 47, total cholesterol 103 mg/dL, HDL 36 mg/dL, SBP 122 mm Hg, non-smoker; Risk function sum L = -1.9244; 10-year risk = 1 − 0.9402^exp(L) =
  //   0.9 %.
  { row: 554, medcalcId: 46, label: "0", source: 'original', expected: 0.9, entities: {"high-density lipoprotein cholesterol":[36,"mg/dL"],"sex":"Male","Total cholesterol":[103,"mg/dL"],"age":[47,"years"],"Blood pressure being treated with medicines":false,"Systolic Blood Pressure":[122,"mm Hg"]} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Men: age 73, total cholesterol 159 mg/dL, HDL 28 mg/dL, SBP 135 mm Hg, non-smoker; Risk function sum L = 1.5357; 10-year risk = 1 − 0.9402^exp(L) =
  //   24.9 %.
  { row: 557, medcalcId: 46, label: "1", source: 'original', expected: 24.9, entities: {"sex":"Male","age":[73,"years"],"Systolic Blood Pressure":[135,"mm hg"],"Smoker":false,"Total cholesterol":[159,"mg/dL"],"high-density lipoprotein cholesterol":[28,"mg/dL"],"Blood pressure being treated with medicines":false} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Women: age 67, total cholesterol 196 mg/dL, HDL 50 mg/dL, SBP 140 mm Hg (treated), non-smoker; Risk function sum L = 1.6099; 10-year risk = 1 −
  //   0.98767^exp(L) = 6.02 %.
  { row: 558, medcalcId: 46, label: "0.1", source: 'original', expected: 6.02, entities: {"sex":"Female","age":[67,"years"],"Systolic Blood Pressure":[140,"mm hg"],"Smoker":false,"Total cholesterol":[196,"mg/dL"],"high-density lipoprotein cholesterol":[50,"mg/dL"],"Blood pressure being treated with medicines":true} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552); HDL 5 mg/dL is as extracted.
  //   Men: age 68, total cholesterol 144 mg/dL, HDL 5 mg/dL, SBP 130 mm Hg, non-smoker; Risk function sum L = 2.7265; 10-year risk = 1 − 0.9402^exp(L) =
  //   61.02 %.
  { row: 559, medcalcId: 46, label: "1", source: 'original', expected: 61.02, entities: {"high-density lipoprotein cholesterol":[5,"mg/dL"],"sex":"Male","Systolic Blood Pressure":[130,"mm hg"],"Total cholesterol":[144,"mg/dL"],"Smoker":false,"age":[68,"years"],"Blood pressure being treated with medicines":false} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Men: age 50, total cholesterol 107 mg/dL, HDL 43 mg/dL, SBP 131 mm Hg, smoker; Risk function sum L = -0.4558; 10-year risk = 1 − 0.9402^exp(L) =
  //   3.83 %.
  { row: 561, medcalcId: 46, label: "0", source: 'original', expected: 3.83, entities: {"sex":"Male","age":[50,"years"],"Systolic Blood Pressure":[131,"mm hg"],"Smoker":true,"Total cholesterol":[107,"mg/dL"],"high-density lipoprotein cholesterol":[43,"mg/dL"],"Blood pressure being treated with medicines":false} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Men: age 71, total cholesterol 210 mg/dL, HDL 28 mg/dL, SBP 136 mm Hg, non-smoker; Risk function sum L = 1.5528; 10-year risk = 1 − 0.9402^exp(L) =
  //   25.27 %.
  { row: 563, medcalcId: 46, label: "0.9", source: 'original', expected: 25.27, entities: {"sex":"Male","age":[71,"years"],"Systolic Blood Pressure":[136,"mm hg"],"Smoker":false,"Total cholesterol":[210,"mg/dL"],"high-density lipoprotein cholesterol":[28,"mg/dL"],"Blood pressure being treated with medicines":false} },
  // Framingham: cholesterol in mmol/L fed to an mg/dL function (see row 552).
  //   Women: age 56, total cholesterol 148 mg/dL, HDL 38 mg/dL, SBP 230 mm Hg (treated), non-smoker; Risk function sum L = 1.7094; 10-year risk = 1 −
  //   0.98767^exp(L) = 6.63 %.
  { row: 564, medcalcId: 46, label: "0", source: 'original', expected: 6.63, entities: {"sex":"Female","age":[56,"years"],"Smoker":false,"Total cholesterol":[148,"mg/dL"],"high-density lipoprotein cholesterol":[38,"mg/dL"],"Blood pressure being treated with medicines":true,"Systolic Blood Pressure":[230,"mm Hg"]} },
  // SIRS: WBC 4200/µL is 4.2 × 10⁹/L, inside 4-12; the original converts to a count per m³ and calls it > 12000.
  //   heart rate 130 (> 90): + 1 (1); SIRS criteria met = 1.
  { row: 588, medcalcId: 51, label: "2", source: 'original', expected: 1, entities: {"Temperature":[37.2,"degrees celsius"],"Heart Rate or Pulse":[130,"beats per minute"],"respiratory rate":[18,"breaths per minute"],"White blood cell count":[4200,"µL"]} },
  // Delta ratio: 'sodium 137 mg/dL' is 137 mmol/L (59.6 mmol/L is impossible); AG = 137 − 125 = 12, so ΔAG = 0.
  //   Anion gap = Na − (Cl + HCO₃) = 137 − (95 + 30) = 12 mEq/L; Delta ratio = (AG − 12) / (24 − HCO₃) = 0 / -6 = 0.
  { row: 753, medcalcId: 64, label: "12.833", source: 'original', expected: 0, entities: {"Chloride":[95,"mmol/L"],"Bicarbonate":[30,"mmol/L"],"Sodium":[137,"mg/dL"]} },
  // Albumin-corrected AG: 'albumin 3.2 mg/dL' is 3.2 g/dL (0.0032 g/dL is impossible).
  //   Anion gap = Na − (Cl + HCO₃) = 133 − (122 + 11.3) = -0.3 mEq/L; Albumin-corrected AG = AG + 2.5 × (4 − albumin) = -0.3 + 2.5 × (4 − 3.2) = 1.7 mEq/L.
  { row: 780, medcalcId: 65, label: "9.692", source: 'original', expected: 1.7, entities: {"Chloride":[122,"mmol/L"],"Albumin":[3.2,"mg/dL"],"Bicarbonate":[11.3,"mmol/L"],"Sodium":[133,"mmol/L"]} },
  // Albumin-corrected delta gap: 'albumin 4.2 g/L' is 4.2 g/dL (0.42 g/dL is impossible).
  //   Anion gap = Na − (Cl + HCO₃) = 148 − (110 + 6) = 32 mEq/L; Albumin-corrected AG = AG + 2.5 × (4 − albumin) = 32 + 2.5 × (4 − 4.2) = 31.5 mEq/L.;
  //   Albumin-corrected delta gap = corrected AG − 12 = 19.5 mEq/L.
  { row: 790, medcalcId: 66, label: "28.95", source: 'original', expected: 19.5, entities: {"Chloride":[110,"mmol/L"],"Albumin":[4.2,"g/L"],"Bicarbonate":[6,"mmol/L"],"Sodium":[148,"mmol/L"]} },
  // PSI: the original reads 36.0 °C as 36 °F (< 35 °C, +15).
  //   age 73 − 10 (female): + 63 (63); Altered mental status present: + 20 (83); respiratory rate 31 (≥ 30): + 20 (103); pulse 130 (≥
  //   125): + 10 (113); Sodium 127 mmol/L (< 130): + 20 (133); Glucose 306.272 mg/dL (≥ 250): + 10 (143); Hematocrit 28 % (< 30): + 10
  //   (153); PaO₂ 59 mm Hg (< 60): + 10 (163); Pleural effusion on x-ray present: + 10 (173); PSI = 173; Risk class V (class I applies
  //   only to patients ≤ 50 without risk factors).
  { row: 831, medcalcId: 29, label: "188", source: 'original', expected: 173, entities: {"Hematocrit":[28,"%"],"Glucose":[17,"mmol/L"],"Partial pressure of oxygen (PaO₂) for Apache II":[59,"mm Hg"],"Congestive Heart Faliure":false,"Renal disease":false,"Cerebrovascular disease history":false,"Liver disease severity":false,"Neoplastic disease":false,"pH":7.81,"Blood Urea Nitrogen (BUN)":[28.43,"mg/dL"],"age":[73,"years"],"Altered mental status":true,"Temperature":[36,"degrees celsisus"],"Sodium":[127,"mmol/L"],"Heart Rate or Pulse":[130,"beats per minute"],"Pleural effusion on x-ray":true,"sex":"Female","Systolic Blood Pressure":[140,"mm Hg"],"respiratory rate":[31,"breaths per minute"],"Nursing home resident":false} },
  // GCS: E2 V1 M6 = 9; the original adds the verbal response twice (10).
  //   Best eye response: eye opening to pain: + 2 (2); Best verbal response: no verbal response: + 1 (3); Best motor response: obeys commands: +
  //   6 (9); GCS = 9.
  { row: 860, medcalcId: 21, label: "10", source: 'original', expected: 9, entities: {"Best motor response":"obeys commands","Best eye response":"eye opening to pain","Best verbal response":"no verbal response"} },
  // GCS: the original adds the verbal response twice and scores 'not testable' eyes as 4, giving an impossible 18; NT is scored 1 here, as the corrected labels do.
  //   Best eye response: not testable (scored 1): + 1 (1); Best verbal response: oriented: + 5 (6); Best motor response: withdrawal from pain: +
  //   4 (10); GCS = 10.
  { row: 862, medcalcId: 21, label: "18", source: 'original', expected: 10, entities: {"Best motor response":"withdrawal from pain","Best eye response":"not testable","Best verbal response":"oriented"} },
  // GCS: the original adds a response twice and scores 'not testable' as normal; E4 V(NT = 1) M3 = 8.
  //   Best eye response: eyes open spontaneously: + 4 (4); Best verbal response: not testable (scored 1): + 1 (5); Best motor response: flexion
  //   to pain: + 3 (8); GCS = 8.
  { row: 863, medcalcId: 21, label: "15", source: 'original', expected: 8, entities: {"Best motor response":"flexion to pain","Best eye response":"eyes open spontaneously","Best verbal response":"not testable"} },
  // APACHE II: the original adds the GCS instead of 15 − GCS, reads °C as °F and mis-scales the WBC.
  //   respiratory rate 35: + 3 (3); FiO₂ 63 % ≥ 50 %: A-a gradient 331: + 2 (5); arterial pH 7.29: + 2 (7); creatinine 4.58 mg/dL (doubled
  //   for acute renal failure): + 8 (15); WBC 15.105 × 10⁹/L: + 1 (16); age 73: + 5 (21); chronic health: severe organ
  //   insufficiency/immunocompromise, nonoperative: + 5 (26); APACHE II = 26.
  { row: 870, medcalcId: 28, label: "41", source: 'original', expected: 26, entities: {"Heart Rate or Pulse":[107,"beats per minute"],"Sodium":[143.21,"mmol/L"],"creatinine":[4.58,"mg/dL"],"FiO₂":[63,"%"],"Systolic Blood Pressure":[138,"mm Hg"],"age":[73,"years"],"Acute renal failure":true,"Hematocrit":[41,"%"],"Glasgow Coma Score":15,"pH":7.29,"White blood cell count":[15105,"µL"],"Potassium":[3.68,"mmol/L"],"Temperature":[37.2,"degrees celsisus"],"respiratory rate":[35,"breaths per minute"],"History of severe organ failure or immunocompromise":true,"A-a gradient":331,"Chronic Renal Failure":false,"Diastolic Blood Pressure":[92,"mm Hg"],"Surgery Type":"Nonoperative "} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   MAP (132 + 2 × 103) / 3 = 112.667 mm Hg: + 2 (2); respiratory rate 27: + 1 (3); FiO₂ 32 % < 50 %: PaO₂ 57 mm Hg: + 3 (6); creatinine
  //   3.67 mg/dL: + 4 (10); age 57: + 3 (13); chronic health: severe organ insufficiency/immunocompromise, elective postoperative: + 2 (total
  //   15); APACHE II = 15.
  { row: 871, medcalcId: 28, label: "38", source: 'original', expected: 15, entities: {"Heart Rate or Pulse":[73,"beats per minute"],"Sodium":[132.39,"mmol/L"],"creatinine":[3.67,"mg/dL"],"FiO₂":[32,"%"],"Systolic Blood Pressure":[132,"mm Hg"],"age":[57,"years"],"Acute renal failure":false,"Hematocrit":[32,"%"],"Glasgow Coma Score":15,"pH":7.4,"White blood cell count":[12476,"µL"],"Potassium":[4.31,"mmol/L"],"Temperature":[37.2,"degrees celsisus"],"respiratory rate":[27,"breaths per minute"],"History of severe organ failure or immunocompromise":true,"Chronic Renal Failure":true,"Partial pressure of oxygen (PaO₂) for Apache II":[57,"mm Hg"],"Diastolic Blood Pressure":[103,"mm Hg"],"Surgery Type":"Elective"} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   temperature 38.5 °C: + 1 (1); heart rate 110: + 2 (3); FiO₂ 45 % < 50 %: PaO₂ 65 mm Hg: + 1 (4); arterial pH 7.3: + 2 (6);
  //   creatinine 2 mg/dL (doubled for acute renal failure): + 6 (12); WBC 15 × 10⁹/L: + 1 (13); GCS 14 (15 − GCS): + 1 (14); age 65: + 5
  //   (19); APACHE II = 19.
  { row: 873, medcalcId: 28, label: "33", source: 'original', expected: 19, entities: {"Heart Rate or Pulse":[110,"beats per minute"],"Diastolic Blood Pressure":[80,"mm Hg"],"pH":7.3,"FiO₂":[45,"%"],"Systolic Blood Pressure":[140,"mm Hg"],"Acute renal failure":true,"creatinine":[2,"mg/dL"],"White blood cell count":[15000,"µL"],"Sodium":[140,"mEq/L"],"Potassium":[5.2,"mEq/L"],"Partial pressure of oxygen (PaO₂) for Apache II":[65,"mm Hg"],"age":[65,"years"],"respiratory rate":[20,"breaths per minute"],"Chronic Renal Failure":true,"Glasgow Coma Score":14,"Hematocrit":[39,"%"],"Temperature":[38.5,"degrees celsius"]} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   FiO₂ 54 % ≥ 50 %: A-a gradient 425: + 3 (3); GCS 13 (15 − GCS): + 2 (5); age 58: + 3 (8); APACHE II = 8.
  { row: 874, medcalcId: 28, label: "27", source: 'original', expected: 8, entities: {"Heart Rate or Pulse":[85,"beats per minute"],"Diastolic Blood Pressure":[78,"mm Hg"],"pH":7.37,"FiO₂":[54,"%"],"Systolic Blood Pressure":[130,"mm Hg"],"History of severe organ failure or immunocompromise":false,"creatinine":[1.3,"mg/dL"],"White blood cell count":[8000,"µL"],"Sodium":[139,"mEq/L"],"Potassium":[5,"mEq/L"],"A-a gradient":425,"age":[58,"years"],"respiratory rate":[18,"breaths per minute"],"Chronic Renal Failure":false,"Glasgow Coma Score":13,"Hematocrit":[42,"%"],"Temperature":[36.5,"degrees celsisus"]} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   FiO₂ 55 % ≥ 50 %: A-a gradient 364: + 3 (3); arterial pH 7.32: + 2 (5); creatinine 3.8 mg/dL (doubled for acute renal failure): + 8 (total
  //   13); GCS 14 (15 − GCS): + 1 (14); age 60: + 3 (17); chronic health: severe organ insufficiency/immunocompromise, nonoperative: + 5 (total
  //   22); APACHE II = 22.
  { row: 875, medcalcId: 28, label: "36", source: 'original', expected: 22, entities: {"Heart Rate or Pulse":[95,"beats per minute"],"Diastolic Blood Pressure":[75,"mm Hg"],"pH":7.32,"FiO₂":[55,"%"],"Systolic Blood Pressure":[135,"mm Hg"],"Acute renal failure":true,"History of severe organ failure or immunocompromise":true,"creatinine":[3.8,"mg/dL"],"White blood cell count":[12000,"µL"],"Sodium":[138,"mEq/L"],"Potassium":[4.5,"mEq/L"],"A-a gradient":364,"age":[60,"years"],"respiratory rate":[19,"breaths per minute"],"Glasgow Coma Score":14,"Hematocrit":[43,"%"],"Temperature":[37.2,"degrees celsisus"],"Surgery Type":"Nonoperative"} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   temperature 38.7 °C: + 1 (1); FiO₂ 50 % ≥ 50 %: A-a gradient 473: + 3 (4); creatinine 2.5 mg/dL (doubled for acute renal failure): + 6
  //   (10); GCS 13 (15 − GCS): + 2 (12); age 67: + 5 (17); APACHE II = 17.
  { row: 876, medcalcId: 28, label: "35", source: 'original', expected: 17, entities: {"Heart Rate or Pulse":[105,"beats per minute"],"Diastolic Blood Pressure":[82,"mm Hg"],"pH":7.33,"FiO₂":[50,"%"],"Systolic Blood Pressure":[138,"mm Hg"],"Acute renal failure":true,"creatinine":[2.5,"mg/dL"],"White blood cell count":[10000,"µL"],"Sodium":[142,"mEq/L"],"Potassium":[4.7,"mEq/L"],"A-a gradient":473,"age":[67,"years"],"respiratory rate":[22,"breaths per minute"],"Glasgow Coma Score":13,"Hematocrit":[41,"%"],"Temperature":[38.7,"degrees celsisus"]} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   FiO₂ 52 % ≥ 50 %: A-a gradient 430: + 3 (3); creatinine 1.6 mg/dL: + 2 (5); age 55: + 3 (8); APACHE II = 8.
  { row: 877, medcalcId: 28, label: "29", source: 'original', expected: 8, entities: {"Heart Rate or Pulse":[98,"beats per minute"],"Diastolic Blood Pressure":[76,"mm Hg"],"FiO₂":[52,"%"],"Systolic Blood Pressure":[128,"mm Hg"],"History of severe organ failure or immunocompromise":false,"creatinine":[1.6,"mg/dL"],"White blood cell count":[9000,"µL"],"Sodium":[141,"mEq/L"],"Potassium":[4.6,"mEq/L"],"A-a gradient":430,"age":[55,"years"],"respiratory rate":[20,"breaths per minute"],"Chronic Renal Failure":false,"Glasgow Coma Score":15,"Hematocrit":[40,"%"],"Temperature":[36.8,"degrees celsisus"],"pH":7.41} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   heart rate 115: + 2 (2); arterial pH 7.28: + 2 (4); creatinine 2 mg/dL: + 3 (7); GCS 14 (15 − GCS): + 1 (8); age 70: + 5
  //   (13); APACHE II = 13.
  { row: 878, medcalcId: 28, label: "32", source: 'original', expected: 13, entities: {"Heart Rate or Pulse":[115,"beats per minute"],"Diastolic Blood Pressure":[90,"mm Hg"],"pH":7.28,"FiO₂":[40,"%"],"Systolic Blood Pressure":[125,"mm Hg"],"creatinine":[2,"mg/dL"],"White blood cell count":[11000,"µL"],"Sodium":[145,"mEq/L"],"Potassium":[4.2,"mEq/L"],"Partial pressure of oxygen (PaO₂) for Apache II":[80,"mm Hg"],"age":[70,"years"],"respiratory rate":[18,"breaths per minute"],"Chronic Renal Failure":true,"Glasgow Coma Score":14,"Hematocrit":[37,"%"],"Temperature":[37.4,"degrees celsisus"]} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   age 63: + 3 (3); APACHE II = 3.
  { row: 879, medcalcId: 28, label: "26", source: 'original', expected: 3, entities: {"Heart Rate or Pulse":[88,"beats per minute"],"Diastolic Blood Pressure":[72,"mm Hg"],"pH":7.36,"Systolic Blood Pressure":[118,"mm Hg"],"creatinine":[1.1,"mg/dL"],"White blood cell count":[6500,"µL"],"Sodium":[140,"mEq/L"],"Potassium":[4.4,"mEq/L"],"Partial pressure of oxygen (PaO₂) for Apache II":[74,"mm Hg"],"age":[63,"years"],"respiratory rate":[17,"breaths per minute"],"Glasgow Coma Score":15,"Hematocrit":[38,"%"],"Temperature":[36.6,"degrees celsisus"],"FiO₂":[46,"%"]} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   creatinine 1.7 mg/dL: + 2 (2); GCS 14 (15 − GCS): + 1 (3); age 59: + 3 (6); APACHE II = 6.
  { row: 884, medcalcId: 28, label: "25", source: 'original', expected: 6, entities: {"Heart Rate or Pulse":[104,"beats per minute"],"Diastolic Blood Pressure":[72,"mm Hg"],"pH":7.33,"FiO₂":[43,"%"],"Systolic Blood Pressure":[126,"mm Hg"],"creatinine":[1.7,"mg/dL"],"White blood cell count":[8800,"µL"],"Sodium":[138,"mEq/L"],"Potassium":[4.3,"mEq/L"],"Partial pressure of oxygen (PaO₂) for Apache II":[76,"mm Hg"],"age":[59,"years"],"respiratory rate":[17,"breaths per minute"],"Chronic Renal Failure":false,"Glasgow Coma Score":14,"Hematocrit":[41,"%"],"Temperature":[36.5,"degrees celsisus"]} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   FiO₂ 53 % ≥ 50 %: A-a gradient 445: + 3 (3); creatinine 1.8 mg/dL: + 2 (5); GCS 14 (15 − GCS): + 1 (6); age 61: + 3 (9);
  //   APACHE II = 9.
  { row: 885, medcalcId: 28, label: "30", source: 'original', expected: 9, entities: {"Heart Rate or Pulse":[98,"beats per minute"],"Diastolic Blood Pressure":[74,"mm Hg"],"pH":7.33,"FiO₂":[53,"%"],"Systolic Blood Pressure":[130,"mm Hg"],"Acute renal failure":false,"History of severe organ failure or immunocompromise":false,"creatinine":[1.8,"mg/dL"],"White blood cell count":[8000,"µL"],"Sodium":[141,"mEq/L"],"Potassium":[4.4,"mEq/L"],"age":[61,"years"],"respiratory rate":[18,"breaths per minute"],"Chronic Renal Failure":true,"Glasgow Coma Score":14,"Hematocrit":[42,"%"],"Temperature":[37,"degrees celsisus"],"A-a gradient":445} },
  // APACHE II: original GCS / temperature / WBC errors (see row 870).
  //   creatinine 1.9 mg/dL: + 2 (2); age 68: + 5 (7); chronic health: severe organ insufficiency/immunocompromise, nonoperative (assumed): + 5
  //   (12); APACHE II = 12.
  { row: 886, medcalcId: 28, label: "28", source: 'original', expected: 12, entities: {"Heart Rate or Pulse":[89,"beats per minute"],"Diastolic Blood Pressure":[72,"mm Hg"],"pH":7.4,"FiO₂":[45,"%"],"Systolic Blood Pressure":[110,"mm Hg"],"History of severe organ failure or immunocompromise":true,"creatinine":[1.9,"mg/dL"],"White blood cell count":[7000,"µL"],"Sodium":[136,"mEq/L"],"Potassium":[4.2,"mEq/L"],"Partial pressure of oxygen (PaO₂) for Apache II":[78,"mm Hg"],"age":[68,"years"],"respiratory rate":[16,"breaths per minute"],"Glasgow Coma Score":15,"Hematocrit":[38,"%"],"Temperature":[37.6,"degrees celsisus"]} },
  // SOFA: the original divides PaO₂ by FiO₂ in percent (76/60 = 1.27, 'P/F < 100') and gives dobutamine points with no vasopressor documented.
  //   respiration: PaO₂/FiO₂ = 76/0.6 = 126.667 on respiratory support: + 3 (3); coagulation: platelets 140.4 × 10³/µL: + 1 (4); liver:
  //   bilirubin 5.169 mg/dL: + 2 (6); cardiovascular: hypotension present, no vasopressors: + 1 (7); CNS: GCS 9: + 3 (10); renal:
  //   creatinine 1.372 mg/dL: + 1 (11); SOFA = 11.
  { row: 888, medcalcId: 43, label: "13", source: 'original', expected: 11, entities: {"FiO₂":[60,"%"],"Continuous veno-venous hemodialysis for ≥24 hours in the past week":false,"On mechanical ventilation":true,"Partial pressure of oxygen (PaO₂) for Apache II":[76,"mm Hg"],"Hypotension":true,"Glasgow Coma Score":9,"creatinine":[121.32,"µmol/L"],"Bilirubin":[88.41,"µmol/L"],"Platelet count":[140400,"µL"],"Continous positive airway pressure":false} },
  // SOFA: epinephrine 0.33 µg/kg/min (> 0.1) is 4 cardiovascular points; the original gives 3.
  //   respiration: PaO₂/FiO₂ = 87/0.53 = 164.151 without ventilation (max 2): + 2 (2); coagulation: platelets 75.3 × 10³/µL: + 2 (4); liver:
  //   bilirubin 7.43 mg/dL: + 3 (7); cardiovascular: dopamine 9.1, dobutamine 0, epinephrine 0.33, norepinephrine 0 µg/kg/min: + 4 (11); renal:
  //   creatinine 2.56 mg/dL: + 2 (13); SOFA = 13.
  { row: 890, medcalcId: 43, label: "12", source: 'original', expected: 13, entities: {"FiO₂":[53,"%"],"Continuous veno-venous hemodialysis for ≥24 hours in the past week":false,"On mechanical ventilation":false,"EPINEPHrine":[0.33,"mcg/kg/min"],"Partial pressure of oxygen (PaO₂) for Apache II":[87,"mm Hg"],"DOPamine":[9.1,"mcg/kg/min"],"Hypotension":false,"Glasgow Coma Score":15,"creatinine":[2.56,"mg/dL"],"Bilirubin":[7.43,"mg/dL"],"Platelet count":[75300,"µL"],"Continous positive airway pressure":false} },
  // SOFA (corrected label): scores P/F < 200 as 3 without mechanical ventilation or CPAP; Vincent 1996 gives 3-4 only with respiratory support.
  //   respiration: PaO₂/FiO₂ = 80/0.5 = 160 without ventilation (max 2): + 2 (2); liver: bilirubin 2.5 mg/dL: + 2 (4); cardiovascular: dopamine
  //   2, dobutamine 5, epinephrine 0.08, norepinephrine 0.07 µg/kg/min: + 3 (7); CNS: GCS 9: + 3 (10); renal: creatinine 1.697 mg/dL, urine
  //   output 700 mL/day: + 1 (11); SOFA = 11.
  { row: 893, medcalcId: 43, label: "12", source: 'corrected', expected: 11, entities: {"Urine Output":[700,"mL/day"],"DOPamine":[2,"mcg/kg/min"],"norEPINEPHrine":[0.07,"mcg/kg/min"],"Bilirubin":[2.5,"mg/dL"],"creatinine":[150,"µmol/L"],"DOBUTamine":[5,"mcg/kg/min"],"Platelet count":[200000,"µL"],"Hypotension":false,"Diastolic Blood Pressure":[75,"mm Hg"],"Glasgow Coma Score":9,"Partial pressure of oxygen (PaO₂) for Apache II":[80,"mm Hg"],"Continuous veno-venous hemodialysis for ≥24 hours in the past week":true,"FiO₂":[50,"%"],"EPINEPHrine":[0.08,"mcg/kg/min"],"Systolic Blood Pressure":[110,"mm Hg"],"On mechanical ventilation":false,"Continous positive airway pressure":false} },
  // SOFA (corrected label): P/F < 200 without respiratory support scored 3 (see row 893).
  //   respiration: PaO₂/FiO₂ = 75/0.45 = 166.667 without ventilation (max 2): + 2 (2); liver: bilirubin 1.8 mg/dL: + 1 (3); cardiovascular:
  //   dopamine 3, dobutamine 2, epinephrine 0.07, norepinephrine 0.06 µg/kg/min: + 3 (6); CNS: GCS 11: + 2 (8); renal: creatinine 1.357 mg/dL,
  //   urine output 600 mL/day: + 1 (9); SOFA = 9.
  { row: 894, medcalcId: 43, label: "10", source: 'corrected', expected: 9, entities: {"Urine Output":[600,"mL/day"],"DOPamine":[3,"mcg/kg/min"],"norEPINEPHrine":[0.06,"mcg/kg/min"],"Bilirubin":[1.8,"mg/dL"],"creatinine":[120,"µmol/L"],"DOBUTamine":[2,"mcg/kg/min"],"Platelet count":[180000,"µL"],"Hypotension":true,"On mechanical ventilation":false,"Diastolic Blood Pressure":[70,"mm Hg"],"Glasgow Coma Score":11,"Partial pressure of oxygen (PaO₂) for Apache II":[75,"mm Hg"],"FiO₂":[45,"%"],"EPINEPHrine":[0.07,"mcg/kg/min"],"Systolic Blood Pressure":[115,"mm Hg"],"Continous positive airway pressure":false} },
  // SOFA (corrected label): P/F < 200 without respiratory support scored 3 (see row 893).
  //   respiration: PaO₂/FiO₂ = 75/0.55 = 136.364 without ventilation (max 2): + 2 (2); liver: bilirubin 2.3 mg/dL: + 2 (4); cardiovascular:
  //   dopamine 4, dobutamine 5, epinephrine 0.06, norepinephrine 0.07 µg/kg/min: + 3 (7); CNS: GCS 13: + 1 (8); renal: creatinine 2.4 mg/dL,
  //   urine output 900 mL/day: + 2 (10); SOFA = 10.
  { row: 899, medcalcId: 43, label: "11", source: 'corrected', expected: 10, entities: {"Urine Output":[900,"mL/day"],"DOPamine":[4,"mcg/kg/min"],"norEPINEPHrine":[0.07,"mcg/kg/min"],"Bilirubin":[2.3,"mg/dL"],"creatinine":[2.4,"mg/dL"],"DOBUTamine":[5,"mcg/kg/min"],"Platelet count":[160000,"µL"],"Hypotension":true,"On mechanical ventilation":false,"Diastolic Blood Pressure":[78,"mm Hg"],"Glasgow Coma Score":13,"Partial pressure of oxygen (PaO₂) for Apache II":[75,"mm Hg"],"FiO₂":[55,"%"],"EPINEPHrine":[0.06,"mcg/kg/min"],"Systolic Blood Pressure":[92,"mm Hg"],"Continous positive airway pressure":false} },
  // SOFA: norepinephrine 0.04 and epinephrine 0.05 µg/kg/min (≤ 0.1) are 3 cardiovascular points; the original gives the dopamine ≤ 5 score, 2.
  //   respiration: PaO₂/FiO₂ = 72/0.53 = 135.849 without ventilation (max 2): + 2 (2); liver: bilirubin 1.8 mg/dL: + 1 (3); cardiovascular:
  //   dopamine 3.5, dobutamine 4, epinephrine 0.05, norepinephrine 0.04 µg/kg/min: + 3 (6); CNS: GCS 11: + 2 (8); SOFA = 8.
  { row: 900, medcalcId: 43, label: "7", source: 'original', expected: 8, entities: {"Urine Output":[850,"mL/day"],"DOPamine":[3.5,"mcg/kg/min"],"norEPINEPHrine":[0.04,"mcg/kg/min"],"Bilirubin":[1.8,"mg/dL"],"creatinine":[1.1,"mg/dL"],"DOBUTamine":[4,"mcg/kg/min"],"Platelet count":[170000,"µL"],"Hypotension":true,"Continous positive airway pressure":false,"Diastolic Blood Pressure":[77,"mm Hg"],"Glasgow Coma Score":11,"Partial pressure of oxygen (PaO₂) for Apache II":[72,"mm Hg"],"FiO₂":[53,"%"],"EPINEPHrine":[0.05,"mcg/kg/min"],"Systolic Blood Pressure":[87,"mm Hg"],"On mechanical ventilation":false} },
  // SOFA (corrected label): P/F < 200 without respiratory support scored 3 (see row 893).
  //   respiration: PaO₂/FiO₂ = 75/0.55 = 136.364 without ventilation (max 2): + 2 (2); liver: bilirubin 2.5 mg/dL: + 2 (4); cardiovascular:
  //   dopamine 3.2, dobutamine 3, epinephrine 0.03, norepinephrine 0.05 µg/kg/min: + 3 (7); CNS: GCS 12: + 2 (9); renal: creatinine 1.8 mg/dL,
  //   urine output 920 mL/day: + 1 (10); SOFA = 10.
  { row: 902, medcalcId: 43, label: "11", source: 'corrected', expected: 10, entities: {"Urine Output":[920,"mL/day"],"DOPamine":[3.2,"mcg/kg/min"],"norEPINEPHrine":[0.05,"mcg/kg/min"],"Bilirubin":[2.5,"mg/dL"],"creatinine":[1.8,"mg/dL"],"DOBUTamine":[3,"mcg/kg/min"],"Platelet count":[175000,"µL"],"On mechanical ventilation":false,"Diastolic Blood Pressure":[80,"mm Hg"],"Glasgow Coma Score":12,"Partial pressure of oxygen (PaO₂) for Apache II":[75,"mm Hg"],"FiO₂":[55,"%"],"EPINEPHrine":[0.03,"mcg/kg/min"],"Systolic Blood Pressure":[115,"mm Hg"],"Continous positive airway pressure":false} },
  // SOFA (corrected label): P/F < 200 without respiratory support scored 3 (see row 893).
  //   respiration: PaO₂/FiO₂ = 76/0.54 = 140.741 without ventilation (max 2): + 2 (2); liver: bilirubin 1.6 mg/dL: + 1 (3); cardiovascular:
  //   dopamine 3.4, dobutamine 3, epinephrine 0.02, norepinephrine 0.04 µg/kg/min: + 3 (6); CNS: GCS 11: + 2 (8); renal: creatinine 1.471 mg/dL,
  //   urine output 910 mL/day: + 1 (9); SOFA = 9.
  { row: 905, medcalcId: 43, label: "10", source: 'corrected', expected: 9, entities: {"Urine Output":[910,"mL/day"],"DOPamine":[3.4,"mcg/kg/min"],"norEPINEPHrine":[0.04,"mcg/kg/min"],"Bilirubin":[1.6,"mg/dL"],"creatinine":[130,"µmol/L"],"DOBUTamine":[3,"mcg/kg/min"],"Platelet count":[165000,"µL"],"Hypotension":true,"On mechanical ventilation":false,"Diastolic Blood Pressure":[75,"mm Hg"],"Glasgow Coma Score":11,"Partial pressure of oxygen (PaO₂) for Apache II":[76,"mm Hg"],"FiO₂":[54,"%"],"EPINEPHrine":[0.02,"mcg/kg/min"],"Systolic Blood Pressure":[130,"mm Hg"],"Continous positive airway pressure":false} },
  // Caprini: the original restarts the running total at each item instead of summing.
  //   age 63: + 2 (2); surgery: Major: + 2 (4); mobility: Confined to bed >72 hours: + 2 (6); BMI 27.1 (> 25): + 1 (7); Major
  //   surgery within 1 month present: + 1 (8); Hip, pelvis or leg fracture within 1 month present: + 5 (13); Multiple trauma within 1 month
  //   present: + 5 (18); Varicose veins present: + 1 (19); Family history of thrombosis present: + 3 (22); Elevated serum homocysteine
  //   present: + 3 (25); History of DVT or PE present: + 3 (28); Caprini score = 28.
  { row: 908, medcalcId: 36, label: "6", source: 'original', expected: 28, entities: {"age":[63,"years"],"sex":"Female","Surgery Type":"major","Major Surgery in the last month":true,"Congestive Heart Failure in the last month":false,"Sepsis in the last month":false,"Pneumonia in the last month":false,"Hip, pelvis, or leg fracture in the last month":true,"Stroke in the last month":false,"Multiple trauma in the last month":true,"Acute spinal cord injury causing paralysis in the last month":false,"Varicose veins":true,"Current swollen legs":false,"Previously documented Deep Vein Thrombosis":true,"Previously Documented Pulmonary Embolism":false,"Family history of thrombosis":true,"Positive Factor V Leiden":false,"Positive prothrombin 20210A":false,"Elevated serum homocysteine":true,"Positive lupus anticoagulant":false,"Elevated anticardiolipin antibody":false,"Heparin-induced thrombocytopenia":false,"Other congenital or acquired thrombophilia":false,"Mobility":"confined to bed >72 hours","History of inflammatory bowel disease":false,"Body Mass Index (BMI)":[27.1,"kg/m^2"],"Acute Myocardial infarction":false,"Chronic Obstructive Pulmonary Disease":false,"Present or previous malignancy":false} },
  // Caprini: the original does not sum (see row 908).
  //   age 81: + 3 (3); surgery: Elective major lower extremity arthroplasty: + 5 (8); Major surgery within 1 month present: + 1 (9);
  //   Sepsis within 1 month present: + 1 (10); Stroke within 1 month present: + 5 (15); Varicose veins present: + 1 (16); Family history
  //   of thrombosis present: + 3 (19); Prothrombin 20210A present: + 3 (22); Heparin-induced thrombocytopenia present: + 3 (25); History
  //   of DVT or PE present: + 3 (28); Caprini score = 28.
  { row: 909, medcalcId: 36, label: "8", source: 'original', expected: 28, entities: {"age":[81,"years"],"sex":"Male","Surgery Type":"elective major lower extremity arthroplasty","Major Surgery in the last month":true,"Congestive Heart Failure in the last month":false,"Sepsis in the last month":true,"Pneumonia in the last month":false,"Immobilizing plaster cast in the last month":false,"Hip, pelvis, or leg fracture in the last month":false,"Stroke in the last month":true,"Multiple trauma in the last month":false,"Acute spinal cord injury causing paralysis in the last month":false,"Varicose veins":true,"Current swollen legs":false,"Current central venous access":false,"Previously documented Deep Vein Thrombosis":true,"Previously Documented Pulmonary Embolism":false,"Family history of thrombosis":true,"Positive Factor V Leiden":false,"Positive prothrombin 20210A":true,"Elevated serum homocysteine":false,"Positive lupus anticoagulant":false,"Elevated anticardiolipin antibody":false,"Heparin-induced thrombocytopenia":true,"Other congenital or acquired thrombophilia":false,"Mobility":"normal","History of inflammatory bowel disease":false,"Body Mass Index (BMI)":[21.4,"kg/m^2"],"Acute Myocardial infarction":false,"Chronic Obstructive Pulmonary Disease":false,"Present or previous malignancy":false} },
  // Caprini: the original does not sum (see row 908).
  //   age 74: + 2 (2); surgery: Minor: + 1 (3); mobility: On bed rest: + 1 (4); Congestive heart failure within 1 month present: + 1
  //   (5); Pneumonia or serious lung disease within 1 month present: + 1 (6); Immobilising plaster cast within 1 month present: + 2 (8);
  //   Multiple trauma within 1 month present: + 5 (13); Varicose veins present: + 1 (14); Current central venous access present: + 2 (16);
  //   Family history of thrombosis present: + 3 (19); Acute myocardial infarction present: + 1 (20); Caprini score = 20.
  { row: 910, medcalcId: 36, label: "4", source: 'original', expected: 20, entities: {"age":[74,"years"],"sex":"Female","Surgery Type":"minor","Major Surgery in the last month":false,"Congestive Heart Failure in the last month":true,"Sepsis in the last month":false,"Pneumonia in the last month":true,"Immobilizing plaster cast in the last month":true,"Hip, pelvis, or leg fracture in the last month":false,"Stroke in the last month":false,"Multiple trauma in the last month":true,"Acute spinal cord injury causing paralysis in the last month":false,"Varicose veins":true,"Current swollen legs":false,"Current central venous access":true,"Previously documented Deep Vein Thrombosis":false,"Previously Documented Pulmonary Embolism":false,"Family history of thrombosis":true,"Positive Factor V Leiden":false,"Positive prothrombin 20210A":false,"Elevated serum homocysteine":false,"Positive lupus anticoagulant":false,"Elevated anticardiolipin antibody":false,"Heparin-induced thrombocytopenia":false,"Other congenital or acquired thrombophilia":false,"Mobility":"on bed rest","History of inflammatory bowel disease":false,"Body Mass Index (BMI)":[23.1,"kg/m^2"],"Acute Myocardial infarction":true,"Chronic Obstructive Pulmonary Disease":false,"Present or previous malignancy":false} },
  // Caprini: the original does not sum (see row 908).
  //   age 67: + 2 (2); BMI 28.3 (> 25): + 1 (3); Congestive heart failure within 1 month present: + 1 (4); Pneumonia or serious lung
  //   disease within 1 month present: + 1 (5); Hip, pelvis or leg fracture within 1 month present: + 5 (10); Acute spinal cord injury with
  //   paralysis within 1 month present: + 5 (15); Current swollen legs present: + 1 (16); Factor V Leiden present: + 3 (19); Lupus
  //   anticoagulant present: + 3 (22); Present or previous malignancy present: + 2 (24); History of DVT or PE present: + 3 (27); Caprini
  //   score = 27.
  { row: 911, medcalcId: 36, label: "2", source: 'original', expected: 27, entities: {"age":[67,"years"],"sex":"Female","Major Surgery in the last month":false,"Congestive Heart Failure in the last month":true,"Sepsis in the last month":false,"Pneumonia in the last month":true,"Immobilizing plaster cast in the last month":false,"Hip, pelvis, or leg fracture in the last month":true,"Stroke in the last month":false,"Multiple trauma in the last month":false,"Acute spinal cord injury causing paralysis in the last month":true,"Varicose veins":false,"Current swollen legs":true,"Current central venous access":false,"Previously documented Deep Vein Thrombosis":false,"Previously Documented Pulmonary Embolism":true,"Family history of thrombosis":false,"Positive Factor V Leiden":true,"Positive prothrombin 20210A":false,"Elevated serum homocysteine":false,"Positive lupus anticoagulant":true,"Elevated anticardiolipin antibody":false,"Heparin-induced thrombocytopenia":false,"Other congenital or acquired thrombophilia":false,"Mobility":"normal","History of inflammatory bowel disease":false,"Body Mass Index (BMI)":[28.3,"kg/m^2"],"Acute Myocardial infarction":false,"Chronic Obstructive Pulmonary Disease":false,"Present or previous malignancy":true} },
  // Caprini: the original does not sum (see row 908).
  //   age 76: + 3 (3); surgery: Elective major lower extremity arthroplasty: + 5 (8); mobility: On bed rest: + 1 (9); BMI 28 (> 25): + 1
  //   (10); Major surgery within 1 month present: + 1 (11); Congestive heart failure within 1 month present: + 1 (12); Pneumonia or
  //   serious lung disease within 1 month present: + 1 (13); Stroke within 1 month present: + 5 (18); Current swollen legs present: + 1 (total
  //   19); Current central venous access present: + 2 (21); Factor V Leiden present: + 3 (24); COPD / abnormal pulmonary function present: + 1
  //   (25); Caprini score = 25.
  { row: 912, medcalcId: 36, label: "9", source: 'original', expected: 25, entities: {"History of inflammatory bowel disease":false,"Congestive Heart Failure in the last month":true,"Hip, pelvis, or leg fracture in the last month":false,"Acute Myocardial infarction":false,"Chronic Obstructive Pulmonary Disease":true,"Elevated anticardiolipin antibody":false,"Mobility":"on bed rest","Current central venous access":true,"Positive prothrombin 20210A":false,"Acute spinal cord injury causing paralysis in the last month":false,"Stroke in the last month":true,"Present or previous malignancy":false,"Body Mass Index (BMI)":[28,"kg/m^2"],"Immobilizing plaster cast in the last month":false,"Other congenital or acquired thrombophilia":false,"Pneumonia in the last month":true,"age":[76,"years"],"Family history of thrombosis":false,"Surgery Type":"elective major lower extremity arthroplasty","Sepsis in the last month":false,"Heparin-induced thrombocytopenia":false,"Major Surgery in the last month":true,"sex":"Male","Positive Factor V Leiden":true,"Current swollen legs":true} },
  // Caprini: the original does not sum (see row 908).
  //   age 56: + 1 (1); Major surgery within 1 month present: + 1 (2); Sepsis within 1 month present: + 1 (3); Immobilising plaster cast
  //   within 1 month present: + 2 (5); Stroke within 1 month present: + 5 (10); Current central venous access present: + 2 (12); Elevated
  //   serum homocysteine present: + 3 (15); Anticardiolipin antibody present: + 3 (18); Caprini score = 18.
  { row: 913, medcalcId: 36, label: "1", source: 'original', expected: 18, entities: {"age":[56,"years"],"sex":"Male","Major Surgery in the last month":true,"Congestive Heart Failure in the last month":false,"Sepsis in the last month":true,"Pneumonia in the last month":false,"Immobilizing plaster cast in the last month":true,"Hip, pelvis, or leg fracture in the last month":false,"Stroke in the last month":true,"Multiple trauma in the last month":false,"Varicose veins":false,"Current swollen legs":false,"Current central venous access":true,"Previously documented Deep Vein Thrombosis":false,"Previously Documented Pulmonary Embolism":false,"Family history of thrombosis":false,"Positive Factor V Leiden":false,"Positive prothrombin 20210A":false,"Elevated serum homocysteine":true,"Positive lupus anticoagulant":false,"Elevated anticardiolipin antibody":true,"Mobility":"normal","History of inflammatory bowel disease":false,"Body Mass Index (BMI)":[23.4,"kg/m^2"],"Acute Myocardial infarction":false,"Chronic Obstructive Pulmonary Disease":false,"Present or previous malignancy":false} },
  // Caprini: the original does not sum (see row 908).
  //   surgery: Minor: + 1 (1); mobility: On bed rest: + 1 (2); BMI 32 (> 25): + 1 (3); Congestive heart failure within 1 month present: +
  //   1 (4); Stroke within 1 month present: + 5 (9); Varicose veins present: + 1 (10); Current central venous access present: + 2 (total
  //   12); Family history of thrombosis present: + 3 (15); Elevated serum homocysteine present: + 3 (18); Heparin-induced thrombocytopenia
  //   present: + 3 (21); History of inflammatory bowel disease present: + 1 (22); Caprini score = 22.
  { row: 915, medcalcId: 36, label: "2", source: 'original', expected: 22, entities: {"History of inflammatory bowel disease":true,"Congestive Heart Failure in the last month":true,"Acute Myocardial infarction":false,"Mobility":"on bed rest","Current central venous access":true,"Positive prothrombin 20210A":false,"Acute spinal cord injury causing paralysis in the last month":false,"Stroke in the last month":true,"Present or previous malignancy":false,"Body Mass Index (BMI)":[32,"kg/m^2"],"Previously Documented Pulmonary Embolism":false,"Immobilizing plaster cast in the last month":false,"Positive lupus anticoagulant":false,"age":[39,"years"],"Family history of thrombosis":true,"Surgery Type":"minor","Heparin-induced thrombocytopenia":true,"sex":"Male","Elevated serum homocysteine":true,"Varicose veins":true,"Current swollen legs":false} },
  // Caprini: the original does not sum (see row 908).
  //   age 55: + 1 (1); surgery: Laparoscopic: + 2 (3); mobility: On bed rest: + 1 (4); BMI 31 (> 25): + 1 (5); Major surgery within
  //   1 month present: + 1 (6); Congestive heart failure within 1 month present: + 1 (7); Pneumonia or serious lung disease within 1 month
  //   present: + 1 (8); Factor V Leiden present: + 3 (11); COPD / abnormal pulmonary function present: + 1 (12); History of DVT or PE
  //   present: + 3 (15); Caprini score = 15.
  { row: 917, medcalcId: 36, label: "4", source: 'original', expected: 15, entities: {"Congestive Heart Failure in the last month":true,"Hip, pelvis, or leg fracture in the last month":false,"Chronic Obstructive Pulmonary Disease":true,"Elevated anticardiolipin antibody":false,"Mobility":"on bed rest","Positive prothrombin 20210A":false,"Previously documented Deep Vein Thrombosis":true,"Present or previous malignancy":false,"Body Mass Index (BMI)":[31,"kg/m^2"],"Other congenital or acquired thrombophilia":false,"Pneumonia in the last month":true,"age":[55,"years"],"Surgery Type":"laparoscopic","Major Surgery in the last month":true,"sex":"Male","Elevated serum homocysteine":false,"Positive Factor V Leiden":true} },
  // Caprini: the original does not sum (see row 908).
  //   age 60: + 1 (1); mobility: Confined to bed >72 hours: + 2 (3); BMI 27 (> 25): + 1 (4); Major surgery within 1 month present: + 1
  //   (5); Immobilising plaster cast within 1 month present: + 2 (7); Hip, pelvis or leg fracture within 1 month present: + 5 (12); Stroke
  //   within 1 month present: + 5 (17); Current swollen legs present: + 1 (18); Family history of thrombosis present: + 3 (21); Elevated
  //   serum homocysteine present: + 3 (24); Lupus anticoagulant present: + 3 (27); Caprini score = 27.
  { row: 920, medcalcId: 36, label: "3", source: 'original', expected: 27, entities: {"Congestive Heart Failure in the last month":false,"Hip, pelvis, or leg fracture in the last month":true,"Acute Myocardial infarction":false,"Elevated anticardiolipin antibody":false,"Mobility":"confined to bed >72 hours","Current central venous access":false,"Previously documented Deep Vein Thrombosis":false,"Stroke in the last month":true,"Present or previous malignancy":false,"Body Mass Index (BMI)":[27,"kg/m^2"],"Immobilizing plaster cast in the last month":true,"Positive lupus anticoagulant":true,"Pneumonia in the last month":false,"age":[60,"years"],"Family history of thrombosis":true,"Heparin-induced thrombocytopenia":false,"Major Surgery in the last month":true,"sex":"Female","Elevated serum homocysteine":true,"Positive Factor V Leiden":false,"Current swollen legs":true} },
  // Caprini: the original does not sum (see row 908).
  //   age 48: + 1 (1); surgery: Minor: + 1 (2); BMI 28 (> 25): + 1 (3); Varicose veins present: + 1 (4); Current central venous
  //   access present: + 2 (6); Other congenital or acquired thrombophilia present: + 3 (9); Acute myocardial infarction present: + 1 (10);
  //   Present or previous malignancy present: + 2 (12); History of DVT or PE present: + 3 (15); Caprini score = 15.
  { row: 921, medcalcId: 36, label: "2", source: 'original', expected: 15, entities: {"History of inflammatory bowel disease":false,"Acute Myocardial infarction":true,"Chronic Obstructive Pulmonary Disease":false,"Elevated anticardiolipin antibody":false,"Mobility":"normal","Current central venous access":true,"Previously documented Deep Vein Thrombosis":true,"Stroke in the last month":false,"Present or previous malignancy":true,"Body Mass Index (BMI)":[28,"kg/m^2"],"Previously Documented Pulmonary Embolism":false,"Other congenital or acquired thrombophilia":true,"Pneumonia in the last month":false,"age":[48,"years"],"Surgery Type":"minor","Heparin-induced thrombocytopenia":false,"sex":"Male","Elevated serum homocysteine":false,"Varicose veins":true,"Current swollen legs":false} },
  // Caprini: the original does not sum (see row 908).
  //   age 56: + 1 (1); Major surgery within 1 month present: + 1 (2); Pneumonia or serious lung disease within 1 month present: + 1 (3);
  //   Hip, pelvis or leg fracture within 1 month present: + 5 (8); Current swollen legs present: + 1 (9); Factor V Leiden present: + 3 (total
  //   12); Anticardiolipin antibody present: + 3 (15); Other congenital or acquired thrombophilia present: + 3 (18); Caprini score = 18.
  { row: 924, medcalcId: 36, label: "1", source: 'original', expected: 18, entities: {"History of inflammatory bowel disease":false,"Hip, pelvis, or leg fracture in the last month":true,"Chronic Obstructive Pulmonary Disease":false,"Elevated anticardiolipin antibody":true,"Mobility":"normal","Current central venous access":false,"Previously documented Deep Vein Thrombosis":false,"Stroke in the last month":false,"Multiple trauma in the last month":false,"Body Mass Index (BMI)":[24,"kg/m^2"],"Previously Documented Pulmonary Embolism":false,"Other congenital or acquired thrombophilia":true,"Positive lupus anticoagulant":false,"Pneumonia in the last month":true,"age":[56,"years"],"Sepsis in the last month":false,"Major Surgery in the last month":true,"sex":"Male","Positive Factor V Leiden":true,"Current swollen legs":true} },
  // Caprini: the original does not sum (see row 908).
  //   age 58: + 1 (1); surgery: Minor: + 1 (2); Major surgery within 1 month present: + 1 (3); Pneumonia or serious lung disease within 1
  //   month present: + 1 (4); Immobilising plaster cast within 1 month present: + 2 (6); Hip, pelvis or leg fracture within 1 month present: + 5
  //   (11); Varicose veins present: + 1 (12); Elevated serum homocysteine present: + 3 (15); Anticardiolipin antibody present: + 3 (total
  //   18); Caprini score = 18.
  { row: 926, medcalcId: 36, label: "2", source: 'original', expected: 18, entities: {"Hip, pelvis, or leg fracture in the last month":true,"Chronic Obstructive Pulmonary Disease":false,"Elevated anticardiolipin antibody":true,"Mobility":"normal","Current central venous access":false,"Previously documented Deep Vein Thrombosis":false,"Stroke in the last month":false,"Multiple trauma in the last month":false,"Body Mass Index (BMI)":[25,"kg/m^2"],"Previously Documented Pulmonary Embolism":false,"Immobilizing plaster cast in the last month":true,"Positive lupus anticoagulant":false,"Pneumonia in the last month":true,"age":[58,"years"],"Surgery Type":"minor","Heparin-induced thrombocytopenia":false,"Major Surgery in the last month":true,"sex":"Female","Elevated serum homocysteine":true,"Varicose veins":true,"Current swollen legs":false} },
  // Caprini: the original does not sum (see row 908).
  //   age 50: + 1 (1); mobility: On bed rest: + 1 (2); BMI 30 (> 25): + 1 (3); Congestive heart failure within 1 month present: + 1 (total
  //   4); Sepsis within 1 month present: + 1 (5); Current swollen legs present: + 1 (6); Current central venous access present: + 2 (8);
  //   Elevated serum homocysteine present: + 3 (11); Other congenital or acquired thrombophilia present: + 3 (14); History of DVT or PE present:
  //   + 3 (17); Caprini score = 17.
  { row: 927, medcalcId: 36, label: "2", source: 'original', expected: 17, entities: {"History of inflammatory bowel disease":false,"Congestive Heart Failure in the last month":true,"Acute Myocardial infarction":false,"Mobility":"on bed rest","Current central venous access":true,"Previously documented Deep Vein Thrombosis":true,"Multiple trauma in the last month":false,"Body Mass Index (BMI)":[30,"kg/m^2"],"Previously Documented Pulmonary Embolism":true,"Other congenital or acquired thrombophilia":true,"Pneumonia in the last month":false,"age":[50,"years"],"Family history of thrombosis":false,"Sepsis in the last month":true,"Heparin-induced thrombocytopenia":false,"sex":"Female","Elevated serum homocysteine":true,"Positive Factor V Leiden":false,"Current swollen legs":true} },
  // Due date: a 24-day cycle moves the date 4 days earlier; the original adds 4 days.
  //   Naegele: LMP 03/31/2006 + 1 year − 3 months + 7 days = 01/07/2007; Cycle 24 days: − 4 days → 01/03/2007.
  { row: 929, medcalcId: 13, label: "01/09/2007", source: 'original', expected: "01/03/2007", entities: {"cycle length":24,"Last menstrual date":"03/31/2006"} },
  // Conception date (corrected label): LMP + (29 − 14) = 15 days; the label adds 14, unlike the other corrected rows, which follow LMP + (cycle − 14).
  //   Conception ≈ LMP + (cycle − 14) days = 10/11/2020 + 15 days = 10/26/2020.
  { row: 1016, medcalcId: 68, label: "10/25/2020", source: 'corrected', expected: "10/26/2020", entities: {"cycle length":29,"Last menstrual date":"10/11/2020"} },
  // Conception date (corrected label): LMP + (22 − 14) = 8 days; the label adds 7.
  //   Conception ≈ LMP + (cycle − 14) days = 11/10/2002 + 8 days = 11/18/2002.
  { row: 1019, medcalcId: 68, label: "11/17/2002", source: 'corrected', expected: "11/18/2002", entities: {"cycle length":22,"Last menstrual date":"11/10/2002"} },
];

export const REVIEWED: readonly LabelDispute[] = CASES.map((c) => ({ ...c, kind: 'label-error' }));
