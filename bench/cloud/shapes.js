// The regions the benchmark measures fill against, one per shape: a copy of the wenxi engine's
// definitions (crates/core/src/cloud/shape.rs; keep the two in step). wordcloud2.js has no
// region of its own (its "shape" only orders the spiral's search points; ink may land anywhere on
// the canvas), so both tools' pictures are measured against these same regions.
/* exported insideShape, shapeNames */
(function (global) {
  'use strict';

  /** How far the heart and the star may be stretched from their natural proportions. */
  const STRETCH = 1.25;

  /**
   * Maps pixel centres of a w × h box into a shape's own coordinates (`bounds` = x0, y0, x1, y1,
   * y down), centred in the box and stretched at most STRETCH from the shape's proportions.
   */
  function frame(w, h, bounds) {
    const bw = bounds[2] - bounds[0];
    const bh = bounds[3] - bounds[1];
    const natural = bw / bh;
    const aspect = Math.min(Math.max(w / h, natural / STRETCH), natural * STRETCH);
    const [fw, fh] = w / h > aspect ? [h * aspect, h] : [w, w / aspect];
    const sx = bw / fw;
    const sy = bh / fh;
    const mx = (bounds[0] + bounds[2]) / 2;
    const my = (bounds[1] + bounds[3]) / 2;
    return (x, y) => [(x + 0.5 - w / 2) * sx + mx, (y + 0.5 - h / 2) * sy + my];
  }

  /** Ellipse touching the four sides of the box. */
  function ellipse(w, h) {
    return (x, y) => {
      const u = (x + 0.5 - w / 2) / (w / 2);
      const v = (y + 0.5 - h / 2) / (h / 2);
      return u * u + v * v <= 1;
    };
  }

  /** The whole box. */
  function rectangle() {
    return () => true;
  }

  /** Heart: (x² + y² − 1)³ − x²y³ ≤ 0, y up: x within ±1.139, y from −1 to 1.236. */
  function cardioid(w, h) {
    const at = frame(w, h, [-1.139, -1.236, 1.139, 1.0]);
    return (x, y) => {
      const [u, vDown] = at(x, y);
      const v = -vDown;
      const a = u * u + v * v - 1;
      return a * a * a - u * u * v * v * v <= 0;
    };
  }

  /** Five-pointed star, point up, inner radius half the outer: the ten-edge polygon, even-odd. */
  function star(w, h) {
    const points = Array.from({ length: 10 }, (_, i) => {
      const r = i % 2 === 0 ? 1 : 0.5;
      const a = (i * Math.PI) / 5;
      return [r * Math.sin(a), -r * Math.cos(a)];
    });
    const at = frame(w, h, [-0.951, -1, 0.951, Math.cos(Math.PI / 5)]);
    return (x, y) => {
      const [u, v] = at(x, y);
      let inside = false;
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i];
        const [bx, by] = points[(i + 1) % points.length];
        if (ay <= v !== by <= v && u <= ax + ((v - ay) / (by - ay)) * (bx - ax)) inside = !inside;
      }
      return inside;
    };
  }

  const shapes = { ellipse, rectangle, cardioid, star };
  const tests = new Map();

  /** True when pixel (x, y) of a w × h cloud lies inside `shape`. */
  function insideShape(shape, x, y, w, h) {
    const key = `${shape} ${w} ${h}`;
    if (!tests.has(key)) {
      if (!shapes[shape]) throw new Error(`unknown shape ${shape}`);
      tests.set(key, shapes[shape](w, h));
    }
    return tests.get(key)(x, y);
  }

  global.insideShape = insideShape;
  global.shapeNames = Object.keys(shapes);
})(globalThis);
