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
