/**
 * The finished note as a FHIR R4 DocumentReference (US Core "Clinical Notes"): the LOINC document
 * type for the note's type, the `clinical-note` category, the patient as subject, the author, the
 * date, and the note itself as a base64 `text/plain` attachment with its size and SHA-1 hash, so a
 * receiver can check it arrived whole. Pure.
 */
import { createHash } from 'node:crypto';
import codes from '../knowledge/fhirCodes.json';
import type { NoteType } from '../note/types';
import type { Json } from './connection';

export interface DocumentInput {
  /** The note exactly as written. */
  text: string;
  noteType: NoteType;
  patientId: string;
  /** `Practitioner/<id>` (or another author resource) or a name. */
  author?: string;
  now: Date;
  /** Set when updating an earlier export. */
  id?: string;
}

const AUTHOR_REF_RE = /^(?:Practitioner|PractitionerRole|Organization|Patient|RelatedPerson|Device)\/[A-Za-z0-9\-.]{1,64}$/;
const TYPES = codes.documentTypes as Record<NoteType, { code: string; display: string }>;

/** The LOINC document type for a note type. */
export function documentType(noteType: NoteType): { code: string; display: string } {
  return TYPES[noteType] ?? TYPES.unknown;
}

export function documentReference(input: DocumentInput): Json {
  const type = documentType(input.noteType);
  const bytes = Buffer.from(input.text, 'utf8');
  const date = input.now.toISOString();
  const author = input.author?.trim();
  const category = codes.documentCategory;
  return {
    resourceType: 'DocumentReference',
    ...(input.id ? { id: input.id } : {}),
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: codes.loincSystem, code: type.code, display: type.display }], text: type.display },
    category: [{ coding: [{ system: category.system, code: category.code, display: category.display }] }],
    subject: { reference: `Patient/${input.patientId}` },
    date,
    ...(author ? { author: [AUTHOR_REF_RE.test(author) ? { reference: author } : { display: author }] } : {}),
    description: `${type.display} written in MedGemma Notes`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'en',
          data: bytes.toString('base64'),
          size: bytes.length,
          hash: createHash('sha1').update(bytes).digest('base64'),
          title: type.display,
          creation: date,
        },
        format: { system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode', code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', display: 'mimeType Sufficient' },
      },
    ],
  };
}

/** `W/"3"` or `"3"` → `3`. */
export function versionFromEtag(etag: string | undefined): string | undefined {
  const m = /^(?:W\/)?"([^"]+)"$/.exec(etag?.trim() ?? '');
  return m?.[1];
}

/** The id and version in a Location (`…/DocumentReference/abc/_history/2`). */
export function fromLocation(location: string | undefined): { id?: string; versionId?: string } {
  const m = /DocumentReference\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?/.exec(location ?? '');
  return { ...(m?.[1] ? { id: m[1] } : {}), ...(m?.[2] ? { versionId: m[2] } : {}) };
}
