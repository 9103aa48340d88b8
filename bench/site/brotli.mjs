// A file and its brotli form as the site benchmark counts it (node's zlib, quality 11), made once
// per file: the report's sizes and the peer server's responses share them.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const cache = new Map();

/** `{ raw, br }`: the bytes of `file` and their brotli form (throws if it cannot be read). */
export function compressed(file) {
  if (!cache.has(file)) {
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    cache.set(file, { raw, br });
  }
  return cache.get(file);
}
