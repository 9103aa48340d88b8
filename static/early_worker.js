// Starts the analysis worker as soon as the HTML is parsed, before the page's own code has
// downloaded: the engine's wasm and data then load in parallel with the page's. The page takes
// the worker over when it starts (src/bridge.rs, `adopt_early_worker`) and replays what the
// worker said in the meantime (normally `ready`), so nothing is lost. If this fails, the page
// starts a worker itself and reports any problem as usual.
(() => {
  try {
    const worker = new Worker('./worker_loader.js');
    const early = { worker, events: [] };
    worker.onmessage = (event) => early.events.push(event);
    worker.onerror = (event) => {
      // Kept for the page, which decides; without this the console shows it as uncaught.
      event.preventDefault();
      early.events.push(event);
    };
    window.__wenxiEarlyWorker = early;
  } catch (_) {
    // No workers here: the page finds none waiting and says so in its own words.
  }
})();
