/**
 * Yes/no criteria the "Calculate…" prefill reads from a note: Charlson comorbidities, RCRI's
 * ischaemic heart disease and insulin, Caprini's risk factors, Wells' paralysis and malignancy.
 * Each on short notes written for the test: affirmed, negated, family history and, where the
 * criterion is "within the past month", historical.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { prefillInputs } from '../../../server/src/clinical/autoCalc/autoCalc';
import { parseNote } from '../../../server/src/note/parseNote';

/** The prefilled value of one input (undefined when the note is silent on it). */
function pre(calc: string, key: string, text: string): unknown {
  return prefillInputs(calc, text, parseNote(text)).inputs[key];
}

/** [calculator, input key, an affirmed note, the condition's words for negated / family notes]. */
const CASES: readonly [string, string, string, string][] = [
  ['charlson', 'dementia', '81 y/o F with Alzheimer\'s disease, admitted with a fall.', 'dementia'],
  ['charlson', 'connectiveTissue', '54 y/o F with systemic lupus erythematosus on hydroxychloroquine.', 'rheumatoid arthritis'],
  ['charlson', 'pepticUlcer', '66 y/o M. PMH: duodenal ulcer treated in 2015, hypertension.', 'peptic ulcer disease'],
  ['charlson', 'hemiplegia', '70 y/o M with right hemiplegia after a stroke.', 'paraplegia'],
  ['charlson', 'leukemia', '62 y/o M with chronic lymphocytic leukemia, on observation.', 'leukemia'],
  ['charlson', 'lymphoma', '58 y/o F with diffuse large B-cell lymphoma in remission.', 'lymphoma'],
  ['charlson', 'aids', '45 y/o M with AIDS, CD4 count 80.', 'acquired immunodeficiency syndrome'],
  ['rcri', 'ischemicHeartDisease', '68 y/o M with coronary artery disease and stable angina, for hernia repair.', 'ischemic heart disease'],
  ['caprini-2005', 'varicoseVeins', '59 y/o F with varicose veins of both legs.', 'varicose veins'],
  ['caprini-2005', 'ibd', '35 y/o M with Crohn\'s disease on infliximab.', 'inflammatory bowel disease'],
  ['caprini-2005', 'hit', '71 y/o F with heparin-induced thrombocytopenia last year.', 'heparin-induced thrombocytopenia'],
  ['caprini-2005', 'homocysteine', '48 y/o M with hyperhomocysteinemia.', 'hyperhomocysteinemia'],
  ['caprini-2005', 'factorV', '33 y/o F, heterozygous for factor V Leiden.', 'factor V Leiden thrombophilia'],
  ['caprini-2005', 'otherThrombophilia', '41 y/o F with antiphospholipid syndrome.', 'antiphospholipid syndrome'],
];

describe('condition criteria: affirmed, negated, family history', () => {
  for (const [calc, key, affirmed, words] of CASES) {
    test(`${calc}.${key}`, () => {
      assert.equal(pre(calc, key, affirmed), true, 'affirmed');
      assert.equal(pre(calc, key, `60 y/o M admitted with cellulitis. No history of ${words}.`), false, 'negated');
      const family = pre(calc, key, `60 y/o M admitted with cellulitis. His mother had ${words}.`);
      assert.notEqual(family, true, 'family history is not the patient\'s');
      assert.equal(pre(calc, key, '60 y/o M admitted with cellulitis.'), undefined, 'silent');
    });
  }

  test('a family-history section is never the patient\'s', () => {
    const text = 'HPI: 60 y/o M with cellulitis.\n\nFAMILY HISTORY:\nMother: lymphoma. Father: dementia.\n';
    assert.notEqual(pre('charlson', 'lymphoma', text), true);
    assert.notEqual(pre('charlson', 'dementia', text), true);
  });
});

describe('vocabulary boundaries', () => {
  test('leukaemia and lymphoma are still malignancy (active cancer for Wells DVT)', () => {
    assert.equal(pre('wells-dvt', 'activeCancer', '64 y/o M with acute myeloid leukemia on induction chemotherapy.'), true);
    assert.equal(pre('wells-dvt', 'activeCancer', '50 y/o F with Hodgkin lymphoma receiving ABVD.'), true);
  });

  test('lupus anticoagulant is not connective tissue disease, and the bare test name is no finding', () => {
    assert.equal(pre('charlson', 'connectiveTissue', '40 y/o F. Lupus anticoagulant pending.'), undefined);
    assert.notEqual(pre('caprini-2005', 'lupusAnticoagulant', '40 y/o F. Lupus anticoagulant pending.'), true);
    assert.equal(pre('caprini-2005', 'lupusAnticoagulant', '40 y/o F with recurrent DVT; lupus anticoagulant was positive.'), true);
  });

  test("Ludwig's angina and abdominal angina are not ischaemic heart disease", () => {
    assert.equal(pre('rcri', 'ischemicHeartDisease', "40 y/o M with Ludwig's angina after a dental abscess."), undefined);
    assert.equal(pre('rcri', 'ischemicHeartDisease', '75 y/o F with abdominal angina from mesenteric stenosis.'), undefined);
  });

  test('a prior myocardial infarction is ischaemic heart disease for RCRI', () => {
    assert.equal(pre('rcri', 'ischemicHeartDisease', '70 y/o M with a history of myocardial infarction in 2010.'), true);
  });

  test('hemiplegic migraine is not hemiplegia', () => {
    assert.equal(pre('charlson', 'hemiplegia', '30 y/o F with hemiplegic migraine.'), undefined);
  });

  test('hearing aids are not AIDS', () => {
    assert.equal(pre('charlson', 'aids', '88 y/o M who wears hearing aids.'), undefined);
  });

  test('non-varicose collateral veins are not varicose veins', () => {
    assert.equal(pre('caprini-2005', 'varicoseVeins', '50 y/o M with non-varicose superficial collateral veins on the left leg.'), undefined);
  });

  test('a sepsis screen and a thrombophilia workup are not diagnoses', () => {
    assert.equal(pre('caprini-2005', 'sepsis', '60 y/o F. Sepsis screen sent from triage.'), undefined);
    assert.equal(pre('caprini-2005', 'otherThrombophilia', '35 y/o M with a first DVT. Thrombophilia workup sent.'), undefined);
  });
});

describe('RCRI insulin treatment', () => {
  test('an active insulin counts', () => {
    assert.equal(pre('rcri', 'insulin', '66 y/o M with type 2 diabetes on insulin glargine 20 units nightly and metformin.'), true);
  });

  test('type 1 diabetes counts (it is always insulin-treated)', () => {
    assert.equal(pre('rcri', 'insulin', '28 y/o F with type 1 diabetes for knee arthroscopy.'), true);
  });

  test('non-insulin-dependent diabetes does not, and stays diabetes', () => {
    const text = '74 y/o F with non-insulin-dependent diabetes mellitus on metformin.';
    assert.notEqual(pre('rcri', 'insulin', text), true);
    assert.equal(pre('cha2ds2-vasc', 'diabetes', text), true);
  });

  test('diabetes on oral agents only is silent on insulin', () => {
    assert.notEqual(pre('rcri', 'insulin', '60 y/o M with type 2 diabetes on metformin.'), true);
  });

  test('insulin-dependent diabetes is diabetes for CHA2DS2-VASc', () => {
    assert.equal(pre('cha2ds2-vasc', 'diabetes', '70 y/o F with insulin-dependent diabetes and atrial fibrillation.'), true);
  });

  test('HOMA-IR keeps its insulin level (not the RCRI criterion)', () => {
    assert.notEqual(typeof pre('homa-ir', 'insulin', '40 y/o M on insulin glargine. Fasting glucose 100 mg/dL.'), 'boolean');
  });
});

describe('Caprini: criteria of the past month need a current mention', () => {
  test('current heart failure and acute stroke count', () => {
    assert.equal(pre('caprini-2005', 'chf', '72 y/o M admitted with decompensated heart failure.'), true);
    assert.equal(pre('caprini-2005', 'stroke', '72 y/o M admitted with an acute ischemic stroke.'), true);
  });

  test('a stroke or heart failure only in the history does not', () => {
    assert.notEqual(pre('caprini-2005', 'stroke', '72 y/o M with a history of stroke in 2009, here for a hip replacement.'), true);
    assert.notEqual(pre('caprini-2005', 'acuteMi', '72 y/o M with a prior myocardial infarction, here for a hip replacement.'), true);
  });

  test('sepsis, pneumonia, fracture, central line, swollen legs and plaster cast when current', () => {
    const text = [
      '80 y/o F admitted with urosepsis and right lower lobe pneumonia after a fall with a right hip fracture.',
      'A central venous catheter was placed. Exam: bilateral leg swelling.',
      'Left ankle in a short leg cast.',
    ].join('\n');
    for (const key of ['sepsis', 'pneumonia', 'fracture', 'centralLine', 'swollenLegs', 'plasterCast']) assert.equal(pre('caprini-2005', key, text), true, key);
  });

  test('a remote sepsis or fracture does not count, and a negated one reads absent', () => {
    assert.notEqual(pre('caprini-2005', 'sepsis', '60 y/o M with a history of sepsis in 2015.'), true);
    assert.notEqual(pre('caprini-2005', 'fracture', '60 y/o M with a remote history of hip fracture, now with cellulitis.'), true);
    assert.equal(pre('caprini-2005', 'swollenLegs', '60 y/o M. Extremities: no leg swelling.'), false);
  });

  test('malignancy counts present or previous', () => {
    assert.equal(pre('caprini-2005', 'malignancy', '66 y/o F with a history of breast cancer treated in 2008.'), true);
  });
});

describe('Wells criteria', () => {
  test('Wells PE malignancy is active cancer, not a past one', () => {
    assert.equal(pre('wells-pe', 'malignancy', '58 y/o M with metastatic pancreatic cancer on chemotherapy, dyspnoea.'), true);
    assert.notEqual(pre('wells-pe', 'malignancy', '58 y/o M with a history of prostate cancer in 2005, dyspnoea.'), true);
  });

  test('Wells DVT paralysis from hemiparesis or paraplegia', () => {
    assert.equal(pre('wells-dvt', 'paralysis', '67 y/o F with left hemiparesis and a swollen left calf.'), true);
    assert.equal(pre('wells-dvt', 'paralysis', '67 y/o F with a swollen left calf. No paresis or hemiparesis.'), false);
  });

  test('haemoptysis for Wells PE and PERC', () => {
    assert.equal(pre('wells-pe', 'hemoptysis', '45 y/o M with pleuritic chest pain and hemoptysis.'), true);
    assert.equal(pre('perc', 'hemoptysis', '45 y/o M with pleuritic chest pain. Denies hemoptysis.'), false);
  });
});

describe('tests, orders and look-alikes are not diagnoses', () => {
  // [calculator, input, note, expected]: undefined = silent (read as absent), false = negated.
  const PROBES: readonly [string, string, string, unknown][] = [
    ['rcri', 'insulin', '65 y/o M with non-insulin-dependent DM on metformin.', undefined],
    ['rcri', 'insulin', '65 y/o M with insulin-dependent DM.', true],
    ['caprini-2005', 'hit', 'HIT Ab pending. HIT ELISA sent.', undefined],
    ['caprini-2005', 'hit', 'HIT BY CAR.', undefined],
    ['caprini-2005', 'factorV', 'Hypercoagulable panel sent: FVL, prothrombin gene mutation, protein C.', undefined],
    ['caprini-2005', 'prothrombin', 'Prothrombin gene mutation analysis pending.', undefined],
    ['caprini-2005', 'factorV', 'Factor V Leiden mutation testing pending.', undefined],
    ['caprini-2005', 'factorV', 'She is heterozygous for factor V Leiden.', true],
    ['caprini-2005', 'otherThrombophilia', 'Hypercoagulable state workup ordered.', undefined],
    ['charlson', 'connectiveTissue', 'SLE panel pending.', undefined],
    ['charlson', 'aids', 'HIV/AIDS: negative screen.', undefined],
    ['charlson', 'aids', 'MOBILITY AIDS: WALKER', undefined],
    ['caprini-2005', 'spinalCordInjury', 'T4 SCI, wheelchair-bound.', undefined],
    ['caprini-2005', 'spinalCordInjury', 'Acute spinal cord injury after a fall 3 days ago.', true],
    ['rcri', 'ischemicHeartDisease', 'Coronary CTA: CAD-RADS 0, no plaque.', undefined],
    ['rcri', 'ischemicHeartDisease', 's/p CABG 2012, no angina.', false],
    ['charlson', 'pepticUlcer', 'PUD ppx: pantoprazole.', undefined],
    ['caprini-2005', 'varicoseVeins', 'Esophageal varicosities on EGD.', undefined],
  ];
  for (const [calc, key, text, expected] of PROBES) {
    test(`${calc}.${key}: ${text} → ${String(expected)}`, () => {
      assert.equal(pre(calc, key, text), expected);
    });
  }
});
