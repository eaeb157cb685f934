/** The FHIR commands, as declared in package.json `contributes.commands`. */
export const FHIR_COMMANDS = {
  signIn: 'medgemmaNotes.fhir.signIn',
  signOut: 'medgemmaNotes.fhir.signOut',
  testConnection: 'medgemmaNotes.fhir.testConnection',
  linkPatient: 'medgemmaNotes.fhir.linkPatient',
  refreshContext: 'medgemmaNotes.fhir.refreshContext',
  showPatientSummary: 'medgemmaNotes.fhir.showPatientSummary',
  exportNote: 'medgemmaNotes.fhir.exportNote',
} as const;
