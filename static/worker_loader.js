// Starts the analysis worker: loads wasm-bindgen's glue (worker.js, written by trunk for
// src/bin/worker.rs) and then the wasm. trunk's own loader shim ignores a failed load, which
// would leave the page waiting for an engine forever; this one reports it to the page (as the
// protocol's `crashed` message), so the page can retry and, in the end, tell the user.
importScripts('./worker.js');
wasm_bindgen('./worker_bg.wasm').catch((error) => {
  postMessage(JSON.stringify({
    kind: 'crashed',
    message: `loading worker_bg.wasm failed: ${error && error.message ? error.message : error}`,
  }));
});
