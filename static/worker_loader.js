// Starts the analysis worker: loads wasm-bindgen's glue (worker.js, written by trunk for
// src/bin/worker.rs) and then the wasm. trunk's own loader shim ignores a failed load, which
// would leave the page waiting for an engine forever; this one reports it to the page (as the
// protocol's `crashed` message), so the page can retry and, in the end, tell the user.
// The engine's data is asked for before its code: the two downloads (1.4 MB and 0.9 MB as sent)
// overlap the loading and compiling of worker_bg.wasm instead of starting after it. The wasm
// takes these requests over (src/bin/worker.rs); the empty catch only keeps a failed download
// from being reported as unhandled before the wasm gets to report it properly.
self.__wenxiData = {};
for (const [name, url] of [['lexicon', './lexicon.bin'], ['ner', './ner.bin']]) {
  const response = fetch(url);
  response.catch(() => {});
  self.__wenxiData[name] = response;
}
importScripts('./worker.js');
wasm_bindgen('./worker_bg.wasm').catch((error) => {
  postMessage(JSON.stringify({
    kind: 'crashed',
    message: `loading worker_bg.wasm failed: ${error && error.message ? error.message : error}`,
  }));
});
