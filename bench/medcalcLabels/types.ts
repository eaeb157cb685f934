/**
 * A MedCalc-Bench row whose label this project disputes, with the value the calculator gives
 * from the row's own extracted entities. Each dispute is checked by
 * `test/unit/clinical/calculatorsLabels.test.ts` and scored by `bench/evalMedcalc.ts` as an
 * adjudicated row (the raw accuracy still counts it as a miss).
 *
 * Kinds:
 * - `label-error`: the label does not follow from the inputs by the published definition (the
 *   comment above the case shows the arithmetic);
 * - `entity-gap`: the label is right for the note, but the extracted entities lack or misstate a
 *   fact it used; `reproduce.entities` holds that fact as the note states it, and with it the
 *   calculator gives the label;
 * - `convention`: the label follows another published convention (e.g. an older guideline's
 *   factors); `reproduce` selects it, and with it the calculator gives the label.
 */
import type { CalcInputs, MedcalcEntity } from '../../server/src/clinical/calculators/index';

export type DisputeKind = 'label-error' | 'entity-gap' | 'convention';

export interface LabelDispute {
  /** The benchmark's Row Number (= the corrected file's Unique ID). */
  row: number;
  medcalcId: number;
  /** The benchmark's label for the row, and its window where the label is a decimal. */
  label: string;
  lower?: string;
  upper?: string;
  source: 'original' | 'corrected';
  kind: DisputeKind;
  /** What the calculator gives from `entities`, worked in the comment above the case. */
  expected: number | string;
  /** The row's extracted inputs (values and units only, no note text). */
  entities: Record<string, MedcalcEntity>;
  /** For `entity-gap` and `convention`: what, added to the entities, makes the calculator give the label. */
  reproduce?: { entities?: Record<string, MedcalcEntity>; inputs?: CalcInputs };
}
