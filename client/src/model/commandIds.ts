/** Ids of the model commands (declared in package.json `contributes.commands`). */
export const SHOW_MODEL_STATUS_COMMAND = 'medgemmaNotes.showModelStatus';
export const DOWNLOAD_MODEL_COMMAND = 'medgemmaNotes.downloadModel';
export const SELECT_MODEL_FILE_COMMAND = 'medgemmaNotes.selectModelFile';
export const LOAD_MODEL_COMMAND = 'medgemmaNotes.loadModel';
export const UNLOAD_MODEL_COMMAND = 'medgemmaNotes.unloadModel';

/** URI scheme of the read-only "Show Model Status" document. */
export const MODEL_STATUS_SCHEME = 'medgemma-notes-model';

/** The setting "Select Model File…" and "Download Model…" write (under `medgemmaNotes`). */
export const MODEL_PATH_SETTING = 'model.path';
