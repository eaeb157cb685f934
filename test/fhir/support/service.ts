/**
 * Helpers for the FHIR tests: a `FhirService` on the test server with small pages, links as the
 * note parser finds them, and a logger that keeps every line so tests can check nothing private
 * was logged.
 */
import type { Logger } from '../../../server/src/logger';
import { findPatientLink, type PatientLink } from '../../../server/src/fhir/patientLink';
import { FhirService } from '../../../server/src/fhir/service';
import { DEFAULT_SETTINGS, type FhirSettings } from '../../../server/src/protocol';

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const push = (level: string) => (m: string): void => {
    lines.push(`${level} ${m}`);
  };
  return { lines, error: push('error'), warn: push('warn'), info: push('info'), debug: push('debug') };
}

/** FHIR settings for the test server (auth none; a timeout generous enough for a loaded CI machine unless given). */
export function fhirSettings(baseUrl: string, extra: Partial<FhirSettings> = {}): FhirSettings {
  return { ...DEFAULT_SETTINGS.fhir, baseUrl, timeoutMs: 20_000, ...extra };
}

export function testService(settings: () => FhirSettings, logger: Logger = recordingLogger(), pageSize = 5): FhirService {
  return new FhirService({ settings, logger, limits: { pageSize, maxPages: 10, vitals: 100, labs: 200, other: 500 } });
}

/** The link a note header `line` makes. */
export function linkOf(line: string): PatientLink {
  const link = findPatientLink(`${line}\n`);
  if (!link) throw new Error(`no link in ${line}`);
  return link;
}
