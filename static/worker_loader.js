// Starts the analysis worker: loads wasm-bindgen's glue (worker.js, written by trunk for
// src/bin/worker.rs) and then the wasm. trunk's own loader shim ignores a failed load, which
// would leave the page waiting for an engine forever; this one reports it to the page (as the
// protocol's `crashed` message), so the page can retry and, in the end, tell the user.
//
// Everything the worker needs is asked for at once, before the glue is even loaded, in the
// order it is needed: the wasm (needed first), then the dictionary and the entity model
// (1.4 MB and 0.9 MB as sent), whose downloads overlap the wasm's compilation instead of
// starting after it. The wasm takes those two requests over (`self.__wenxiData`, read by
// src/bin/worker.rs); an empty catch only keeps a failed download from being reported as
// unhandled before the wasm gets to report it properly.
// The engine's entity model runs with WebAssembly SIMD (crates/core/src/ner: `decode`): a browser without
// it (before Chrome 91, Firefox 89, Safari 16.4) could not compile the engine, so it is told in
// words, not with a compiler error. The probe is the smallest module using one SIMD instruction.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
if (!WebAssembly.validate(SIMD_PROBE)) {
  postMessage(JSON.stringify({
    kind: 'crashed',
    message: 'this browser\'s WebAssembly has no SIMD, which the engine needs ' +
      '(Chrome or Edge 91, Firefox 89, Safari 16.4 or later)',
  }));
  throw new Error('no WebAssembly SIMD');
}
const wasm = fetch('./worker_bg.wasm');
wasm.catch(() => {});
self.__wenxiData = {};
for (const [name, url] of [['lexicon', './lexicon.bin'], ['ner', './ner.bin']]) {
  const response = fetch(url);
  response.catch(() => {});
  self.__wenxiData[name] = response;
}
importScripts('./worker.js');
wasm_bindgen({ module_or_path: wasm }).catch((error) => {
  postMessage(JSON.stringify({
    kind: 'crashed',
    message: `loading worker_bg.wasm failed: ${error && error.message ? error.message : error}`,
  }));
});
