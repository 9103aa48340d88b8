// The shell in index.html (masthead and text area) is usable from the first paint, before the
// page's wasm loads. Before that paint this applies what the app would: the saved theme and
// language (`wenxi.settings`) and small text (`wenxi.text`, as `storage::text::load_fast` reads
// it). The app takes the shell over when it starts (src/components/editor.rs, `take_shell`): the
// text typed here (marked `data-edited`), focus and caret. If it never starts, the shell says so
// and keeps the text.
(() => {
  const EN = {
    title: 'wenxi · Chinese article analyser',
    tagline: 'Chinese article analysis: words, keywords, entities, a keyword cloud. All of it in your browser; the text never leaves this computer.',
    label: 'Article',
    pane: 'Text',
    placeholder: 'Paste or type a Chinese article here, or drop a .txt, .md, .html or .docx file…',
    failed: 'The page’s program did not start (this browser may lack WebAssembly, or a download failed). Reload the page to try again; your text stays here.',
    kept: ' It is also kept in this browser for the next visit.',
  };
  const ZH = {
    failed: '页面程序没有启动（这个浏览器可能不支持 WebAssembly，或者下载失败）。请刷新页面再试；你输入的文字仍在这里。',
    kept: '它也已保存在本机，下次打开时仍在。',
  };
  // The app gives up on the first-paint copy above this size (src/storage/text.rs).
  const FAST_PATH_BYTES = 1 << 20;
  const GIVE_UP_MS = 15_000;

  const read = (key) => {
    try {
      return localStorage.getItem(key);
    } catch (_) {
      return null; // Storage turned off: the defaults, as the app would use.
    }
  };

  // Read as leniently as the app does (src/state/settings.rs): otherwise the defaults.
  const display = (() => {
    try {
      const saved = JSON.parse(read('wenxi.settings'));
      return saved && saved.version === 1 && typeof saved.display === 'object' ? saved.display ?? {} : {};
    } catch (_) {
      return {};
    }
  })();
  const english = display.lang === 'en';
  const theme = ['system', 'light', 'dark'].includes(display.theme) ? display.theme : 'system';
  const root = document.documentElement;
  root.setAttribute('lang', english ? 'en' : 'zh-CN');
  root.setAttribute('data-theme', theme);
  if (english) document.title = EN.title;

  // The saved text as `TextRecord::from_saved` reads it: a record, or an older bare text.
  const savedText = () => {
    const saved = read('wenxi.text');
    if (saved === null) return '';
    try {
      const record = JSON.parse(saved);
      if (record && typeof record.text === 'string' && typeof record.tab === 'string'
        && typeof record.saved_at === 'number') return record.text;
    } catch (_) { /* an older bare text */ }
    return saved;
  };

  /** Keeps the typed text where the app's next start looks first (this one failed). */
  const keep = (area) => {
    if (!area.hasAttribute('data-edited') || area.value.length * 3 > FAST_PATH_BYTES) return false;
    const record = { text: area.value, tab: 'shell', saved_at: Date.now() };
    try {
      localStorage.setItem('wenxi.text', JSON.stringify(record));
      return true;
    } catch (_) {
      return false; // Full or refused: the text is still on screen.
    }
  };

  const fill = () => {
    const shell = document.getElementById('shell');
    const area = shell?.querySelector('textarea');
    if (!area) return;
    if (english) {
      shell.querySelector('.tagline').textContent = EN.tagline;
      shell.querySelector('.editor-label').textContent = EN.label;
      shell.querySelector('.editor-pane').setAttribute('aria-label', EN.pane);
      area.placeholder = EN.placeholder;
    }
    // Typed before this ran (a slow parse): the reader's text wins over the saved one.
    if (area.value === '') area.value = savedText();
    area.addEventListener('input', () => area.setAttribute('data-edited', ''));
    // A file dropped before the app starts would replace the page: refused instead.
    area.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    area.addEventListener('drop', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });

    let started = false;
    const fail = () => {
      if (started || !shell.isConnected) return;
      const notice = shell.querySelector('[data-testid=shell-failed]');
      const said = english ? EN : ZH;
      notice.textContent = said.failed + (keep(area) ? said.kept : '');
      notice.hidden = false;
    };
    addEventListener('TrunkApplicationStarted', () => { started = true; });
    // The page's code (trunk's app-<hash>.js and _bg.wasm) failed to load; resource errors do
    // not bubble, so they are caught on their way down.
    addEventListener('error', (event) => {
      const url = event.target?.src ?? event.target?.href ?? '';
      if (/\/app-[0-9a-f]+(_bg\.wasm|\.js)$/.test(url)) fail();
    }, true);
    // trunk's loader awaits the wasm's download and compilation: a failure rejects.
    addEventListener('unhandledrejection', () => fail());
    setTimeout(fail, GIVE_UP_MS);
    // Leaving before the app started: the typed text is kept for the next visit.
    addEventListener('pagehide', () => {
      if (!started && shell.isConnected) keep(area);
    });
  };

  // Parsing ends ("interactive") before module scripts run and, for a page this small, before
  // the first paint, which waits for the stylesheets.
  if (document.readyState === 'loading') {
    document.addEventListener('readystatechange', fill, { once: true });
  } else {
    fill();
  }
})();
