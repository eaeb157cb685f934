/** Disputed MedCalc-Bench labels: infection calculators (see ./types.ts for the kinds). */
import type { LabelDispute } from './types';

export const INFECTION: readonly LabelDispute[] = [
  // Centor rows, one reading throughout: the corrected labels of rows 303, 307 and 315 agree only if a cough the note never mentions
  //   counts as absent and posterior (auricular, cervical) nodes do not count as anterior cervical nodes; the other combination
  //   (posterior nodes count, unmentioned cough does not) gives row 303 a 2.
  // Centor, entity gap (ambiguous note): cough is never mentioned; the man's only complaint was white spots on a tonsil, he denied
  //   fever, malaise and sore throat, and the rest of his examination was normal. The corrected label reads that as cough absent,
  //   the entities as 'Cough Absent': false. Silence is not documented absence, so this is the label's reading, not a certainty.
  //   From the entities: age 29 (15-44): 0; 37.0 °C: 0; nodes below the jaw: + 1; tonsillar membrane/exudate: + 1; Centor = 2.
  //   With cough absent: 2 + 1 = 3 = the label.
  { row: 303, medcalcId: 20, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"age":[29,"years"],"Temperature":[37,"degrees celsius"],"Tender/swollen anterior cervical lymph nodes":true,"Exudate or swelling on tonsils":true,"Cough Absent":false}, reproduce: { entities: {"Cough Absent":true} } },
  // Centor, entity gap (ambiguous note): the presenting complaints are malaise, fatigue, sore throat and fever, with no cough; the
  //   only nodes are posterior auricular, so 'Tender/swollen anterior cervical lymph nodes': false is right. The label's third point
  //   is the absent cough (the reading row 303 needs); had it counted the posterior nodes instead, it would be a label error.
  //   From the entities: age 16 (15-44): 0; 39.1 °C (> 38): + 1; tonsillar exudate: + 1; Centor = 2.
  //   With cough absent: 2 + 1 = 3 = the label.
  { row: 315, medcalcId: 20, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"age":[16,"years"],"Exudate or swelling on tonsils":true,"Temperature":[39.1,"degrees celsius"],"Cough Absent":false,"Tender/swollen anterior cervical lymph nodes":false}, reproduce: { entities: {"Cough Absent":true} } },
  // Centor, convention: the label is the original four-criterion Centor score (Centor 1981, no age term; the form NICE NG84 uses),
  //   not McIsaac's. The entities are right (no cough, grey tonsillar exudate, no lymphadenopathy, 37.9 °C).
  //   McIsaac from the entities: age 7 (3-14): + 1; 37.9 °C (≤ 38): 0; cough absent: + 1; nodes: 0; exudate: + 1; = 3 (the original
  //   v1.0 label). Original Centor: 0 + 1 + 0 + 1 = 2 = the label. Rows 303, 307 and 315 (ages 16-29, age term 0) fit either score.
  { row: 318, medcalcId: 20, label: "2", lower: "1.9", upper: "2.1", source: 'corrected', kind: 'convention', expected: 3, entities: {"age":[7,"years"],"Cough Absent":true,"Temperature":[37.9,"degrees celsius"],"Tender/swollen anterior cervical lymph nodes":false,"Exudate or swelling on tonsils":true}, reproduce: { inputs: { variant: 'Centor (original, 1981)' } } },

  // FeverPAIN, entity gap: the entities lack two criteria the note documents: fever (fevers and chills at home up to 39.2 °C, 38.1 °C
  //   on arrival) and absence of cough or coryza (review of systems negative for cough; no coryza mentioned).
  //   From the entities: onset 3 days (≤ 3): + 1; purulent tonsils: + 1; severe inflammation: + 1; FeverPAIN = 3.
  //   With fever and no cough/coryza: 3 + 1 + 1 = 5 = the label.
  { row: 453, medcalcId: 33, label: "5", lower: "4.75", upper: "5.25", source: 'corrected', kind: 'entity-gap', expected: 3, entities: {"Purulent tonsils":true,"Occipital, parietal or temporal scalp hematoma; history of level of conciousness (LOC) ≥5 sec; not acting normally per parent or severe mechanism of injury?":false,"Altered mental status for PECARN head injury criteria":true,"Symptom onset ≤3 days":true,"Severe tonsil inflammation":true}, reproduce: { entities: {"Fever in past 24 hours":true,"Absence of cough or coryza":true} } },
  // FeverPAIN, entity gap: the boy has fever (38.3 °C at the visit, high-grade at home) and his palatine tonsils are covered with pus;
  //   the entities lack the fever and say 'Purulent tonsils': false. He has a cough, so no point for cough/coryza.
  //   From the entities: onset 2 days: + 1; severe inflammation: + 1; FeverPAIN = 2.
  //   With fever and purulence: 2 + 1 + 1 = 4 = the label.
  { row: 457, medcalcId: 33, label: "4", lower: "3.8", upper: "4.2", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"Purulent tonsils":false,"Occipital, parietal or temporal scalp hematoma; history of level of conciousness (LOC) ≥5 sec; not acting normally per parent or severe mechanism of injury?":true,"Altered mental status for PECARN head injury criteria":true,"Symptom onset ≤3 days":true,"Severe tonsil inflammation":true}, reproduce: { entities: {"Fever in past 24 hours":true,"Purulent tonsils":true} } },
  // FeverPAIN, entity gap (a reading): the only cough in the note is a choking fit on a chicken bone the day before the neck pain
  //   began; no cough or coryza is a symptom of the illness. The entities say 'Absence of cough or coryza': false; the label counts
  //   it (nothing else in the note can give the second point: onset 5 days, no tonsil findings).
  //   From the entities: low-grade fever: + 1; FeverPAIN = 1.
  //   With no cough/coryza: 1 + 1 = 2 = the label.
  { row: 458, medcalcId: 33, label: "2", lower: "1.9", upper: "2.1", source: 'corrected', kind: 'entity-gap', expected: 1, entities: {"Symptom onset ≤3 days":false,"Fever in past 24 hours":true,"Absence of cough or coryza":false}, reproduce: { entities: {"Absence of cough or coryza":true} } },
  // FeverPAIN, entity gap (ambiguous): the entities miss the fever (38.7 °C), take a 1-week history as onset ≤ 3 days and call the
  //   tonsils purulent, though the note describes only a red, swollen pharynx and no pus. As the note states it: fever + 1; onset
  //   1 week: 0; purulence: 0; red swollen pharynx as severe inflammation: + 1; body aches and sore throat without cough or coryza:
  //   + 1; FeverPAIN = 3 = the label. (The extracted entities plus the fever alone also give 3, so the label's path is not certain.)
  //   From the entities: onset ≤ 3 days: + 1; purulent tonsils: + 1; FeverPAIN = 2.
  { row: 459, medcalcId: 33, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"Purulent tonsils":true,"Occipital, parietal or temporal scalp hematoma; history of level of conciousness (LOC) ≥5 sec; not acting normally per parent or severe mechanism of injury?":true,"Altered mental status for PECARN head injury criteria":true,"Symptom onset ≤3 days":true,"Severe tonsil inflammation":false}, reproduce: { entities: {"Fever in past 24 hours":true,"Symptom onset ≤3 days":false,"Purulent tonsils":false,"Severe tonsil inflammation":true,"Absence of cough or coryza":true} } },
  // FeverPAIN, entity gap: the note presents fever, sore throat and dysphagia and never mentions cough or coryza; the entities say
  //   'Absence of cough or coryza': false (the original explanation reads it as reported present, which the note does not say).
  //   From the entities: fever: + 1; onset 7 days: 0; purulent tonsils: + 1; severe inflammation: + 1; FeverPAIN = 3.
  //   With no cough/coryza: 3 + 1 = 4 = the label.
  { row: 461, medcalcId: 33, label: "4", lower: "3.8", upper: "4.2", source: 'corrected', kind: 'entity-gap', expected: 3, entities: {"Symptom onset ≤3 days":false,"Purulent tonsils":true,"Fever in past 24 hours":true,"Severe tonsil inflammation":true,"Absence of cough or coryza":false}, reproduce: { entities: {"Absence of cough or coryza":true} } },

  // SIRS, entity gap (ambiguous note): the admission temperature is written as 38 °C and 101.8 °F, which disagree (101.8 °F = 38.8 °C);
  //   the entities take 38.0 °C, which is not > 38. The label counts the fever: the Fahrenheit figure (or the ICU vitals later the
  //   same admission, 102.6 °F, pulse 116, RR 30, which also give 3).
  //   From the entities: 38.0 °C: 0; HR 125 (> 90): + 1; RR 22 (> 20): + 1; WBC 5.7 × 10⁹/L: 0; SIRS = 2.
  //   With 101.8 °F (38.8 °C > 38): 2 + 1 = 3 = the label.
  { row: 594, medcalcId: 51, label: "3", lower: "2.8499999999999996", upper: "3.1500000000000004", source: 'corrected', kind: 'entity-gap', expected: 2, entities: {"Temperature":[38,"degrees celsius"],"Heart Rate or Pulse":[125,"beats per minute"],"respiratory rate":[22,"breaths per minute"],"White blood cell count":[5700,"m^3"]}, reproduce: { entities: {"Temperature":[101.8,"degrees fahrenheit"]} } },
  // SIRS, label error: a 2-year-old girl. Adult criteria (Bone 1992): axillary 36.2 °C: 0; HR 97 (> 90): + 1; RR 24 (> 20): + 1;
  //   WBC 14.7 × 10⁹/L (> 12): + 1; = 3. Pediatric criteria (Goldstein 2005, 2-5 years): 36.2 °C (> 38.5 or < 36): 0; HR 97
  //   (> 140): 0; RR 24 (> 22): + 1; WBC 14.7 (> 15.5 or < 6): 0; = 1. The label 0 fits neither; it seems to follow the note's own
  //   remark that her vital signs were normal for age, which is not a published threshold.
  { row: 600, medcalcId: 51, label: "0", lower: "0.0", upper: "0.0", source: 'corrected', kind: 'label-error', expected: 3, entities: {"Temperature":[36.2,"degrees celsius"],"White blood cell count":[14700,"m^3"],"respiratory rate":[24,"breaths per minute"],"Heart Rate or Pulse":[97,"beats per minute"]} },
  // SIRS, convention: a 20-month-old boy scored with the pediatric, age-specific criteria (Goldstein 2005), offered as the
  //   calculator's `criteria` option. The entities lack the age, which the pediatric criteria need.
  //   Adult from the entities: 37 °C: 0; HR 112 (> 90): + 1; RR 56 (> 20): + 1; WBC 22 × 10⁹/L (> 12): + 1; SIRS = 3.
  //   Pediatric (infant, 1 month-1 year in completed years): 37 °C: 0; HR 112 (> 180 or < 90): 0; RR 56 (> 34): + 1; WBC 22 (> 17.5
  //   or < 5): + 1; = 2 = the label (the 2-5-year thresholds, HR > 140, RR > 22, WBC > 15.5, also give 2). The corrected file is not
  //   consistent here: it scores the 14-year-old of row 595 with the adult thresholds (pediatric would give 4).
  { row: 601, medcalcId: 51, label: "2", lower: "1.9", upper: "2.1", source: 'corrected', kind: 'convention', expected: 3, entities: {"Temperature":[37,"degrees celsius"],"Heart Rate or Pulse":[112,"beats per minute"],"respiratory rate":[56,"breaths per minute"],"White blood cell count":[22000,"µL"]}, reproduce: { entities: {"age":[20,"months"]}, inputs: { criteria: 'Pediatric (Goldstein 2005)' } } },

  // PSI, entity gap: the note documents a man under current treatment for a neoplasm; the entities have no 'Neoplastic disease'.
  //   From the entities: age 78 (male): 78; renal disease: + 10; altered mental status: + 20; BUN 30 (≥ 30): + 20; pH 7.35, Na 140,
  //   glucose 7.2 mmol/L (130 mg/dL), Hct 33, PaO₂ 70, RR 24, SBP 115, 37.5 °C, pulse 85: 0; PSI = 128.
  //   With neoplastic disease: 128 + 30 = 158 = the label.
  { row: 833, medcalcId: 29, label: "158", lower: "150.1", upper: "165.9", source: 'corrected', kind: 'entity-gap', expected: 128, entities: {"Heart Rate or Pulse":[85,"beats per minute"],"pH":7.35,"Altered mental status":true,"Systolic Blood Pressure":[115,"mm Hg"],"Blood Urea Nitrogen (BUN)":[30,"mg/dL"],"Renal disease":true,"Sodium":[140,"mEq/L"],"Liver disease severity":false,"Partial pressure of oxygen (PaO₂) for Apache II":[70,"mm Hg"],"age":[78,"years"],"respiratory rate":[24,"breaths per minute"],"sex":"Male","Hematocrit":[33,"%"],"Glucose":[7.2,"mmol/L"],"Temperature":[99.5,"degrees fahreinheit"]}, reproduce: { entities: {"Neoplastic disease":true} } },
];
