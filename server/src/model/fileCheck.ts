/** Checks a model path before llama.cpp sees it, so users get a clear error instead of "Failed to load model". */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { GGUF_MAGIC, ModelError } from './errors';

/** Throws a `ModelError` (file-missing, not-gguf) or returns the file size. */
export function checkModelFile(path: string): number {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ModelError('file-missing', `The model path is not a file: ${path}`, undefined, 'Select a .gguf file with "MedGemma Notes: Select Model File…".');
    size = st.size;
  } catch (err) {
    if (err instanceof ModelError) throw err;
    throw new ModelError('file-missing', `The model file does not exist: ${path}`, undefined, 'Check "medgemmaNotes.model.path", or run "MedGemma Notes: Select Model File…" or "Download Model…".');
  }
  const head = Buffer.alloc(24);
  let read = 0;
  const fd = openSync(path, 'r');
  try {
    read = readSync(fd, head, 0, 24, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 4 || head.toString('latin1', 0, 4) !== GGUF_MAGIC) {
    throw new ModelError(
      'not-gguf',
      `Not a GGUF model file: ${path}`,
      `The file starts with ${read === 0 ? 'nothing (it is empty)' : `bytes ${[...head.subarray(0, Math.min(4, read))].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`}, not "GGUF".`,
      'MedGemma Notes loads llama.cpp GGUF files (e.g. medgemma-27b-text-it-Q4_K_M.gguf). Safetensors or PyTorch checkpoints must be converted first. A partial download also fails this check: download it again.',
    );
  }
  // The header counts must be possible for the file's size: a truncated or corrupt header would
  // otherwise send the GGUF reader after billions of entries.
  const version = read >= 8 ? head.readUInt32LE(4) : 0;
  const tensors = read >= 16 ? head.readBigUInt64LE(8) : -1n;
  const keys = read >= 24 ? head.readBigUInt64LE(16) : -1n;
  const damaged = (why: string): ModelError =>
    new ModelError('not-gguf', `The GGUF file is damaged or truncated: ${path}`, why, 'Download the file again; an interrupted download leaves a file like this.');
  if (version < 2 || version > 3) throw damaged(`GGUF version ${version} (this version of llama.cpp reads 2 and 3).`);
  if (tensors < 0n || keys < 0n) throw damaged(`The header ends after ${read} bytes.`);
  // Each tensor info and each key/value takes well over 8 bytes.
  if (tensors * 8n > BigInt(size) || keys * 8n > BigInt(size)) throw damaged(`The header claims ${tensors} tensors and ${keys} metadata keys in a ${size}-byte file.`);
  return size;
}
