/** Disputed MedCalc-Bench labels: critical calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

export const CRITICAL: readonly LabelDispute[] = [
  // Charlson, entity gap (ambiguous note): the note lists diet-controlled diabetes together with peripheral neuropathy and CKD; the
  //   entities score the diabetes 'None or diet-controlled' (0). The corrected label reads the neuropathy (and CKD) as diabetic
  //   end-organ damage, which Charlson 1987 scores 2 whatever the treatment (retinopathy, neuropathy, nephropathy). The note does not
  //   attribute the neuropathy to the diabetes, so this is a reading, not a certainty; no other item of the note gives the missing 2.
  //   From the entities: age 60 (60-69): + 2; congestive heart failure: + 1; chronic pulmonary disease: + 1; moderate-severe CKD: + 2;
  //   diabetes none or diet-controlled: 0; Charlson = 6.
  //   With diabetes with end-organ damage: 6 + 2 = 8 = the label.
  { row: 427, medcalcId: 32, label: "8", lower: "7.6", upper: "8.4", source: 'corrected', kind: 'entity-gap', expected: 6, entities: {"Transient Ischemic Attacks History":false,"Lymphoma":false,"Solid tumor":false,"Dementia":false,"age":[60,"years"],"Leukemia":false,"Myocardial infarction":false,"Congestive Heart Faliure":true,"Hemiplegia":false,"Chronic Obstructive Pulmonary Disease":true,"Moderate to severe Chronic Kidney Disease":true,"Cerebrovascular Accident":false,"Diabetes mellitus criteria for CCI rule":"None or Diet-controlled"}, reproduce: { entities: {"Diabetes mellitus criteria for CCI rule":"End-organ damage"} } },
  // Charlson, entity gap (ambiguous note): the only liver history is a hepatitis B infection in 2014, managed with supportive care and
  //   described as well controlled, with no antiviral, no cirrhosis and no liver test given. Charlson's mild liver disease is chronic
  //   hepatitis or cirrhosis without portal hypertension; the entities take the infection as chronic ('Mild', 1), the corrected label
  //   (14, one point less) is reproduced exactly by reading it as a resolved infection. Every other item is unambiguous in the note
  //   (metastatic prostate cancer, SLE, Alzheimer's, MI, HFrEF on furosemide, claudication on cilostazol).
  //   From the entities: age 75 (70-79): + 3; MI: + 1; CHF: + 1; PVD: + 1; dementia: + 1; connective tissue disease: + 1; liver
  //   disease mild: + 1; metastatic solid tumour: + 6; Charlson = 15.
  //   Without chronic liver disease: 15 − 1 = 14 = the label.
  { row: 428, medcalcId: 32, label: "14", lower: "13.299999999999999", upper: "14.700000000000001", source: 'corrected', kind: 'entity-gap', expected: 15, entities: {"Transient Ischemic Attacks History":false,"Solid tumor":"Metastatic","Connective tissue disease":true,"Dementia":true,"age":[75,"years"],"Myocardial infarction":true,"Peptic ulcer disease":false,"Liver disease severity":"Mild","Congestive Heart Faliure":true,"Peripheral vascular disease":true,"Moderate to severe Chronic Kidney Disease":false,"Cerebrovascular Accident":false}, reproduce: { entities: {"Liver disease severity":"None"} } },
  // Charlson (original and corrected label): both score diet-controlled diabetes 1; Charlson 1987 counts diabetes only when treated
  //   with insulin or oral hypoglycaemics, not diet alone (MDCalc: 'None or diet-controlled' = 0), as in row 433 (reviewed.ts). The
  //   note documents diet-controlled diabetes without end-organ damage.
  //   age 55 (50-59): + 1; CHF: + 1; PVD: + 1; chronic pulmonary disease: + 1; connective tissue disease: + 1; moderate-severe CKD: + 2;
  //   leukaemia: + 2; liver disease mild: + 1; diabetes none or diet-controlled: 0; Charlson = 10 (the label's 11 adds 1 for the diet-
  //   controlled diabetes, as the original explanation shows).
  { row: 435, medcalcId: 32, label: "11", lower: "10.45", upper: "11.55", source: 'corrected', kind: 'label-error', expected: 10, entities: {"Congestive Heart Faliure":true,"AIDS":false,"Moderate to severe Chronic Kidney Disease":true,"Diabetes mellitus criteria for CCI rule":"None or diet-controlled","Liver disease severity":"Mild","Dementia":false,"Connective tissue disease":true,"Peptic ulcer disease":false,"Peripheral vascular disease":true,"Chronic Obstructive Pulmonary Disease":true,"age":[55,"years"],"Leukemia":true,"Hemiplegia":false,"Transient Ischemic Attacks History":false,"Cerebrovascular Accident":false} },
  // Charlson (corrected label): diet-controlled diabetes scored 1 (see row 435); the note documents glucose now controlled by diet alone.
  //   age 78 (70-79): + 3; MI: + 1; dementia: + 1; chronic pulmonary disease: + 1; moderate-severe CKD (creatinine 3.5 mg/dL): + 2;
  //   liver disease moderate to severe (cirrhosis with portal hypertension): + 3; diabetes none or diet-controlled: 0; solid tumour
  //   localized (prostate cancer in remission): + 2; Charlson = 13 (the label's 14 is this plus 1 for the diet-controlled diabetes).
  { row: 440, medcalcId: 32, label: "14", lower: "13.299999999999999", upper: "14.700000000000001", source: 'corrected', kind: 'label-error', expected: 13, entities: {"Lymphoma":false,"Congestive Heart Faliure":false,"AIDS":false,"Moderate to severe Chronic Kidney Disease":true,"Diabetes mellitus criteria for CCI rule":"None or diet-controlled","Liver disease severity":"Moderate to Severe","Dementia":true,"Transient Ischemic Attacks History":false,"Connective tissue disease":false,"Peptic ulcer disease":false,"Solid tumor":true,"Peripheral vascular disease":false,"Cerebrovascular Accident":false,"Chronic Obstructive Pulmonary Disease":true,"age":[78,"years"],"Myocardial infarction":true,"Leukemia":false,"Hemiplegia":false} },
  // Charlson (corrected label): 15 follows from no reading of the note by the published definition.
  //   age 90 (≥ 80): + 4; TIA: + 1; moderate-severe CKD (creatinine 4.0 mg/dL): + 2; leukaemia (CLL on chemotherapy): + 2; liver
  //   disease moderate to severe: + 3; diabetes with end-organ damage (complicated by CKD): + 2; solid tumour localized (lung cancer in
  //   remission): + 2; Charlson = 16.
  //   One point less needs either TIA scored 0 (Charlson 1987 counts TIA and CVA with minor or no residua) or the diabetes scored as
  //   uncomplicated although the note says it is complicated by CKD (and row 445's corrected label, 9, counts end-organ diabetes 2 plus
  //   CKD 2). The only arguable item, 'moderate' liver disease without clinical manifestations (no portal hypertension described),
  //   would score mild (1) and give 14, not 15.
  { row: 443, medcalcId: 32, label: "15", lower: "14.25", upper: "15.75", source: 'corrected', kind: 'label-error', expected: 16, entities: {"Lymphoma":false,"Congestive Heart Faliure":false,"AIDS":false,"Moderate to severe Chronic Kidney Disease":true,"Diabetes mellitus criteria for CCI rule":"End-organ damage","Liver disease severity":"Moderate to Severe","Dementia":false,"Transient Ischemic Attacks History":true,"Connective tissue disease":false,"Peptic ulcer disease":false,"Solid tumor":true,"Peripheral vascular disease":false,"Cerebrovascular Accident":true,"Chronic Obstructive Pulmonary Disease":false,"age":[90,"years"],"Myocardial infarction":false,"Leukemia":true,"Hemiplegia":false} },
  // Charlson, entity gap: the note documents a myocardial infarction, diabetes with renal failure, a past TIA and CKD, and nothing about
  //   liver disease or peripheral vascular disease; the entities say 'Peripheral vascular disease': true and 'Liver disease severity':
  //   'Severe'.
  //   From the entities: age 79 (70-79): + 3; MI: + 1; PVD: + 1; TIA: + 1; moderate-severe CKD: + 2; liver disease moderate to
  //   severe: + 3; diabetes with end-organ damage: + 2; Charlson = 13.
  //   Without the PVD and the liver disease: 13 − 1 − 3 = 9 = the label.
  { row: 445, medcalcId: 32, label: "9", lower: "8.549999999999999", upper: "9.450000000000001", source: 'corrected', kind: 'entity-gap', expected: 13, entities: {"Lymphoma":false,"AIDS":false,"Moderate to severe Chronic Kidney Disease":true,"Diabetes mellitus criteria for CCI rule":"End-organ damage","Liver disease severity":"Severe","Transient Ischemic Attacks History":true,"Connective tissue disease":false,"Solid tumor":false,"Peripheral vascular disease":true,"age":[79,"years"],"Myocardial infarction":true,"Leukemia":false,"Hemiplegia":false,"Cerebrovascular Accident":false}, reproduce: { entities: {"Peripheral vascular disease":false,"Liver disease severity":"None"} } },
  // GCS (corrected label): 11 needs a localising motor response (M5), and the note describes none. The patient opens her eyes to a
  //   sternal rub (E2); to the rub she shifts her trunk away from the examiner, which is withdrawal (M4): pulling away from the
  //   stimulus, not reaching towards it; the same corrected file scores an attempt to evade a sternal rub as withdrawal (row 867, label
  //   8 = E3 V1 M4). Her answer to where she is, a fluent but wrong sentence, is 'inappropriate words' (V3) in the entities; it could
  //   be read as 'confused' (V4, conversational but disoriented), which would give 10. Neither reading gives 11 (E2 + V4 + M5, or the
  //   impossible E2 + V5 oriented + M4).
  //   Best eye response: eye opening to pain: + 2 (2); Best verbal response: inappropriate words: + 3 (5); Best motor response:
  //   withdrawal from pain: + 4 (9); GCS = 9.
  { row: 848, medcalcId: 21, label: "11", lower: "10.45", upper: "11.55", source: 'corrected', kind: 'label-error', expected: 9, entities: {"Best eye response":"eye opening to pain","Best verbal response":"inappropriate words","Best motor response":"withdrawal from pain"} },
  // SOFA (original label, kept by the corrected file): the original scores 2 cardiovascular points with no dopamine or dobutamine
  //   (as in row 888, reviewed.ts) and 3 renal points for a urine output of 132 mL/day, which Vincent 1996 scores 4 (< 200 mL/day).
  //   The label's sum: respiration 2 + cardiovascular 2 + CNS 3 + liver 2 + coagulation 2 + renal 3 = 14.
  //   The note documents no vasopressors and a normotensive patient, so the note's SOFA is 2 + 0 + 3 + 2 + 2 + 4 = 13; the entities
  //   nevertheless carry norepinephrine 0.27 µg/kg/min, which gives 4 cardiovascular points. Neither the note nor the entities give 14.
  //   From the entities: respiration: PaO₂/FiO₂ = 87/0.71 = 122.5 without ventilation (max 2): + 2 (2); coagulation: platelets 87 × 10³/µL:
  //   + 2 (4); liver: bilirubin 3.32 mg/dL: + 2 (6); cardiovascular: norepinephrine 0.27 µg/kg/min (> 0.1): + 4 (10); CNS: GCS 8: + 3
  //   (13); renal: urine output 132 mL/day (< 200): + 4 (17); SOFA = 17.
  { row: 891, medcalcId: 43, label: "14", lower: "13.299999999999999", upper: "14.700000000000001", source: 'corrected', kind: 'label-error', expected: 17, entities: {"norEPINEPHrine":[0.27,"mc/kg/min"],"FiO₂":[71,"%"],"Continuous veno-venous hemodialysis for ≥24 hours in the past week":true,"On mechanical ventilation":false,"Urine Output":[132,"mL/day"],"Partial pressure of oxygen (PaO₂) for Apache II":[87,"mm Hg"],"Hypotension":false,"Glasgow Coma Score":8,"Bilirubin":[3.32,"mg/dL"],"Platelet count":[87000,"µL"],"Continous positive airway pressure":false} },
];
