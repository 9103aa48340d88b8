// A first visit is measured in a window that has finished opening. Headless Chromium 156 starts a
// renderer of its own for every new window (the address bar's suggestion popup,
// chrome://omnibox-popup.top-chrome), which runs for the first ~0.7 s of the window: 0.8–1.1 s
// of tasks in traces of three windows, on a machine with two cores, in the same second as a
// visit that starts at once. A person's browser has done that long before they reach a page, so
// both contenders (wenxi and jieba-wasm) start from about:blank once the window is done with it.

/** How long a new window is left on about:blank before the visit (traced: the popup's renderer
 * was idle by then). */
export const SETTLE_MS = 2000;

/** Leaves `page` (in a new context) on about:blank until its window has settled. */
export async function settledPage(page) {
  await page.goto('about:blank');
  await page.waitForTimeout(SETTLE_MS);
}
