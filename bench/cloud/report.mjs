// The cloud benchmark's printed report: one table (a row per tool and configuration, and the
// ratio wenxi ÷ wordcloud2), then what each tool did to the words, as notes under the table.

export const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** "median [min–max]" of the finite numbers in `xs` ("–" when there are none). */
export function spread(xs, digits = 0, unit = '') {
  const v = xs.filter(Number.isFinite);
  if (v.length === 0) return '–';
  const f = (x) => x.toFixed(digits) + unit;
  return v.length === 1 ? f(v[0]) : `${f(median(v))} [${f(Math.min(...v))}–${f(Math.max(...v))}]`;
}

const pct = (xs) => spread(xs.map((x) => x * 100), 1, '%');
const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');

function printTable(lines) {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  for (const [n, line] of lines.entries()) {
    console.log(line.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd());
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** What wordcloud2 did to the words in these runs: dropped, shrunk one by one, order broken. */
function wordcloud2Notes(r, keywords, minFont) {
  const notes = [];
  const dropped = new Set(r.flatMap((x) => x.dropped));
  if (dropped.size) {
    notes.push(`dropped ${spread(r.map((x) => x.dropped.length))} words, e.g. ${[...dropped].slice(0, 3).join(' ')}`);
  }
  const top3 = keywords.slice(0, 3).map((k) => k.term);
  const topDropped = r.filter((x) => x.dropped.some((t) => top3.includes(t))).length;
  if (topDropped) notes.push(`a top-3 word dropped in ${topDropped} of ${r.length} runs`);
  if (r.some((x) => x.shrunk)) {
    notes.push(
      `shrank ${spread(r.map((x) => x.shrunk))} words one at a time, ` +
        `${spread(r.map((x) => x.belowMin))} of them below ${minFont} px (smallest ${spread(r.map((x) => x.smallest), 1)} px); ` +
        `${spread(r.map((x) => x.orderBroken))} words end smaller than a lower-ranked word`,
    );
  }
  if (r.some((x) => x.topWord.final < x.topWord.asked)) {
    notes.push(`top word shrunk to ${spread(r.map((x) => x.topWord.final))} px`);
  }
  return notes;
}

/** What wenxi's runs say about themselves: same words as asked, the engine's fill, completeness. */
function wenxiNotes(o, keywords, size) {
  const wanted = new Set(keywords.slice(0, size).map((k) => k.term));
  const shared = o.map((x) => x.terms.filter((t) => wanted.has(t)).length / Math.max(1, x.terms.length));
  const notes = [`${pct(shared)} of its words are among the same top ${size}`];
  if (o.some((x) => Number.isFinite(x.engineFill))) notes.push(`the engine's own fill ${pct(o.map((x) => x.engineFill))}`);
  const incomplete = o.filter((x) => x.complete === 'false').length;
  if (incomplete) notes.push(`complete=false in ${incomplete} of ${o.length} runs`);
  return notes;
}

/**
 * Prints the whole report. `wc2` rows: {shape, size, shrinkToFit, runs}; `wenxi`: the result of
 * measureWenxi; `resolution`: wordcloud2's canvas at devicePixelRatio 2.
 */
export function printReport({ header, keywords, minFont, wc2, wenxi, resolution, sharpness }) {
  for (const line of header) console.log(line);
  const lines = [['config', 'tool', 'given', 'placed', 'layout ms', 'action→drawn ms', 'fill', 'box', 'ink outside shape']];
  const notes = [];
  const ours = new Map(wenxi.results.map((r) => [`${r.shape} ${r.size}`, r.runs]));
  for (const row of wc2) {
    const config = `${row.shape} ${row.size}${row.shrinkToFit ? '' : ' (shrinkToFit off)'}`;
    const r = row.runs;
    if (r.length) {
      lines.push([
        config, 'wordcloud2', row.size, spread(r.map((x) => x.placed)), spread(r.map((x) => x.ms)), '(same)',
        pct(r.map((x) => x.fillShape)), pct(r.map((x) => x.fillBox)), pct(r.map((x) => x.outside)),
      ]);
      for (const note of wordcloud2Notes(r, keywords, minFont)) notes.push(`${config}, wordcloud2: ${note}`);
    }
    const o = row.shrinkToFit ? ours.get(`${row.shape} ${row.size}`) ?? [] : [];
    if (o.length === 0) continue;
    lines.push([
      r.length ? '' : config, 'wenxi', row.size, spread(o.map((x) => x.terms.length)), spread(o.map((x) => x.layoutMs), 1),
      spread(o.map((x) => x.e2eMs)), pct(o.map((x) => x.fillShape)), pct(o.map((x) => x.fillBox)), pct(o.map((x) => x.outside)),
    ]);
    for (const note of wenxiNotes(o, keywords, row.size)) notes.push(`${config}, wenxi: ${note}`);
    if (r.length) {
      const m = (runs, key) => median(runs.map((x) => x[key]));
      lines.push([
        '', 'wenxi ÷ wc2', '', ratio(median(o.map((x) => x.terms.length)), m(r, 'placed')), ratio(m(o, 'layoutMs'), m(r, 'ms')),
        ratio(m(o, 'e2eMs'), m(r, 'ms')), ratio(m(o, 'fillShape'), m(r, 'fillShape')), ratio(m(o, 'fillBox'), m(r, 'fillBox')), '',
      ]);
    }
  }
  if (lines.length > 1) printTable(lines);
  for (const note of notes) console.log(`- ${note}`);
  const { devicePixelRatio: dpr, backing, css } = resolution;
  const scaled = backing[0] >= css[0] * dpr;
  console.log(
    `\nwordcloud2 at devicePixelRatio ${dpr}: its canvas keeps a ${backing.join('×')} backing store for a ` +
      `${css.join('×')} CSS box (${scaled ? 'scaled to the screen' : `${css[0] * dpr}×${css[1] * dpr} needed: the browser upscales it, blurry`}); ` +
      'wenxi draws SVG text, rendered at the screen\'s resolution',
  );
  const soft = (x) => (x ? `${(x.soft * 100).toFixed(1)}% (${x.size.join('×')} screenshot)` : '–');
  for (const row of sharpness) {
    console.log(
      `  soft edge at devicePixelRatio ${row.scale} (share of inked pixels only partly inked, black on white; ` +
        `lower is crisper): wordcloud2 ${soft(row.wordcloud2)}, wenxi ${soft(row.wenxi)}`,
    );
  }
  if (wenxi.available) {
    console.log(
      "wenxi: layout ms = the cloud's data-layout-ms (the worker's own time for the layout); " +
        "action→drawn = from the control's change to the page's last change (page clock, includes the worker round trip and the render)",
    );
  } else {
    console.log('wenxi: not available in this build');
  }
  for (const note of wenxi.notes) console.log(`  wenxi: ${note}`);
}
