/**
 * The CDS Hooks 2.0 service-response shapes this project emits (https://cds-hooks.hl7.org/2.0/,
 * "CDS Service Response"). Plain JSON data: every object here serialises with `JSON.stringify`
 * unchanged. Only the attributes we use are typed; `validateCard` checks the rest of the spec.
 */

/** Card urgency, in order of increasing urgency. */
export type CardIndicator = 'info' | 'warning' | 'critical';

/** The allowed `card.indicator` values. */
export const CARD_INDICATORS: readonly CardIndicator[] = ['info', 'warning', 'critical'];

/** A trimmed-down FHIR Coding: `display` is required for override reasons. */
export interface CdsCoding {
  system: string;
  code: string;
  display?: string;
}

/** Who stands behind the card: the standard the rule follows. */
export interface CdsSource {
  /** Short, human-readable label, e.g. the guideline's title. */
  label: string;
  /** Absolute URL where the user can read the source. */
  url?: string;
  /** The rule that raised the card (`code` is the rule id). */
  topic?: CdsCoding;
}

/** One suggested change: `create`, `update` or `delete` a FHIR resource. */
export interface CdsAction {
  type: 'create' | 'update' | 'delete';
  /** What the action does, for the user (here: the text edit, with its line and column). */
  description: string;
  /** The FHIR resource; for `update`, the resource in its entirety. */
  resource?: Record<string, unknown>;
  /** Relative reference, for `delete`. */
  resourceId?: string;
}

/** A button on the card: the actions it applies, AND-ed together. */
export interface CdsSuggestion {
  label: string;
  uuid?: string;
  /** Set (true) on at most one suggestion per card, since cards use `at-most-one`. */
  isRecommended?: boolean;
  actions?: CdsAction[];
}

/** A link shown on the card. We emit only `absolute` links (no SMART app launch). */
export interface CdsLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
  appContext?: string;
}

/** One CDS Hooks card. */
export interface CdsCard {
  /** Stable UUID (name-based, see `cardUuid`): identifies the card in feedback. */
  uuid?: string;
  /** One sentence of plain text, fewer than 140 characters. */
  summary: string;
  /** GitHub-flavoured markdown. */
  detail?: string;
  indicator: CardIndicator;
  source: CdsSource;
  suggestions?: CdsSuggestion[];
  /** Required whenever `suggestions` is present. */
  selectionBehavior?: 'at-most-one' | 'any';
  overrideReasons?: CdsCoding[];
  links?: CdsLink[];
}

/** The body of a CDS service response. */
export interface CdsHooksResponse {
  cards: CdsCard[];
}
