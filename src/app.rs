//! The top-level component: owns the state, the worker bridge, the saved text and settings.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::{EngineBridge, EngineEvent};
use crate::components::views::{Reader, ReaderActions};
use crate::components::{
    CloudContext, Editor, EmptyState, ImportNoticeView, LanguageSwitch, OrphanText, ReportView,
    SettingsPanel, StatusBadge, TabConflict, UpdateNotice,
};
use crate::i18n::Lang;
use crate::protocol::Request;
use crate::state::cloud::CloudEdit;
use crate::state::settings::{Settings, SettingsEdit};
use crate::state::views::{TextMark, View};
use crate::state::{Action, AppState, Problem};
use crate::{now_ms, storage};

/// Sends a view's request once (keyed by its id).
#[hook]
fn use_send_view_request(
    bridge: &Rc<RefCell<Option<EngineBridge>>>,
    outgoing: Option<Rc<Request>>,
) {
    let bridge = bridge.clone();
    let key = crate::state::views::request_id(&outgoing);
    use_effect_with(key, move |_| {
        if let (Some(request), Some(bridge)) = (outgoing, bridge.borrow().as_ref()) {
            // A lost request leaves the view waiting until the next report asks again.
            bridge.send(&request);
        }
    });
}

#[component(App)]
pub fn app() -> Html {
    // Read once: why saved settings could not be used is said until the page is reloaded.
    let loaded = use_memo((), |_| storage::load_settings());
    // The first-paint copy of a small text; the newest saved text replaces it when it differs.
    let initial = use_memo((), |_| {
        storage::text::load_fast()
            .map(|record| record.text)
            .unwrap_or_default()
    });
    let state = use_reducer({
        let (settings, text) = (loaded.0.clone(), (*initial).clone());
        move || AppState::with_text(text).with_settings(settings)
    });
    let bridge: Rc<RefCell<Option<EngineBridge>>> = use_mut_ref(|| None);
    let settings_warning = use_state(|| loaded.1.clone());
    // What is in storage now: saving starts with the first change, so settings that could not
    // be read stay where they are until the reader changes something.
    let saved_settings: Rc<RefCell<Rc<Settings>>> = use_mut_ref(|| state.settings.clone());

    // Start the worker once. The page is already painted and the text area usable; the
    // dictionary loads in the worker meanwhile.
    {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        let restored = !state.text.trim().is_empty();
        use_effect_with((), move |_| {
            let events = dispatcher.clone();
            *bridge.borrow_mut() = Some(EngineBridge::spawn(move |event| {
                events.dispatch(match event {
                    EngineEvent::Ready { load_ms } => Action::EngineReady {
                        load_ms,
                        now_ms: now_ms(),
                    },
                    EngineEvent::Report {
                        id,
                        report,
                        engine_ms,
                        stages,
                        memory_bytes,
                    } => Action::Report {
                        id,
                        report,
                        engine_ms,
                        stages,
                        memory_bytes,
                        now_ms: now_ms(),
                    },
                    EngineEvent::Progress { id, progress } => Action::Progress { id, progress },
                    EngineEvent::Contexts { id, contexts } => Action::Contexts { id, contexts },
                    EngineEvent::Passage { id, passage } => Action::Passage { id, passage },
                    EngineEvent::Distribution { id, distribution } => {
                        Action::Distribution { id, distribution }
                    }
                    EngineEvent::Cloud {
                        id,
                        cloud,
                        layout_ms,
                    } => Action::Cloud {
                        id,
                        cloud,
                        layout_ms,
                    },
                    EngineEvent::Imported {
                        id, text, notes, ..
                    } => Action::Imported {
                        id,
                        text,
                        notes,
                        now_ms: now_ms(),
                    },
                    EngineEvent::Failed { problem, crashed } => Action::Failed { problem, crashed },
                })
            }));
            if restored {
                dispatcher.dispatch(Action::Analyse { now_ms: now_ms() });
            }
            move || {
                bridge.borrow_mut().take();
            }
        });
    }

    // Send what the reducer decided to send.
    {
        let outgoing = state.outgoing.clone();
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
        use_effect_with(state.in_flight, move |_| {
            if let Some(request) = outgoing {
                let sent = bridge
                    .borrow()
                    .as_ref()
                    .is_some_and(|bridge| bridge.send(&request));
                if !sent {
                    dispatcher.dispatch(Action::Failed {
                        problem: Problem::said(
                            "分析引擎暂不可用，请稍后再试",
                            "The analysis engine is not available; try again in a moment",
                            "no live worker to send the request to",
                        ),
                        crashed: true,
                    });
                }
            }
        });
    }

    // Cancel: the worker cannot be interrupted, so it is replaced.
    {
        let bridge = bridge.clone();
        use_effect_with(state.cancels, move |cancels| {
            if *cancels > 0 {
                if let Some(bridge) = bridge.borrow().as_ref() {
                    bridge.cancel();
                }
            }
        });
    }

    // Send the file to read. A copy of its bytes goes (they are transferred, so the original
    // stays for a replacement worker if this one dies first).
    {
        let (file, bridge) = (state.file.clone(), bridge.clone());
        use_effect_with(state.file_sends, move |sends| {
            let job = file.filter(|_| *sends > 0);
            if let (Some(job), Some(bridge)) = (job, bridge.borrow().as_ref()) {
                if let Some(bytes) = &job.bytes {
                    let request = Request::Import {
                        id: job.id,
                        name: job.name.clone(),
                    };
                    bridge.send_file(&request, &bytes.slice(0));
                }
            }
        });
    }

    // Send a contexts request (its own slot: it may go out beside an analysis).
    {
        let outgoing = state.outgoing_contexts.clone();
        let bridge = bridge.clone();
        let key = outgoing.as_deref().and_then(|r| match r {
            Request::Contexts { id, .. } => Some(*id),
            _ => None,
        });
        use_effect_with(key, move |_| {
            if let (Some(request), Some(bridge)) = (outgoing, bridge.borrow().as_ref()) {
                // A lost contexts request costs nothing: the reader can click again.
                bridge.send(&request);
            }
        });
    }

    // Send a cloud request (its own slot: a new layout may be asked for at any time; only the
    // newest answer is shown).
    {
        let outgoing = state.cloud.outgoing.clone();
        let bridge = bridge.clone();
        let key = outgoing.as_deref().and_then(|r| match r {
            Request::Cloud { id, .. } => Some(*id),
            _ => None,
        });
        use_effect_with(key, move |_| {
            if let (Some(request), Some(bridge)) = (outgoing, bridge.borrow().as_ref()) {
                // A lost request leaves the report's own cloud on screen.
                bridge.send(&request);
            }
        });
    }

    // Send the text view's and the distribution view's requests (each its own slot).
    use_send_view_request(&bridge, state.views.outgoing_passage.clone());
    use_send_view_request(&bridge, state.views.outgoing_distribution.clone());

    // Keep the text across reloads, and out of another tab's way.
    let saved_text = {
        let dispatcher = state.dispatcher();
        storage::use_saved_text(
            &state.text,
            &initial,
            Callback::from(move |text: String| {
                dispatcher.dispatch(Action::Replace(text));
                dispatcher.dispatch(Action::Analyse { now_ms: now_ms() });
            }),
        )
    };

    // Settings saved in another tab apply here; they are in storage already, so not saved again.
    {
        let (dispatcher, saved_settings) = (state.dispatcher(), saved_settings.clone());
        use_effect_with((), move |_| {
            let watch = storage::SettingsWatch::start(move |settings| {
                let settings = Rc::new(settings);
                *saved_settings.borrow_mut() = settings.clone();
                dispatcher.dispatch(Action::SettingsSavedElsewhere {
                    settings,
                    now_ms: now_ms(),
                });
            });
            move || drop(watch)
        });
    }

    // Keep the settings across reloads.
    {
        let settings_warning = settings_warning.clone();
        use_effect_with(state.settings.clone(), move |settings| {
            if *saved_settings.borrow() != *settings {
                *saved_settings.borrow_mut() = settings.clone();
                let warning = storage::save_settings(settings).err();
                if *settings_warning != warning {
                    settings_warning.set(warning);
                }
            }
        });
    }

    // The same callbacks across renders (the dispatcher never changes), so that typing, which
    // re-renders the page, does not re-render the report's views: their props stay equal.
    let on_settings = use_callback(state.dispatcher(), |edit: SettingsEdit, dispatcher| {
        dispatcher.dispatch(Action::EditSettings {
            edit,
            now_ms: now_ms(),
        })
    });
    let on_edit = use_callback(state.dispatcher(), |text: String, dispatcher| {
        dispatcher.dispatch(Action::Edit(text))
    });
    let on_analyse = use_callback(state.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(Action::Analyse { now_ms: now_ms() })
    });
    let on_file = use_callback(state.dispatcher(), |file, dispatcher| {
        dispatcher.dispatch(Action::OpenFile(file))
    });
    let on_cancel = use_callback(state.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(Action::Cancel)
    });
    let on_undo_import = use_callback(state.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(Action::UndoImport { now_ms: now_ms() })
    });
    let on_dismiss_import = use_callback(state.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(Action::DismissImportNotice)
    });
    let on_pick = use_callback(state.dispatcher(), |term: Option<String>, dispatcher| {
        dispatcher.dispatch(Action::ShowContexts(term))
    });
    let on_cloud = use_callback(state.dispatcher(), |edit: CloudEdit, dispatcher| {
        dispatcher.dispatch(Action::EditCloud(edit))
    });
    let cloud_context = CloudContext {
        cloud: state.cloud.cloud.clone(),
        layout_ms: state.cloud.layout_ms,
        settings: Rc::new(state.settings.cloud.clone()),
        has_mask: state.cloud.mask.is_some(),
        on_edit: on_cloud,
        on_width: use_callback(state.dispatcher(), |width: u32, dispatcher| {
            dispatcher.dispatch(Action::CloudPanelWidth(width))
        }),
    };
    let actions = ReaderActions {
        pick: on_pick.clone(),
        settings: on_settings.clone(),
        view: use_callback(state.dispatcher(), |view: View, dispatcher| {
            dispatcher.dispatch(Action::ShowView(view))
        }),
        show_in_text: use_callback(
            state.dispatcher(),
            |(at, mark): (usize, Option<TextMark>), dispatcher| {
                dispatcher.dispatch(Action::ShowInText { at, mark })
            },
        ),
        distribution_terms: use_callback(state.dispatcher(), |terms: Vec<String>, dispatcher| {
            dispatcher.dispatch(Action::SetDistributionTerms(terms))
        }),
    };
    let distribution_terms: Rc<[String]> = state.distribution_terms().into();
    let lang = state.settings.display.lang;
    let report = match (&state.report, state.empty || state.text.trim().is_empty()) {
        (Some(report), false) => {
            let reader = Reader {
                report: report.clone(),
                settings: state.settings.clone(),
                lang,
                contexts_term: state.contexts_term.clone(),
                contexts: state.contexts.clone(),
                passage: state.views.passage.clone(),
                passage_at: state.views.passage_at,
                mark: state.views.mark.clone(),
                distribution_terms,
                distribution: state.views.distribution.clone(),
                on: actions,
            };
            html! {
                <ContextProvider<CloudContext> context={cloud_context}>
                    <ReportView {reader} view={state.views.view} />
                </ContextProvider<CloudContext>>
            }
        }
        _ => html! { <EmptyState /> },
    };

    // Tell static/register_sw.js that the engine is loaded: the service worker's precaching
    // waits for it rather than competing with the engine's own download.
    use_effect_with(state.engine_ready, |ready| {
        if let (true, Some(window)) = (*ready, web_sys::window()) {
            if let Ok(event) = web_sys::Event::new("wenxi-engine-ready") {
                let _ = window.dispatch_event(&event);
            }
        }
    });

    // The page's language and theme are the document's, so that the browser, screen readers
    // and the CSS all see them.
    {
        let theme = state.settings.display.theme;
        use_effect_with((lang, theme), |(lang, theme)| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", lang.tag());
                    let _ = root.set_attribute("data-theme", theme.as_str());
                }
                document
                    .set_title(lang.tr("文析 · 中文文章分析", "wenxi · Chinese article analyser"));
            }
        });
    }
    // The view is in the address (#keywords), so a reload or a shared link opens it again.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let hash = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default();
            if let Some(view) = View::from_name(hash.trim_start_matches('#')) {
                dispatcher.dispatch(Action::ShowView(view));
            }
        });
    }
    use_effect_with(state.views.view, |view| {
        let hash = format!("#{}", view.as_str());
        let Some(window) = web_sys::window() else {
            return;
        };
        if window.location().hash().ok().as_deref() != Some(hash.as_str()) {
            if let Ok(history) = window.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
            }
        }
    });

    html! {
        <ContextProvider<Lang> context={lang}>
        <div class="page">
            <header class="masthead">
                <h1>{ "文析" }<span class="latin">{ "wenxi" }</span></h1>
                <p class="tagline">{ lang.tr(
                    "中文文章分析：分词、关键词、实体、词云。全部在你的浏览器里完成，文字不会离开这台电脑。",
                    "Chinese article analysis: words, keywords, entities, a keyword cloud. All of it in your browser; the text never leaves this computer.",
                ) }</p>
                <LanguageSwitch {lang} on_edit={on_settings.clone()} />
                <UpdateNotice />
            </header>
            <main class="layout">
                <section class="editor-pane" aria-label={lang.tr("文本", "Text")}>
                    <Editor text={state.text.clone()} text_version={state.text_version}
                            {on_edit} {on_analyse} {on_file} />
                    if let Some(notice) = state.import_notice.clone() {
                        <ImportNoticeView {notice} on_undo={on_undo_import}
                                          on_dismiss={on_dismiss_import} />
                    }
                    <StatusBadge status={state.status()} error={state.error.clone()}
                                 timings={state.timings} progress={state.progress} {on_cancel} />
                    if let Some(warning) = saved_text.said_warning.clone() {
                        <p class="notice" role="status">{ warning.get(lang).to_string() }</p>
                    }
                    if saved_text.conflict {
                        <TabConflict on_load={saved_text.load_theirs.clone()}
                                     on_keep={saved_text.keep_mine.clone()} />
                    }
                    if let Some(orphan) = saved_text.orphan {
                        <OrphanText chars={orphan.chars} saved_at={orphan.saved_at}
                                    on_load={saved_text.load_orphan.clone()}
                                    on_discard={saved_text.discard_orphan.clone()} />
                    }
                </section>
                <section class="report-pane" aria-label={lang.tr("分析结果", "Analysis")}>
                    <SettingsPanel settings={state.settings.clone()} on_edit={on_settings}
                                   notice={(*settings_warning).clone()} />
                    { report }
                </section>
            </main>
        </div>
        </ContextProvider<Lang>>
    }
}
