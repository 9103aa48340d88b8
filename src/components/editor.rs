//! The text area: analysis starts by itself once typing pauses, or at once on Ctrl+Enter or the
//! button. Files are opened with a button or dropped on the text area.
//!
//! The text area is not re-written on each render: the reader's typing is its own content, and
//! writing tens of megabytes back into it on every keystroke would stall the page. It is
//! written only when the text is replaced from outside (`text_version` changes).
//!
//! A text of more than [`LARGE_TEXT_BYTES`] is shown as a preview of its beginning, in place
//! of the text area (the page's state keeps the whole text): Chromium repaints a visible text
//! area with every change anywhere on the page, measured at 7 ms a frame for 1 MB of short
//! lines, 127 ms for 5 MB and seconds for 20 MB; and even hidden (`display: none`, caret at the
//! start, not focused) a text area of 20 MB cost 130–170 ms a frame in selection bookkeeping.
//! Either would freeze the page while the worker analyses.
//!
//! `index.html` holds a shell of the page (`#shell`) whose text area the reader can use before
//! this code has loaded. The app renders into a detached element meanwhile (`bin/app.rs`); once
//! the editor has rendered, [`take_shell`] puts the app in the shell's place in one step and
//! carries over what the reader typed there, the focus, the caret and the scroll position.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlTextAreaElement};
use wenxi_core::limits::MAX_CHARS;
use yew::prelude::*;

use crate::i18n::use_lang;
use crate::state::file::{megabytes, OpenedFile, MAX_FILE_BYTES};
use crate::state::SharedText;

/// How long the input must rest before an analysis starts by itself.
pub const SETTLE_MS: u32 = 400;

/// Texts longer than this (bytes of UTF-8) are previewed, not shown in the text area.
pub const LARGE_TEXT_BYTES: usize = 2 << 20;

/// Chars of a large text shown in its preview.
const PREVIEW_CHARS: usize = 3_000;

/// A sample article the project wrote itself (made-up people and places), offered while the
/// text area is empty so that a first-time reader sees every view at work.
pub const SAMPLE_ARTICLE: &str = include_str!("../sample/article.txt");

/// The kinds of file offered in the file picker (others may still be dropped, and are then
/// recognised, or refused with a message, by their content).
const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,text/plain,text/markdown,\
text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: SharedText,
    /// Changes when `text` was replaced from outside the text area.
    pub text_version: u64,
    pub on_edit: Callback<String>,
    pub on_analyse: Callback<()>,
    pub on_file: Callback<OpenedFile>,
}

/// The id of `index.html`'s shell (`bin/app.rs` looks for it too).
pub const SHELL_ID: &str = "shell";

/// What the reader left in the shell's text area.
struct ShellInput {
    /// The text, if the reader changed it (`static/shell.js` marks an edit `data-edited`).
    typed: Option<String>,
    focused: bool,
    selection: Option<(u32, u32, String)>,
    scroll_top: i32,
}

/// Puts the app's element tree (the detached root `editor` belongs to) in place of the shell,
/// in one synchronous step: no frame, no event and no mutation observer sees the page without
/// a text area or with two. Returns what the reader left in the shell, or `None` without one.
fn swap_in_app(editor: &web_sys::Element) -> Option<ShellInput> {
    let document = web_sys::window()?.document()?;
    let shell = document.get_element_by_id(SHELL_ID)?;
    let area: Option<HtmlTextAreaElement> = shell
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok());
    let input = area.map(|area| ShellInput {
        typed: area.has_attribute("data-edited").then(|| area.value()),
        focused: document
            .active_element()
            .is_some_and(|active| active == **area),
        selection: match (area.selection_start(), area.selection_end()) {
            (Ok(Some(start)), Ok(Some(end))) => Some((
                start,
                end,
                area.selection_direction()
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            )),
            _ => None,
        },
        scroll_top: area.scroll_top(),
    });
    let mut root = editor.clone();
    while let Some(parent) = root.parent_element() {
        root = parent;
    }
    if root.is_connected() {
        // Mounted in the document after all (no detached root): the shell only goes.
        shell.remove();
    } else if shell.replace_with_with_node_1(&root).is_err() {
        return None;
    }
    input
}

/// Takes the shell over (see [`swap_in_app`]): the text typed there becomes an edit (saved, and
/// analysed once it settles, like typing), and focus and caret move to the app's text area.
fn take_shell(
    editor: &web_sys::Element,
    area: Option<HtmlTextAreaElement>,
    text: &str,
    on_edit: &Callback<String>,
    analyse_soon: impl FnOnce(),
) {
    let Some(input) = swap_in_app(editor) else {
        return;
    };
    let typed = input.typed.filter(|typed| typed != text);
    let Some(area) = area else {
        if let Some(typed) = typed {
            on_edit.emit(typed);
            analyse_soon();
        }
        return;
    };
    if let Some(typed) = typed {
        if typed.len() > LARGE_TEXT_BYTES {
            // The preview takes the text area's place and the focus (see `oninput`).
            area.set_hidden(true);
        } else {
            area.set_value(&typed);
        }
        on_edit.emit(typed);
        analyse_soon();
    }
    if input.focused {
        area.focus().ok();
    }
    if let Some((start, end, direction)) = input.selection {
        let _ = area.set_selection_range_with_direction(start, end, &direction);
    }
    area.set_scroll_top(input.scroll_top);
}

/// Reads `file` (unless it is over the limit: then only its size is passed on).
fn open(file: File, on_file: Callback<OpenedFile>) {
    let (name, size) = (file.name(), file.size());
    if size > MAX_FILE_BYTES as f64 {
        on_file.emit(OpenedFile {
            name,
            size,
            bytes: None,
        });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .ok()
            .and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok());
        on_file.emit(OpenedFile { name, size, bytes });
    });
}

#[component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = use_lang();
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let area = use_node_ref();
    let picker = use_node_ref();
    let preview_box = use_node_ref();
    let editor_box = use_node_ref();
    let dragging = use_state(|| false);
    // The reader asked to edit a large text in the text area all the same.
    let edit_anyway = use_state(|| false);
    let over = props.text.len() > LARGE_TEXT_BYTES;
    let large = over && !*edit_anyway;
    // The choice holds for this large text: once the text is small again it is forgotten.
    {
        let edit_anyway = edit_anyway.clone();
        use_effect_with(over, move |over| {
            if !*over {
                edit_anyway.set(false);
            }
        });
    }

    // Write the text into the text area when it is replaced from outside, and when the text
    // area appears (on mount, and when a large text gives way to a small one). A large text
    // has no text area: focus goes to its preview, where a paste replaces it.
    {
        let (area, preview, text) = (area.clone(), preview_box.clone(), props.text.clone());
        use_effect_with((props.text_version, large), move |(_, large)| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                if *area.value() != *text {
                    area.set_value(&text);
                }
            } else if *large {
                if let Some(preview) = preview.cast::<web_sys::HtmlElement>() {
                    preview.focus().ok();
                }
            }
        });
    }

    // Take the page's shell over once this editor has rendered (children's effects run before
    // their parents', so the whole app has rendered by now).
    {
        let (editor, area, text) = (editor_box.clone(), area.clone(), props.text.clone());
        let (timer, on_edit, on_analyse) = (
            timer.clone(),
            props.on_edit.clone(),
            props.on_analyse.clone(),
        );
        use_effect_with((), move |_| {
            if let Some(editor) = editor.cast::<web_sys::Element>() {
                take_shell(
                    &editor,
                    area.cast::<HtmlTextAreaElement>(),
                    &text,
                    &on_edit,
                    || {
                        *timer.borrow_mut() =
                            Some(Timeout::new(SETTLE_MS, move || on_analyse.emit(())));
                    },
                );
            }
        });
    }

    let oninput = {
        let timer = timer.clone();
        let on_edit = props.on_edit.clone();
        let on_analyse = props.on_analyse.clone();
        let keep_area = *edit_anyway;
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let text = area.value();
            if text.len() > LARGE_TEXT_BYTES && !keep_area {
                // The text area gives way to the preview in the render this edit causes.
                // Removing it while it has focus makes Chromium lay its new text out first
                // (800 ms for 5 MB, measured); hidden first, it goes without being laid out.
                area.set_hidden(true);
            }
            on_edit.emit(text);
            let on_analyse = on_analyse.clone();
            // Replacing the timeout drops (cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || on_analyse.emit(())));
        })
    };

    let analyse_now = {
        let timer = timer.clone();
        let on_analyse = props.on_analyse.clone();
        move || {
            timer.borrow_mut().take();
            on_analyse.emit(());
        }
    };

    let onkeydown = {
        let analyse_now = analyse_now.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                analyse_now();
            }
        })
    };
    let onclick = Callback::from(move |_: MouseEvent| analyse_now());

    let open_picker = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open(file, on_file.clone());
            }
            // The same file chosen again is a new choice.
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            let has_files = event
                .data_transfer()
                .is_some_and(|d| d.types().includes(&"Files".into(), 0));
            if has_files {
                // Without this the browser would open the file in place of the page.
                event.prevent_default();
                if !*dragging {
                    dragging.set(true);
                }
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, on_file) = (dragging.clone(), props.on_file.clone());
        Callback::from(move |event: DragEvent| {
            let file = event
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0));
            dragging.set(false);
            if let Some(file) = file {
                event.prevent_default();
                open(file, on_file.clone());
            }
        })
    };

    // Counted once per text, not once per render: the text can be tens of megabytes.
    let (characters, characters_all) = *use_memo(props.text.clone(), |text| {
        let (mut all, mut visible) = (0, 0);
        for c in text.chars() {
            all += 1;
            visible += usize::from(!c.is_whitespace());
        }
        (visible, all)
    });
    let over_limit = characters_all > MAX_CHARS;

    // A text put in from outside the text area (a paste into a large text's preview, clear, the
    // sample), then analysed; written into the text area when there is one.
    let replace_text = {
        let (area, on_edit, on_analyse) = (
            area.clone(),
            props.on_edit.clone(),
            props.on_analyse.clone(),
        );
        Callback::from(move |text: String| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                area.set_value(&text);
            }
            on_edit.emit(text);
            on_analyse.emit(());
        })
    };
    let load_sample = replace_text.reform(|_: MouseEvent| SAMPLE_ARTICLE.to_string());
    let preview = if large {
        let preview: String = props.text.chars().take(PREVIEW_CHARS).collect();
        let onpaste = {
            let replace = replace_text.clone();
            Callback::from(move |event: Event| {
                let Ok(event) = event.dyn_into::<web_sys::ClipboardEvent>() else {
                    return;
                };
                let pasted = event
                    .clipboard_data()
                    .and_then(|d| d.get_data("text/plain").ok())
                    .unwrap_or_default();
                if !pasted.is_empty() {
                    event.prevent_default();
                    replace.emit(pasted);
                }
            })
        };
        let clear = replace_text.reform(|_: MouseEvent| String::new());
        let edit = {
            let edit_anyway = edit_anyway.clone();
            Callback::from(move |_: MouseEvent| edit_anyway.set(true))
        };
        html! {
            <div class="large-text" data-testid="large-text" tabindex="0" role="region"
                 ref={preview_box.clone()} data-chars={characters_all.to_string()}
                 aria-label={lang.tr(
                     "大文本预览：在此按 Ctrl+V 可粘贴新的文本替换",
                     "Preview of a large text: press Ctrl+V here to paste a new text in its place",
                 )} {onpaste}
                 ondragover={ondragover.clone()} ondragleave={ondragleave.clone()}
                 ondrop={ondrop.clone()}>
                <p class="large-text-summary">
                    { {
                        let size = megabytes(props.text.len() as f64);
                        lang.tr(
                            format!("文本很大（{characters} 字，{size}）：为了页面流畅，这里只显示开头；分析照常针对全文。"),
                            format!("A large text ({characters} characters, {size}): only its start is shown here, to keep the page smooth; the analysis covers all of it."),
                        )
                    } }
                </p>
                <div class="large-text-preview">{ preview }{ "……" }</div>
                <div class="actions">
                    <button type="button" class="quiet" data-testid="large-clear" onclick={clear}>
                        { lang.tr("清空", "Clear") }
                    </button>
                    <button type="button" class="quiet" data-testid="large-edit" onclick={edit}>
                        { lang.tr("仍在文本框中编辑（可能很慢）", "Edit in the text box anyway (may be slow)") }
                    </button>
                    <span class="hint">{ lang.tr(
                        "点这里后按 Ctrl+V，可粘贴新的文本替换",
                        "Click here and press Ctrl+V to paste a new text in its place",
                    ) }</span>
                </div>
            </div>
        }
    } else {
        Html::default()
    };

    html! {
        <div class={classes!("editor", dragging.then_some("dragging"))} ref={editor_box}>
            if large {
                <p class="editor-label">{ lang.tr("文章", "Article") }</p>
                { preview }
            } else {
                <label for="input" class="editor-label">{ lang.tr("文章", "Article") }</label>
                <textarea
                    id="input"
                    data-testid="input"
                    ref={area}
                    {oninput}
                    {onkeydown}
                    {ondragover}
                    {ondragleave}
                    {ondrop}
                    placeholder={lang.tr(
                        "在此粘贴或输入一篇中文文章，或把 .txt、.md、.html、.docx 文件拖到这里……",
                        "Paste or type a Chinese article here, or drop a .txt, .md, .html or .docx file…",
                    )}
                    spellcheck="false"
                    autofocus=true
                />
            }
            <div class="editor-bar">
                <span class="count" data-testid="char-count">{ lang.tr(format!("{characters} 字"), format!("{characters} characters")) }</span>
                <button type="button" class="quiet" data-testid="open-file" onclick={open_picker}
                        title={lang.tr(
                            "打开 .txt、.md、.html 或 .docx 文件（不上传，只在本机读取）",
                            "Open a .txt, .md, .html or .docx file (read on this computer, never uploaded)",
                        )}>
                    { lang.tr("打开文件", "Open file") }
                </button>
                <input type="file" ref={picker} class="visually-hidden" accept={ACCEPT}
                       data-testid="file-input" aria-label={lang.tr("选择要打开的文件", "Choose a file to open")} tabindex="-1"
                       {onchange} />
                if props.text.trim().is_empty() {
                    <button type="button" class="quiet" data-testid="load-sample" onclick={load_sample}
                            title={lang.tr(
                                "载入一篇示例新闻（虚构的人物和地点），看看各项分析",
                                "Load a sample news story (invented people and places) to see each analysis",
                            )}>
                        { lang.tr("示例文章", "Sample article") }
                    </button>
                }
                <span class="hint"><kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd>{ lang.tr(" 立即分析", " analyses now") }</span>
                <button type="button" data-testid="analyse" {onclick}>{ lang.tr("分析", "Analyse") }</button>
            </div>
            if over_limit {
                <p class="notice" role="status" data-testid="limit-notice">
                    { {
                        let wan = MAX_CHARS / 10_000;
                        lang.tr(
                            format!("文本超过 {wan} 万字：只分析前 {wan} 万字以内（到句子结尾为止），其余部分仍然保留。"),
                            format!("The text is over {} characters: only its first {} (up to the end of a sentence) are analysed; the rest is kept.",
                                    thousands(MAX_CHARS), thousands(MAX_CHARS)),
                        )
                    } }
                </p>
            }
        </div>
    }
}

/// 1000000 → "1,000,000", for the English page.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
