// In-page half of the cloud benchmark (driven by run.mjs): runs wordcloud2.js on a canvas and
// measures a picture's ink — wordcloud2's canvas or a wenxi cloud's SVG, rasterised here — the
// same way for both, so the fill ratios compare.
/* global WordCloud, insideShape */
(function (global) {
  'use strict';

  /** A pixel counts as ink when at least half covered (alpha ≥ 128), for both tools alike. */
  const INK_ALPHA = 128;

  /** Font size in px for a 0..1 score: wenxi's default (square-root) scaling. */
  function fontPx(score, minFont, maxFont) {
    return minFont + (maxFont - minFont) * Math.sqrt(Math.max(0, Math.min(1, score)));
  }

  const regions = new Map();
  /** The shape's pixels as a byte per pixel (1 = inside), cached per shape and size. */
  function region(shape, w, h) {
    const key = `${shape} ${w} ${h}`;
    if (!regions.has(key)) {
      const inside = new Uint8Array(w * h);
      let area = 0;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (insideShape(shape, x, y, w, h)) {
            inside[y * w + x] = 1;
            area++;
          }
        }
      }
      regions.set(key, { inside, area });
    }
    return regions.get(key);
  }

  /** Ink of a w × h RGBA image against `shape`: shares of the shape and of the box covered. */
  function measureInk(rgba, shape, w, h) {
    const { inside, area } = region(shape, w, h);
    let ink = 0;
    let inkInside = 0;
    for (let i = 0; i < w * h; i++) {
      if (rgba[i * 4 + 3] >= INK_ALPHA) {
        ink++;
        inkInside += inside[i];
      }
    }
    return {
      fillShape: inkInside / area,
      fillBox: ink / (w * h),
      outside: ink === 0 ? 0 : (ink - inkInside) / ink,
    };
  }

  /**
   * Lays `words` ({term, score}) out with wordcloud2.js and resolves when it stops: time from
   * the call to its `wordcloudstop` event, words drawn, words it shrank (shrinkToFit shrinks
   * each word that does not fit by 3/4 until it does, one word at a time) and the ink.
   */
  function runWordCloud2(o) {
    const canvas = document.getElementById('cloud');
    canvas.width = o.width;
    canvas.height = o.height;
    canvas.style.width = `${o.width}px`;
    canvas.style.height = `${o.height}px`;
    // [term, px] with weightFactor 1: shrinkToFit then scales the px itself (it multiplies the
    // weight), so a shrunk word's final size can be read back from the list.
    const list = o.words.map((w) => [w.term, fontPx(w.score, o.minFont, o.maxFont)]);
    const asked = list.map((item) => item[1]);
    return new Promise((resolve) => {
      const dropped = [];
      let drawn = 0;
      let aborted = false;
      const onDrawn = (e) => {
        if (e.detail.drawn) drawn++;
        else dropped.push(e.detail.item[0]);
      };
      const onAbort = () => {
        aborted = true;
      };
      let t0 = 0;
      const onStop = () => {
        const ms = performance.now() - t0;
        canvas.removeEventListener('wordclouddrawn', onDrawn);
        canvas.removeEventListener('wordcloudabort', onAbort);
        const rgba = canvas.getContext('2d').getImageData(0, 0, o.width, o.height).data;
        const final = list.map((item) => item[1]);
        const shrunk = final.filter((px, i) => px < asked[i] - 1e-9).length;
        const belowMin = final.filter((px) => px < o.minFont - 1e-9).length;
        // Words now smaller than a word ranked below them: shrinking one word at a time breaks
        // the size order that says which word matters more.
        let orderBroken = 0;
        let maxBelow = 0;
        for (let i = final.length - 1; i >= 0; i--) {
          if (final[i] < maxBelow - 1e-9) orderBroken++;
          maxBelow = Math.max(maxBelow, final[i]);
        }
        resolve({
          ms,
          given: list.length,
          placed: drawn,
          dropped,
          aborted,
          shrunk,
          belowMin,
          orderBroken,
          smallest: Math.min(...final),
          topWord: { term: list[0]?.[0], asked: asked[0], final: final[0] },
          ...measureInk(rgba, o.shape, o.width, o.height),
        });
      };
      canvas.addEventListener('wordclouddrawn', onDrawn);
      canvas.addEventListener('wordcloudabort', onAbort);
      canvas.addEventListener('wordcloudstop', onStop, { once: true });
      t0 = performance.now();
      WordCloud(canvas, {
        list,
        gridSize: o.gridSize,
        weightFactor: 1,
        fontFamily: o.fontFamily,
        fontWeight: o.fontWeight,
        color: o.color ?? 'random-dark',
        backgroundColor: 'rgba(0,0,0,0)',
        rotateRatio: o.rotateRatio,
        // One angle: vertical, as wenxi's Mixed orientation (about 1 word in 4).
        minRotation: -Math.PI / 2,
        maxRotation: -Math.PI / 2,
        shape: o.wc2Shape,
        ellipticity: o.height / o.width,
        shrinkToFit: o.shrinkToFit,
        drawOutOfBound: false,
        wait: 0,
        abortThreshold: 0,
      });
    });
  }

  /** Rasterises an SVG cloud (serialised, fonts and fills inlined) and measures its ink. */
  async function measureSvg(svgText, shape, w, h) {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(img, 0, 0, w, h);
    return measureInk(ctx.getImageData(0, 0, w, h).data, shape, w, h);
  }

  /** What wordcloud2 did with the canvas on this screen: its backing store against CSS size. */
  function canvasResolution() {
    const canvas = document.getElementById('cloud');
    const rect = canvas.getBoundingClientRect();
    return {
      devicePixelRatio: global.devicePixelRatio,
      backing: [canvas.width, canvas.height],
      css: [rect.width, rect.height],
    };
  }

  /** Shows an SVG cloud, all words black, in an <img> of the cloud's CSS size (a vector image:
   * the browser draws it at the screen's resolution). */
  async function showSvgInBlack(svgText, w, h) {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    doc.querySelectorAll('text, tspan').forEach((el) => el.setAttribute('fill', '#000'));
    const img = document.getElementById('svg') ?? document.body.appendChild(document.createElement('img'));
    img.id = 'svg';
    img.width = w;
    img.height = h;
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(doc))}`;
    await img.decode();
  }

  /**
   * Of the pixels a black-on-white screenshot (PNG, base64) shows as ink (luminance < 240), the
   * share that is only partly inked (luminance 16–240): the soft edge. An image drawn at the
   * screen's resolution has thinner edges, so a smaller share, than one upscaled to it.
   */
  async function edgeSoftness(pngBase64) {
    const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ink = 0;
    let soft = 0;
    for (let i = 0; i < px.length; i += 4) {
      const lum = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
      if (lum < 240) {
        ink++;
        if (lum >= 16) soft++;
      }
    }
    return { size: [bitmap.width, bitmap.height], soft: ink === 0 ? 0 : soft / ink };
  }

  global.bench = { runWordCloud2, measureSvg, canvasResolution, fontPx, showSvgInBlack, edgeSoftness };
})(globalThis);
