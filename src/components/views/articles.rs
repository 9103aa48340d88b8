//! Articles: when a paste holds several, a comparison across them, then each with its own
//! keywords, the terms that set it apart and its entities; with one, how several are recognised.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wenxi_core::Article;
use yew::prelude::*;

use super::use_reader;
use crate::components::articles::{article_id, key_terms_explained};
use crate::components::entities::Same;
use crate::components::ArticleList;
use crate::i18n::{use_lang, Lang};

/// Keywords named per article in the comparison.
const SUMMARY_KEYWORDS: usize = 3;
/// Articles the view shows when it opens, and how many more each "show more" adds. Drawing an
/// article (its row and its card) costs the page a few ms: the 1,690 articles of a 5 MB paste,
/// drawn at once, held the page for 4.4 s in one task.
const ARTICLES_PAGE: usize = 50;
/// Articles drawn per task on the way to what the reader asked for, so that no task runs long
/// and the page answers clicks and scrolling while the rest arrives.
const ARTICLES_STEP: usize = 15;

#[derive(Properties, PartialEq)]
struct ArticlesSummaryProps {
    articles: Rc<[Article]>,
    /// How many of them have a row (the first).
    shown: usize,
}

/// One row per article: its size, leading keywords and the term that most sets it apart.
#[component(ArticlesSummary)]
fn articles_summary(props: &ArticlesSummaryProps) -> Html {
    let lang = use_lang();
    let row = |(i, a): (usize, &Article)| {
        let keywords = a
            .keywords
            .iter()
            .take(SUMMARY_KEYWORDS)
            .map(|k| k.term.as_str())
            .collect::<Vec<_>>()
            .join(lang.tr("、", ", "));
        let top = a.key_terms.first();
        html! {
            <tr data-testid="articles-summary-row" data-index={i.to_string()}>
                <th scope="row">
                    <a href={format!("#{}", article_id(i))}>
                        <span class="index">{ format!("{}.", i + 1) }</span>{ a.title.clone() }
                    </a>
                </th>
                <td class="num" data-chars={a.stats.characters.to_string()}>{ a.stats.characters }</td>
                <td class="num">{ a.stats.sentences }</td>
                <td class="keywords">{ keywords }</td>
                <td class="key-term" data-testid="articles-summary-key-term" data-term={top.map(|t| t.term.clone())}>
                    if let Some(t) = top {
                        { t.term.clone() }
                        <span class="muted">{ format!(" G² {:.1}", t.log_likelihood) }</span>
                    } else {
                        <span class="muted">{ "—" }</span>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="table-wrap" tabindex="0" role="region"
             aria-label={lang.tr("各篇对比（可横向滚动）", "The articles compared (scrolls sideways)")}>
            <table class="articles-summary" data-testid="articles-summary">
                <caption>{ match lang {
                    Lang::Zh => format!("这段文字含 {} 篇文章", props.articles.len()),
                    Lang::En => format!("This text holds {} articles", props.articles.len()),
                } }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ lang.tr("标题", "Title") }</th>
                        <th scope="col" class="num">{ lang.tr("字数", "Characters") }</th>
                        <th scope="col" class="num">{ lang.tr("句数", "Sentences") }</th>
                        <th scope="col">{ lang.tr("关键词", "Keywords") }</th>
                        <th scope="col">{ lang.tr("最突出的词", "Most distinctive term") }</th>
                    </tr>
                </thead>
                <tbody>{ for props.articles.iter().take(props.shown).enumerate().map(row) }</tbody>
            </table>
        </div>
    }
}

/// Said when the text reads as one article: how several would have been recognised
/// (`wenxi_core::articles::split`).
fn one_article(lang: Lang) -> Html {
    html! {
        <div class="articles-none" data-testid="articles-none">
            <p>{ lang.tr(
                "这段文字读作一篇文章，所以没有分篇比较。",
                "This text reads as a single article, so there is nothing to compare.",
            ) }</p>
            <p class="muted">{ lang.tr(
                "一篇新文章从一行标题开始（较短、句末没有标点），还要有佐证：电头或署名（如“本报讯”“新华社……电”“记者 某某”），前面有分隔线或上一篇的结束语（“来源：”“责任编辑：”），或者空行之后是至少六个字的标题、且前后用词明显不同。带编号的小标题（“一、”“（二）”）算同一篇的章节。",
                "A new article starts at a headline (a short line without closing punctuation) that \
                 something confirms: a dateline or byline (本报讯, 新华社…电, 记者 …), a separator \
                 or the previous article's closing line (来源:, 责任编辑:) just before it, or a blank \
                 line before a headline of six characters or more with a change of vocabulary across \
                 it. Numbered headings (一、, （二）) are sections of one text.",
            ) }</p>
        </div>
    }
}

#[component(ArticlesView)]
pub fn articles_view() -> Html {
    let reader = use_reader();
    let report = reader.as_ref().map(|r| r.report.clone());
    let articles = use_memo(report.map(Same), |r| {
        r.as_ref()
            .map(|r| Rc::<[Article]>::from(r.0.articles.clone()))
    });
    let (Some(reader), Some(articles)) = (reader, (*articles).clone()) else {
        return Html::default();
    };
    let lang = reader.lang;
    if articles.len() < 2 {
        return html! { <section class="card articles-view">{ one_article(lang) }</section> };
    }
    // A new report starts the paging afresh.
    let key = Rc::as_ptr(&articles) as *const () as usize;
    html! {
        <ArticlesPaged {key} {articles} on_pick={reader.on.pick.clone()}
                       on_show_in_text={reader.on.show_in_text.clone()} />
    }
}

#[derive(Properties, PartialEq)]
struct ArticlesPagedProps {
    articles: Rc<[Article]>,
    on_pick: Callback<Option<String>>,
    on_show_in_text: Callback<(usize, Option<crate::state::views::TextMark>)>,
}

/// How many articles to draw next, from `drawn` towards `wanted`.
fn next_step(drawn: usize, wanted: usize) -> usize {
    (drawn + ARTICLES_STEP).min(wanted).max(drawn)
}

/// The comparison and the cards of the first articles, more on request, drawn a few per task.
#[component(ArticlesPaged)]
fn articles_paged(props: &ArticlesPagedProps) -> Html {
    let lang = use_lang();
    let total = props.articles.len();
    // What the reader asked to see, and what is drawn so far (it catches up step by step).
    let wanted = use_state(|| ARTICLES_PAGE.min(total));
    let drawn = use_state(|| ARTICLES_STEP.min(total));
    {
        let drawn = drawn.clone();
        use_effect_with((*drawn, *wanted), move |&(now, want)| {
            let timer =
                (now < want).then(|| Timeout::new(0, move || drawn.set(next_step(now, want))));
            move || drop(timer)
        });
    }
    let more = {
        let wanted = wanted.clone();
        Callback::from(move |_: MouseEvent| wanted.set((*wanted + ARTICLES_PAGE).min(total)))
    };
    let all = {
        let wanted = wanted.clone();
        Callback::from(move |_: MouseEvent| wanted.set(total))
    };
    // Never past what was asked, nor what there is: drawn ≤ wanted ≤ total.
    let shown = *drawn;
    let pager = (shown < total).then(|| {
        let rest = total - *wanted;
        html! {
            <div class="articles-pager">
                <p class="muted" data-testid="articles-shown" data-shown={shown.to_string()}
                   data-total={total.to_string()} aria-live="polite">{ match lang {
                    Lang::Zh => format!("已显示前 {shown} 篇，共 {total} 篇。"),
                    Lang::En => format!("Showing the first {shown} of {total} articles."),
                } }</p>
                if rest > 0 {
                    <button type="button" class="quiet" data-testid="articles-more" onclick={more}>
                        { match lang {
                            Lang::Zh => format!("再显示 {} 篇", ARTICLES_PAGE.min(rest)),
                            Lang::En => format!("Show {} more", ARTICLES_PAGE.min(rest)),
                        } }
                    </button>
                    <button type="button" class="quiet" data-testid="articles-show-all" onclick={all}>
                        { match lang {
                            Lang::Zh => format!("全部显示（{total} 篇）"),
                            Lang::En => format!("Show all {total}"),
                        } }
                    </button>
                }
            </div>
        }
    });
    html! {
        <div class="articles-view">
            <section class="card">
                <ArticlesSummary articles={props.articles.clone()} {shown} />
                <p class="muted explain" data-testid="key-terms-explained">{ key_terms_explained(lang) }</p>
            </section>
            <section class="card">
                <ArticleList articles={props.articles.clone()} {shown} on_pick={props.on_pick.clone()}
                             on_show_in_text={Some(props.on_show_in_text.clone())} />
                { for pager }
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each step draws a few more, never past what was asked, never fewer than drawn.
    #[test]
    fn steps_catch_up_with_what_was_asked() {
        let mut drawn = ARTICLES_STEP;
        let mut steps = 0;
        while drawn < ARTICLES_PAGE {
            let next = next_step(drawn, ARTICLES_PAGE);
            assert!(next > drawn && next - drawn <= ARTICLES_STEP && next <= ARTICLES_PAGE);
            drawn = next;
            steps += 1;
        }
        assert_eq!(drawn, ARTICLES_PAGE);
        assert!(steps <= ARTICLES_PAGE / ARTICLES_STEP + 1);
        assert_eq!(next_step(80, 60), 80, "asking for fewer draws nothing away");
    }
}
