import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji, { type IpadicFeatures, type Tokenizer } from 'kuromoji';

/**
 * The morphological analyser behind furigana and kana search (issue 13): kuromoji with the
 * IPA dictionary its npm package ships. Loading the dictionary takes about two seconds and
 * some 300 MB, so it happens once per process, on the first text that needs readings (never at
 * start, never per view). A failed load is forgotten, so the next text tries again.
 */

let loading: Promise<Tokenizer<IpadicFeatures>> | null = null;

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

export function analyser(): Promise<Tokenizer<IpadicFeatures>> {
  loading ??= new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((error, tokenizer) => {
      if (error) reject(error);
      else resolve(tokenizer);
    });
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
