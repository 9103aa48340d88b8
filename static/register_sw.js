// Registers the service worker (static/sw.js) and tells the page when a new version is waiting:
// it sets `window.__wenxiUpdate` and fires `wenxi-update-ready` on window, which the update
// notice (src/components/update_notice.rs) shows; its button fires `wenxi-apply-update`, which
// activates the new version and reloads once it controls the page.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let applying = false;

  const announce = (worker) => {
    window.__wenxiUpdate = worker;
    window.dispatchEvent(new Event('wenxi-update-ready'));
  };
  // A worker that finished installing while another one controls the page is a new version.
  const watch = (worker) => {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) announce(worker);
    });
  };

  window.addEventListener('wenxi-apply-update', () => {
    if (!window.__wenxiUpdate) return;
    applying = true;
    window.__wenxiUpdate.postMessage('skip-waiting');
  });
  container.addEventListener('controllerchange', () => {
    if (applying) window.location.reload();
  });

  // Once the engine is ready (the app fires `wenxi-engine-ready`), so precaching does not
  // compete with the first load of the engine's 7 MB; a page whose engine never gets ready
  // registers 20 s after `load` all the same.
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    container.register('./sw.js').then((registration) => {
      if (registration.waiting && container.controller) announce(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    }).catch((error) => {
      // Service workers need HTTPS or localhost; the page works without one, just not offline.
      console.warn('service worker not registered:', error);
    });
  };
  window.addEventListener('wenxi-engine-ready', register);
  window.addEventListener('load', () => setTimeout(register, 20_000));
})();
