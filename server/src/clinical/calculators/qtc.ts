/**
 * Heart-rate corrected QT interval: Bazett, Fridericia, Framingham, Hodges and Rautaharju.
 * QT in ms; RR in seconds = 60 / heart rate.
 */
import { HEART_RATE, QT, pubmed } from './common';
import { BadInputError, defineCalculator, fmt, round } from './inputs';
import type { Calculator, CalcReference } from './types';

interface QtcFormula {
  id: string;
  name: string;
  medcalcId: number;
  medcalcName: string;
  reference: CalcReference;
  formula: string;
  correct(qt: number, rr: number, hr: number): number;
}

const FORMULAS: readonly QtcFormula[] = [
  {
    id: 'qtc-bazett',
    name: 'QTc (Bazett)',
    medcalcId: 11,
    medcalcName: 'QTc Bazett Calculator',
    reference: { title: 'Bazett HC. An analysis of the time-relations of electrocardiograms. Heart 1920;7:353-370 (reprinted in Ann Noninvasive Electrocardiol 1997;2:177-194)', url: 'https://doi.org/10.1111/j.1542-474X.1997.tb00325.x' },
    formula: 'QT / √RR',
    correct: (qt, rr) => qt / Math.sqrt(rr),
  },
  {
    id: 'qtc-fridericia',
    name: 'QTc (Fridericia)',
    medcalcId: 56,
    medcalcName: 'QTc Fridericia Calculator',
    reference: { title: 'Fridericia LS. Die Systolendauer im Elektrokardiogramm bei normalen Menschen und bei Herzkranken. Acta Med Scand 1920;53:469-486', url: 'https://doi.org/10.1111/j.0954-6820.1920.tb18266.x' },
    formula: 'QT / ∛RR',
    correct: (qt, rr) => qt / Math.cbrt(rr),
  },
  {
    id: 'qtc-framingham',
    name: 'QTc (Framingham)',
    medcalcId: 57,
    medcalcName: 'QTc Framingham Calculator',
    reference: { title: 'Sagie A et al. An improved method for adjusting the QT interval for heart rate (the Framingham Heart Study). Am J Cardiol 1992;70:797-801', url: 'https://doi.org/10.1016/0002-9149(92)90562-D' },
    formula: 'QT + 154 × (1 − RR)',
    correct: (qt, rr) => qt + 154 * (1 - rr),
  },
  {
    id: 'qtc-hodges',
    name: 'QTc (Hodges)',
    medcalcId: 58,
    medcalcName: 'QTc Hodges Calculator',
    reference: { title: 'Hodges M et al. Bazett\u2019s QT correction reviewed: evidence that a linear QT correction for heart rate is better. J Am Coll Cardiol 1983;1:694', url: pubmed('Hodges M Bazett QT correction reviewed linear') },
    formula: 'QT + 1.75 × (HR − 60)',
    correct: (qt, _rr, hr) => qt + 1.75 * (hr - 60),
  },
  {
    id: 'qtc-rautaharju',
    name: 'QTc (Rautaharju)',
    medcalcId: 59,
    medcalcName: 'QTc Rautaharju Calculator',
    reference: { title: 'Rautaharju PM et al. Sex differences in the evolution of the electrocardiographic QT interval with age. Can J Cardiol 1992;8:690-695', url: pubmed('Rautaharju PM sex differences evolution electrocardiographic QT interval age') },
    formula: 'QT × (120 + HR) / 180',
    correct: (qt, _rr, hr) => (qt * (120 + hr)) / 180,
  },
];

function qtcCalculator(f: QtcFormula): Calculator {
  return defineCalculator({
    id: f.id,
    name: f.name,
    medcalc: { ids: [f.medcalcId], name: f.medcalcName },
    output: 'decimal',
    reference: f.reference,
    inputs: [QT, HEART_RATE],
    run(v) {
      const qt = v.num('qt');
      const hr = v.num('heartRate');
      if (hr <= 0) throw new BadInputError('Heart rate: must be above 0');
      const rr = 60 / hr;
      const value = f.correct(qt, rr, hr);
      return {
        value: round(value),
        unit: 'ms',
        lines: [`RR = 60 / ${fmt(hr)} bpm = ${fmt(rr)} s.`, `QTc = ${f.formula} = ${fmt(value)} ms (QT ${fmt(qt)} ms).`],
      };
    },
  });
}

/** The five QTc calculators, Bazett first. */
export const qtcCalculators: readonly Calculator[] = FORMULAS.map(qtcCalculator);
