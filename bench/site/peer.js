// jieba-wasm in the page, timed from navigation start (performance.now()'s origin), the way
// run.mjs times wenxi: its module and wasm fetched and compiled (`init`), then its first call,
// which builds the dictionary. run.mjs reads `window.peer`.
import init, { cut, tag } from '/jieba/jieba_rs_wasm.js';

const moduleAt = performance.now();
const exports = await init();
const initAt = performance.now();
cut('词典在第一次调用时建立。', true);
const readyAt = performance.now();

window.peer = {
  moduleAt,
  initAt,
  readyAt,
  /** Bytes of the wasm instance's memory (it only grows, so after a call it is the peak). */
  memory: () => exports.memory.buffer.byteLength,
  /** Times `cut` or `tag` (HMM on) over `window.__text`, set beforehand so that moving the
   * text into the page is not timed; the conversion of the result to JS objects is. */
  run(kind) {
    const text = window.__text;
    const start = performance.now();
    const out = kind === 'tag' ? tag(text, true) : cut(text, true);
    return { ms: performance.now() - start, items: out.length };
  },
};
