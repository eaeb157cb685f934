/** Disputed MedCalc-Bench labels: vte calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

export const VTE: readonly LabelDispute[] = [
  // Wells PE, label error: the corrected file's own physician note on row 138 fixes the Wells time frame at presentation to the ED.
  //   At presentation this patient (COVID-19 pneumonia) has a heart rate of 110 and nothing else the score counts: no DVT signs, PE
  //   not the leading diagnosis (the work-up is for viral pneumonia), no immobilisation, surgery, prior VTE, haemoptysis or cancer.
  //   The only reading that reaches 3 adds 1.5 for immobilisation, and the immobilisation is the later ICU course (intubated from
  //   day 3, prone positioning), which row 138's rule excludes.
  //   From the entities: heart rate 110 (> 100): + 1.5; Wells' PE score = 1.5 (also the original label).
  { row: 120, medcalcId: 8, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'label-error', expected: 1.5, entities: {"Heart Rate or Pulse":[110,"beats per minute"],"Previously Documented Pulmonary Embolism":false,"Immobilization for at least 3 days":false,"Malignancy with treatment within 6 months or palliative":false,"Pulmonary Embolism is #1 diagnosis OR equally likely":false,"Surgery in the previous 4 weeks":false,"Previously documented Deep Vein Thrombosis":false} },
  // Wells PE, entity gap: the saddle PE in the note is the presenting event (found on this CTPA); the note documents no earlier PE
  //   or DVT, and the family history is negative for thromboembolism. The entities say 'Previously Documented Pulmonary Embolism': true.
  //   From the entities: PE most likely: + 3; heart rate 120 (> 100): + 1.5; previous PE or DVT: + 1.5; Wells' PE score = 6.
  //   Without a previous PE: 6 − 1.5 = 4.5 = the label.
  { row: 121, medcalcId: 8, label: "4.5", lower: "4.2749999999999995", upper: "4.7250000000000005", source: 'corrected', kind: 'entity-gap', expected: 6, entities: {"Previously Documented Pulmonary Embolism":true,"Heart Rate or Pulse":[120,"beats per minute"],"Immobilization for at least 3 days":false,"Surgery in the previous 4 weeks":false,"Malignancy with treatment within 6 months or palliative":false,"Pulmonary Embolism is #1 diagnosis OR equally likely":true,"Previously documented Deep Vein Thrombosis":false}, reproduce: { entities: {"Previously Documented Pulmonary Embolism":false} } },
  // Wells PE, entity gap: the bilateral femoral / iliocaval thrombosis in the note is the current one, found by Doppler on this
  //   admission (it is what the DVT-signs item already scores); the note documents no earlier DVT. The entities say 'Previously
  //   documented Deep Vein Thrombosis': true.
  //   From the entities: clinical signs of DVT: + 3; heart rate 118 (> 100): + 1.5; previous PE or DVT: + 1.5; Wells' PE score = 6.
  //   Without a previous DVT: 6 − 1.5 = 4.5 = the label.
  { row: 123, medcalcId: 8, label: "4.5", lower: "4.2749999999999995", upper: "4.7250000000000005", source: 'corrected', kind: 'entity-gap', expected: 6, entities: {"Previously Documented Pulmonary Embolism":false,"Heart Rate or Pulse":[118,"beats per minute"],"Previously documented Deep Vein Thrombosis":true,"Immobilization for at least 3 days":false,"Hemoptysis":false,"Surgery in the previous 4 weeks":false,"Clinical signs and symptoms of Deep Vein Thrombosis":true,"Malignancy with treatment within 6 months or palliative":false,"Pulmonary Embolism is #1 diagnosis OR equally likely":false}, reproduce: { entities: {"Previously documented Deep Vein Thrombosis":false} } },
  // Wells PE, entity gap: the patient presents to the ED after 24 h of seizures; the note documents no immobilisation of 3 days or
  //   more before presentation (the time frame row 138's physician note sets). The entities say 'Immobilization for at least 3 days': true.
  //   From the entities: heart rate 108 (> 100): + 1.5; immobilisation ≥ 3 days: + 1.5; Wells' PE score = 3.
  //   Without the immobilisation: 1.5 = the label.
  { row: 127, medcalcId: 8, label: "1.5", lower: "1.4249999999999998", upper: "1.5750000000000002", source: 'corrected', kind: 'entity-gap', expected: 3, entities: {"Heart Rate or Pulse":[108,"beats per minute"],"Immobilization for at least 3 days":true,"Surgery in the previous 4 weeks":false,"Malignancy with treatment within 6 months or palliative":false,"Pulmonary Embolism is #1 diagnosis OR equally likely":false,"Previously Documented Pulmonary Embolism":false,"Previously documented Deep Vein Thrombosis":false}, reproduce: { entities: {"Immobilization for at least 3 days":false} } },
  // Wells PE, entity gap: the only surgery in the note is the aortic valve replacement on day 4 of this admission, after the ED
  //   presentation at which the heart rate (76) was taken; the physician who relabelled the row scores everything at presentation.
  //   The entities say 'Surgery in the previous 4 weeks': true.
  //   From the entities: surgery within 4 weeks: + 1.5; Wells' PE score = 1.5.
  //   Without the later surgery: 0 = the label.
  { row: 138, medcalcId: 8, label: "0", lower: "0.0", upper: "0.0", source: 'corrected', kind: 'entity-gap', expected: 1.5, entities: {"Previously Documented Pulmonary Embolism":false,"Heart Rate or Pulse":[76,"beats per minute"],"Previously documented Deep Vein Thrombosis":false,"Immobilization for at least 3 days":false,"Hemoptysis":false,"Surgery in the previous 4 weeks":true,"Clinical signs and symptoms of Deep Vein Thrombosis":false,"Malignancy with treatment within 6 months or palliative":false,"Pulmonary Embolism is #1 diagnosis OR equally likely":false}, reproduce: { entities: {"Surgery in the previous 4 weeks":false} } },
  // Wells DVT, entity gap (a reading of the note): the physician who relabelled the row scores 'bedridden > 3 days' from the days of
  //   illness and the earlier hospital admission before the hemiparesis, while noting the note never says bedridden in so many words.
  //   The entities say 'Bedridden recently >3 days or major surgery within 12 weeks': false.
  //   From the entities: paresis (left hemiparesis includes the leg): + 1; alternative diagnosis as likely: − 2; Wells' DVT = −1.
  //   With bedridden > 3 days: −1 + 1 = 0 = the label.
  { row: 221, medcalcId: 16, label: "0", lower: "0.0", upper: "0.0", source: 'corrected', kind: 'entity-gap', expected: -1, entities: {"Active cancer":false,"Bedridden recently >3 days or major surgery within 12 weeks":false,"Major surgery within 12 weeks":false,"Entire Leg Swollen":false,"Localized tenderness along the deep venous system":false,"Pitting edema, confined to symptomatic leg":false,"Paralysis, paresis, or recent plaster immobilization of the lower extremity":true,"Previously documented Deep Vein Thrombosis":false,"Alternative diagnosis to Deep Vein Thrombosis as likely or more likely":true,"Calf swelling >3 centimeters compared to the other leg":false,"Collateral (nonvaricose) superficial veins present":false}, reproduce: { entities: {"Bedridden recently >3 days or major surgery within 12 weeks":true} } },
  // Wells DVT, entity gap: the only cancer in the note is a previous basal cell carcinoma, with no treatment in the last 6 months
  //   and no palliative care; Wells 2003 counts active cancer only (treatment ongoing, within 6 months, or palliative). The entities
  //   say 'Active cancer': true.
  //   From the entities: active cancer: + 1; alternative diagnosis as likely: − 2; Wells' DVT = −1.
  //   Without active cancer: −2 = the label.
  { row: 226, medcalcId: 16, label: "-2", lower: "-2.1", upper: "-1.9", source: 'corrected', kind: 'entity-gap', expected: -1, entities: {"Alternative diagnosis to Deep Vein Thrombosis as likely or more likely":true,"Previously documented Deep Vein Thrombosis":false,"Paralysis, paresis, or recent plaster immobilization of the lower extremity":false,"Entire Leg Swollen":false,"Bedridden recently >3 days or major surgery within 12 weeks":false,"Active cancer":true,"Major surgery within 12 weeks":false,"Calf swelling >3 centimeters compared to the other leg":false,"Collateral (nonvaricose) superficial veins present":false,"Localized tenderness along the deep venous system":false,"Pitting edema, confined to symptomatic leg":false}, reproduce: { entities: {"Active cancer":false} } },
  // Wells DVT, label error: Wells 2003 defines active cancer by treatment (ongoing, within the previous 6 months, or palliative), not
  //   by disease status. The note describes stage IIIA NSCLC in radiological remission, but her current medications include
  //   gefitinib, an EGFR inhibitor used only as NSCLC therapy: treatment is ongoing, so the item scores. The label (−2) takes
  //   'remission' as inactive cancer.
  //   From the entities: active cancer: + 1; alternative diagnosis as likely: − 2; Wells' DVT = −1.
  { row: 229, medcalcId: 16, label: "-2", lower: "-2.1", upper: "-1.9", source: 'corrected', kind: 'label-error', expected: -1, entities: {"Active cancer":true,"Bedridden recently >3 days or major surgery within 12 weeks":false,"Major surgery within 12 weeks":false,"Paralysis, paresis, or recent plaster immobilization of the lower extremity":false,"Previously documented Deep Vein Thrombosis":false,"Alternative diagnosis to Deep Vein Thrombosis as likely or more likely":true,"Calf swelling >3 centimeters compared to the other leg":false,"Collateral (nonvaricose) superficial veins present":false,"Entire Leg Swollen":false,"Localized tenderness along the deep venous system":false,"Pitting edema, confined to symptomatic leg":false} },
  // PERC, entity gap: the note's SpO₂ of 98 % was taken on 5 L/min nasal oxygen. PERC's saturation criterion is room-air SaO₂ < 95 %
  //   (Kline 2004), and a patient who needs 5 L of oxygen is not shown to be ≥ 95 % on room air, so the criterion is met. The
  //   entities keep the 98 % without the oxygen (the benchmark has no key for it), so the fact goes in as the calculator's
  //   'SpO₂ measured on supplemental oxygen' input.
  //   From the entities: age 41 (< 50): 0; heart rate 180 (≥ 100): + 1; SpO₂ 98 % (≥ 95): 0; PERC criteria met = 1.
  //   With the saturation on oxygen: 1 + 1 = 2 = the label.
  { row: 575, medcalcId: 48, label: "2", lower: "1.9", upper: "2.1", source: 'corrected', kind: 'entity-gap', expected: 1, entities: {"age":[41,"years"],"Heart Rate or Pulse":[180,"beats per minute"],"O₂ saturation percentage":[98,"%"],"Hemoptysis":false,"Previously Documented Pulmonary Embolism":false,"Previously documented Deep Vein Thrombosis":false}, reproduce: { inputs: { spo2OnOxygen: true } } },
  // Caprini, entity gap: the note documents one operation, the recent major laparoscopic surgery for ovarian cancer, which the
  //   surgery-type item already scores (laparoscopic > 45 min, 2). Caprini 2005's 1-point item is a *prior* major surgery within
  //   1 month, a different operation; the entities record the same one twice ('Major Surgery in the last month': true).
  //   From the entities: age 68: + 2; laparoscopic surgery: + 2; confined to bed > 72 h: + 2; BMI 30: + 1; major surgery < 1 month:
  //   + 1; swollen legs: + 1; family history of thrombosis: + 3; homocysteine: + 3; IBD: + 1; acute MI: + 1; malignancy: + 2;
  //   history of DVT/PE (once): + 3; Caprini = 22.
  //   Without the second count of the same surgery: 22 − 1 = 21 = the label.
  { row: 914, medcalcId: 36, label: "21", lower: "19.95", upper: "22.05", source: 'corrected', kind: 'entity-gap', expected: 22, entities: {"History of inflammatory bowel disease":true,"Hip, pelvis, or leg fracture in the last month":false,"Acute Myocardial infarction":true,"Chronic Obstructive Pulmonary Disease":false,"Mobility":"confined to bed >72 hours","Positive prothrombin 20210A":false,"Previously documented Deep Vein Thrombosis":true,"Present or previous malignancy":true,"Multiple trauma in the last month":false,"Body Mass Index (BMI)":[30,"kg/m^2"],"Previously Documented Pulmonary Embolism":true,"Immobilizing plaster cast in the last month":false,"Positive lupus anticoagulant":false,"age":[68,"years"],"Family history of thrombosis":true,"Surgery Type":"laparoscopic","Sepsis in the last month":false,"Major Surgery in the last month":true,"sex":"Female","Elevated serum homocysteine":true,"Positive Factor V Leiden":false,"Current swollen legs":true}, reproduce: { entities: {"Major Surgery in the last month":false} } },
  // Caprini, label error (unexplained): the physician label is 20, 8 below the entities' 28, and the physician's note does not
  //   itemise it. The entities are a fair reading of the note: it dates the stroke 1 month ago (Caprini counts stroke < 1 month)
  //   and documents Protein C deficiency, which the patient is being monitored for (other thrombophilia). Dropping those two (or
  //   the undated leg fracture instead of the stroke) reaches 20, but the note supports neither reading, so the label is disputed.
  //   From the entities: age 70: + 2; sepsis < 1 month: + 1; leg fracture < 1 month: + 5; stroke < 1 month: + 5; varicose veins: + 1;
  //   central venous access: + 2; Factor V Leiden: + 3; anticardiolipin: + 3; other thrombophilia: + 3; history of PE: + 3;
  //   Caprini = 28.
  { row: 918, medcalcId: 36, label: "20", lower: "19.0", upper: "21.0", source: 'corrected', kind: 'label-error', expected: 28, entities: {"History of inflammatory bowel disease":false,"Hip, pelvis, or leg fracture in the last month":true,"Chronic Obstructive Pulmonary Disease":false,"Elevated anticardiolipin antibody":true,"Mobility":"normal","Current central venous access":true,"Previously documented Deep Vein Thrombosis":false,"Stroke in the last month":true,"Multiple trauma in the last month":false,"Body Mass Index (BMI)":[24,"kg/m^2"],"Previously Documented Pulmonary Embolism":true,"Other congenital or acquired thrombophilia":true,"Positive lupus anticoagulant":false,"age":[70,"years"],"Sepsis in the last month":true,"Heparin-induced thrombocytopenia":false,"sex":"Female","Positive Factor V Leiden":true,"Varicose veins":true,"Current swollen legs":false} },
  // Caprini, entity gap: as in row 914, the only operation in the note is the index bowel resection (3 h, major > 45 min, 2), and
  //   the entities count it again as a prior major surgery within 1 month. (Reading the 4 days confined to bed as 'bed rest', 1
  //   instead of 2, would also give 18; the pattern of rows 914 and 923 favours the double count.)
  //   From the entities: age 52: + 1; major surgery: + 2; confined to bed > 72 h: + 2; BMI 29: + 1; major surgery < 1 month: + 1;
  //   family history of thrombosis: + 3; lupus anticoagulant: + 3; COPD: + 1; malignancy: + 2; history of DVT/PE (once): + 3;
  //   Caprini = 19.
  //   Without the second count of the same surgery: 19 − 1 = 18 = the label.
  { row: 919, medcalcId: 36, label: "18", lower: "17.099999999999998", upper: "18.900000000000002", source: 'corrected', kind: 'entity-gap', expected: 19, entities: {"Congestive Heart Failure in the last month":false,"Acute Myocardial infarction":false,"Chronic Obstructive Pulmonary Disease":true,"Mobility":"confined to bed >72 hours","Positive prothrombin 20210A":false,"Previously documented Deep Vein Thrombosis":true,"Stroke in the last month":false,"Present or previous malignancy":true,"Body Mass Index (BMI)":[29,"kg/m^2"],"Previously Documented Pulmonary Embolism":true,"Other congenital or acquired thrombophilia":false,"Positive lupus anticoagulant":true,"Pneumonia in the last month":false,"age":[52,"years"],"Family history of thrombosis":true,"Surgery Type":"major","Sepsis in the last month":false,"Major Surgery in the last month":true,"sex":"Male","Elevated serum homocysteine":false,"Current swollen legs":false}, reproduce: { entities: {"Major Surgery in the last month":false} } },
  // Caprini, entity gap: the only operation in the note is a minor one (bunion correction, scored by the surgery-type item, 1); the
  //   note documents no major surgery, yet the entities say 'Major Surgery in the last month': true.
  //   From the entities: age 65: + 2; minor surgery: + 1; BMI 27: + 1; major surgery < 1 month: + 1; plaster cast: + 2; Factor V
  //   Leiden: + 3; IBD: + 1; history of DVT: + 3; Caprini = 14.
  //   Without the major surgery: 14 − 1 = 13 = the label.
  { row: 923, medcalcId: 36, label: "13", lower: "12.35", upper: "13.65", source: 'corrected', kind: 'entity-gap', expected: 14, entities: {"History of inflammatory bowel disease":true,"Hip, pelvis, or leg fracture in the last month":false,"Elevated anticardiolipin antibody":false,"Mobility":"normal","Positive prothrombin 20210A":false,"Previously documented Deep Vein Thrombosis":true,"Stroke in the last month":false,"Body Mass Index (BMI)":[27,"kg/m^2"],"Immobilizing plaster cast in the last month":true,"Positive lupus anticoagulant":false,"age":[65,"years"],"Family history of thrombosis":false,"Surgery Type":"minor","Heparin-induced thrombocytopenia":false,"Major Surgery in the last month":true,"sex":"Female","Positive Factor V Leiden":true,"Varicose veins":false,"Current swollen legs":false}, reproduce: { entities: {"Major Surgery in the last month":false} } },
  // Caprini, entity gap (a reading of the note): the note says the patient is confined to bed during a slow recovery from an
  //   admission for heart failure and ischaemic stroke, without a duration; the entities take it as 'on bed rest' (1), the label as
  //   'confined to bed > 72 hours' (2). No other item of the note can supply the label's extra point.
  //   From the entities: age 62: + 2; elective major lower-extremity arthroplasty: + 5; bed rest: + 1; BMI 30: + 1; CHF < 1 month: + 1;
  //   stroke < 1 month: + 5; swollen legs: + 1; prothrombin 20210A: + 3; homocysteine: + 3; Caprini = 22.
  //   Confined to bed > 72 h instead: 22 + 1 = 23 = the label.
  { row: 925, medcalcId: 36, label: "23", lower: "21.849999999999998", upper: "24.150000000000002", source: 'corrected', kind: 'entity-gap', expected: 22, entities: {"History of inflammatory bowel disease":false,"Congestive Heart Failure in the last month":true,"Elevated anticardiolipin antibody":false,"Mobility":"on bed rest","Positive prothrombin 20210A":true,"Acute spinal cord injury causing paralysis in the last month":false,"Stroke in the last month":true,"Present or previous malignancy":false,"Body Mass Index (BMI)":[30,"kg/m^2"],"Previously Documented Pulmonary Embolism":false,"Immobilizing plaster cast in the last month":false,"Positive lupus anticoagulant":false,"age":[62,"years"],"Surgery Type":"elective major lower extremity arthroplasty","Major Surgery in the last month":false,"sex":"Male","Elevated serum homocysteine":true,"Varicose veins":false,"Current swollen legs":true}, reproduce: { entities: {"Mobility":"confined to bed >72 hours"} } },
];
