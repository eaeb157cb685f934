/**
 * A patient's context as the extension uses it: the parts of the FHIR record a clinician writing
 * a note needs (active problems, medications, allergies, recent vitals and labs), flattened from
 * the FHIR resources. Pure data; `normalise.ts` builds it, the summary, the prompt text and the
 * rules read it.
 */
import type { FhirPatientInfo } from '../protocol';

/** A coded concept reduced to what is shown: the text, and the first code with its system. */
export interface Concept {
  text: string;
  /** `http://loinc.org`, `http://snomed.info/sct`, `http://www.nlm.nih.gov/research/umls/rxnorm`, … */
  system?: string;
  code?: string;
}

export interface ContextCondition {
  /** `Condition/<id>`. */
  ref: string;
  concept: Concept;
  clinicalStatus: string;
  /** Onset date as the record has it (`2010-04-02`, an ISO date-time, or a period start). */
  onset?: string;
}

export interface ContextMedication {
  ref: string;
  resourceType: 'MedicationRequest' | 'MedicationStatement';
  concept: Concept;
  status: string;
  /** Dosage instruction text, or one built from its timing and dose. */
  dosage?: string;
  /** Route text (`Oral`), when the record gives one. */
  route?: string;
  /** authoredOn (request) or the effective date (statement). */
  date?: string;
}

export interface ContextAllergy {
  ref: string;
  concept: Concept;
  /** `allergy` or `intolerance`, when given. */
  type?: string;
  /** `medication`, `food`, `environment`, `biologic`. */
  categories: string[];
  /** `low`, `high`, `unable-to-assess`. */
  criticality?: string;
  clinicalStatus?: string;
  verificationStatus?: string;
  /** Each reaction's manifestations (`Hives`) with its severity. */
  reactions: { manifestations: string[]; severity?: string }[];
}

export interface ContextObservation {
  ref: string;
  category: 'vital-signs' | 'laboratory';
  concept: Concept;
  /** `142/88 mmHg`, `1.4 mg/dL`, `Positive`: the value as shown. */
  value: string;
  /** The numeric value and its unit, when the value is a quantity. */
  quantity?: { value: number; unit: string };
  /** Blood-pressure panels: systolic and diastolic in mmHg. */
  components?: { systolic?: number; diastolic?: number };
  /** effectiveDateTime, the effective period's start, or issued. */
  date?: string;
  /** `H`, `L`, `HH`, `LL`, `A` from the interpretation, when given. */
  interpretation?: string;
}

/** Everything fetched for one patient. */
export interface PatientContext {
  patient: FhirPatientInfo;
  conditions: ContextCondition[];
  medications: ContextMedication[];
  allergies: ContextAllergy[];
  /** Newest first. */
  vitals: ContextObservation[];
  /** Newest first. */
  labs: ContextObservation[];
  /** ISO time of the fetch. */
  fetchedAt: string;
  /** Host of the server it came from (no path, no query). */
  server: string;
  /** Parts that could not be read; what was read is kept. */
  warnings: string[];
}
