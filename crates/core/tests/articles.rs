//! Several articles in one paste, through `Analyzer::analyse`: pages written for these tests.

mod common;

use common::analyzer;
use wenxi_core::{Article, Options, Report};

/// A news page: three items, each with a headline and a dateline or byline.
const NEWS_PAGE: &str = "\
湘江上新添一座跨江大桥
株洲日报·掌上株洲讯(记者/李逸峰 通讯员/王芳)6月16日上午，株洲清水塘大桥正式通车。大桥全长1200米，双向六车道，主桥为双塔斜拉结构。
大桥通车后，河西到河东的车程由40分钟缩短为10分钟。施工单位介绍，大桥建设历时三年，攻克了深水基础施工等难题。
市民王建国说：“以前过江要绕很远，现在有了大桥，上下班方便多了。”
责任编辑：周敏

全省春季茶叶收购价格上涨
本报讯（记者 张三）今年春茶上市以来，全省茶叶收购价格比去年同期上涨一成以上。安化、桃源等产茶县的茶农普遍增收。
省农业农村厅介绍，今年春季气温适宜，茶叶品质较好，名优茶产量增加。黑茶、红茶的订单已经排到了秋季。
茶农李秀兰说，她家的茶园今年每亩多收了两千元，准备再扩种五亩茶叶。

国家图书馆启动古籍数字化工程
新华社北京6月16日电 国家图书馆16日宣布启动新一轮古籍数字化工程，计划用五年时间完成十万部古籍的影像采集和文字识别。
这项工程将建设统一的古籍数字资源库，读者可以在线免费阅读古籍全文。国家图书馆馆长表示，数字化让珍贵古籍走出书库。
专家认为，古籍数字化既保护了原件，又方便了研究者，是传承文化的重要途径。
";

/// Three items with headlines and blank lines, no datelines.
const HEADLINES_ONLY: &str = "\
社区食堂让老人吃上热饭

城南街道的社区食堂开业一个月，每天为三百多位老人提供午餐。食堂的菜价比市场低三成，老人刷卡就能用餐。
七十八岁的赵奶奶说，子女上班忙，以前中午常常凑合，现在每天都来食堂吃饭，菜品还经常换样。

青少年足球联赛在体育中心开幕

全市青少年足球联赛昨天在体育中心开幕，六十支球队的一千多名小球员参加比赛。联赛分为小学组和初中组，赛期三个月。
教练们说，联赛给孩子们提供了更多上场比赛的机会，也让学校更加重视足球训练。

老城区雨污分流改造完工

老城区雨污分流改造工程日前完工，新铺设管网四十公里。改造后，雨水和污水分开排放，暴雨时街道积水的问题得到解决。
施工期间，工程队采取分段封闭的办法，尽量减少对居民出行的影响。
";

/// An essay on one subject with numbered section headings: one article.
const NUMBERED_ESSAY: &str = "\
关于加强社区垃圾分类工作的几点思考

垃圾分类是城市治理的一件大事，关系到居民生活环境，也关系到资源的节约利用。近年来，我市社区垃圾分类工作取得了一定成效，但也存在一些问题。

一、垃圾分类工作的现状
目前，全市已有三百个社区开展垃圾分类，居民分类投放的比例逐年提高。社区设置了分类垃圾桶，志愿者在投放点引导居民分类。

二、垃圾分类工作存在的问题
一些居民对垃圾分类的认识不够，分类投放不准确。部分社区的分类垃圾桶数量不足，分类收运环节也有混装混运的情况。

三、做好垃圾分类工作的建议
要加强宣传，让居民了解垃圾分类的意义和方法。要完善社区分类设施，做到分类投放、分类收运、分类处理。要建立激励机制，鼓励居民长期坚持垃圾分类。
";

/// An essay on one subject with short unnumbered headings and blank lines: it looks like a
/// page of headlines, but its sections share their words, so it stays one article.
const PLAIN_ESSAY: &str = "\
家乡的老茶园

我的家乡在山里，家家户户都有茶园。春天一到，茶树发出新芽，整个山坡都是绿的。奶奶说，茶园是我们家最宝贵的东西。

采茶

清明前后是采茶的时候。天刚亮，奶奶就背着茶篓上山，我跟在她后面。奶奶采茶又快又好，只采茶树顶上的嫩芽，一天能采好几斤茶叶。

炒茶

采回来的茶叶要马上炒。奶奶把茶叶倒进大铁锅，用手不停地翻炒。炒好的茶叶卷成细条，满屋子都是茶香。奶奶说，炒茶靠的是手上的功夫。

喝茶

家里来了客人，奶奶总要泡一壶自家的新茶。茶叶在杯子里慢慢舒展，茶水清亮。客人喝了都说家乡的茶好，奶奶听了就笑。
";

/// One article: a headline, a dateline and its paragraphs.
const SINGLE: &str = "\
国家图书馆启动古籍数字化工程
新华社北京6月16日电 国家图书馆16日宣布启动新一轮古籍数字化工程，计划用五年时间完成十万部古籍的影像采集和文字识别。
这项工程将建设统一的古籍数字资源库，读者可以在线免费阅读古籍全文。
专家认为，古籍数字化既保护了原件，又方便了研究者。
";

fn analyse(text: &str) -> Report {
    analyzer().analyse(text, &Options::default())
}

/// The headlines as written: the lines without a full stop (every other line of these pages
/// has one), the editor's line aside.
fn headlines(page: &str) -> Vec<&str> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains('。') && !l.starts_with("责任编辑"))
        .collect()
}

fn char_offset(text: &str, needle: &str) -> Option<usize> {
    text.find(needle).map(|b| text[..b].chars().count())
}

fn slice(text: &str, a: &Article) -> String {
    text.chars().skip(a.start).take(a.end - a.start).collect()
}

/// The page's items, detected where they start, titled by their headlines.
fn assert_split_at_headlines(page: &str) {
    let report = analyse(page);
    let titles: Vec<&str> = report.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, headlines(page));
    for a in &report.articles {
        assert_eq!(char_offset(page, &a.title), Some(a.start), "{}", a.title);
    }
    for pair in report.articles.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
}

#[test]
fn a_news_page_splits_at_its_headlines() {
    assert_eq!(headlines(NEWS_PAGE).len(), 3);
    assert_split_at_headlines(NEWS_PAGE);
}

#[test]
fn headlines_and_blank_lines_split_without_datelines() {
    assert_eq!(headlines(HEADLINES_ONLY).len(), 3);
    assert_split_at_headlines(HEADLINES_ONLY);
}

#[test]
fn essays_with_section_headings_stay_one_article() {
    for essay in [NUMBERED_ESSAY, PLAIN_ESSAY] {
        let report = analyse(essay);
        let titles: Vec<&str> = report.articles.iter().map(|a| a.title.as_str()).collect();
        assert!(titles.is_empty(), "{titles:?}");
    }
}

#[test]
fn a_single_article_has_no_article_list() {
    assert!(analyse(SINGLE).articles.is_empty());
    assert!(analyse("").articles.is_empty());
    assert!(analyse("只有一行标题").articles.is_empty());
}

#[test]
fn windows_line_endings_split_the_same() {
    let unix = analyse(NEWS_PAGE);
    let windows_text = NEWS_PAGE.replace('\n', "\r\n");
    let windows = analyse(&windows_text);
    assert_eq!(unix.articles.len(), windows.articles.len());
    for (u, w) in unix.articles.iter().zip(&windows.articles) {
        assert_eq!(u.title, w.title);
        assert_eq!(u.stats.characters, w.stats.characters);
        let text = slice(&windows_text, w);
        assert!(!text.ends_with(['\r', '\n']), "{text:?}");
    }
}

#[test]
fn a_headline_with_no_body_opens_no_article() {
    let page = format!("{HEADLINES_ONLY}\n明日预告：城市书房开放时间调整\n");
    let report = analyse(&page);
    assert_eq!(report.articles.len(), headlines(HEADLINES_ONLY).len());
    let last = report.articles.last().map(|a| slice(&page, a));
    assert!(last.is_some_and(|t| t.ends_with("开放时间调整")));
    let single = format!("{SINGLE}\n相关新闻\n");
    assert!(analyse(&single).articles.is_empty());
}

#[test]
fn each_article_has_its_own_statistics_keywords_and_entities() {
    let report = analyse(NEWS_PAGE);
    let mut characters = 0;
    for a in &report.articles {
        let text = slice(NEWS_PAGE, a);
        assert_eq!(
            a.stats.characters,
            text.chars().filter(|c| !c.is_whitespace()).count()
        );
        assert!(a.stats.sentences >= 3 && a.stats.words > 0);
        characters += a.stats.characters;
        assert!(!a.keywords.is_empty() && a.keywords.len() <= 10);
        for k in &a.keywords {
            assert!(text.contains(&k.term), "{} not in {}", k.term, a.title);
        }
        // Each listed entity: first seen inside the article, counted as often as the report's
        // own spans of it fall inside the article.
        let inside = |e: &wenxi_core::Entity| {
            e.spans
                .iter()
                .filter(|s| a.start <= s[0] && s[1] <= a.end)
                .count()
        };
        for x in &a.entities {
            assert!(
                a.start <= x.first && x.first < a.end,
                "{} outside {}",
                x.text,
                a.title
            );
            let whole = report
                .entities
                .iter()
                .find(|e| e.text == x.text && e.kind == x.kind)
                .map(inside);
            assert_eq!(whole, Some(x.count), "{} in {}", x.text, a.title);
        }
        // Every entity the report found inside the article is listed, unless its type already
        // lists the most an article shows.
        for e in report.entities.iter().filter(|e| inside(e) > 0) {
            let of_type = a.entities.iter().filter(|x| x.kind == e.kind).count();
            assert!(
                of_type >= wenxi_core::articles::ENTITIES_PER_TYPE
                    || a.entities
                        .iter()
                        .any(|x| x.text == e.text && x.kind == e.kind),
                "{} missing from {}",
                e.text,
                a.title
            );
        }
    }
    assert!(characters <= report.stats.characters);
    // The bridge is what the first item is about, tea the second, old books the third.
    let top: Vec<&str> = report
        .articles
        .iter()
        .map(|a| a.keywords.first().map_or("", |k| k.term.as_str()))
        .collect();
    for (term, a) in ["大桥", "茶叶", "古籍"].iter().zip(&report.articles) {
        assert!(
            a.keywords.iter().take(3).any(|k| k.term == *term),
            "{term} in {:?} ({top:?})",
            a.keywords
        );
    }
}

#[test]
fn key_terms_are_what_sets_an_article_apart() {
    let report = analyse(NEWS_PAGE);
    let total_words = report.stats.words as f64;
    for (term, a) in ["大桥", "茶叶", "古籍"].iter().zip(&report.articles) {
        let k = a.key_terms.iter().find(|k| k.term == *term);
        assert!(
            k.is_some_and(|k| k.rest_count == 0),
            "{term}: {:?}",
            a.key_terms
        );
        for k in &a.key_terms {
            // Recomputed from the counts the report gives: article vs the rest of the page.
            let (x, y) = (k.count as f64, k.rest_count as f64);
            let c = a.stats.words as f64;
            let d = total_words - c;
            let e1 = c * (x + y) / (c + d);
            let e2 = d * (x + y) / (c + d);
            let g2 = 2.0 * (x * (x / e1).ln() + if y > 0.0 { y * (y / e2).ln() } else { 0.0 });
            assert!(
                (k.log_likelihood - g2).abs() < 1e-6,
                "{}: {} vs {g2}",
                k.term,
                k.log_likelihood
            );
            assert!(k.log_likelihood >= 3.84 && x / c > y / d, "{k:?}");
            assert!(slice(NEWS_PAGE, a).contains(&k.term));
        }
        for pair in a.key_terms.windows(2) {
            assert!(pair[0].log_likelihood >= pair[1].log_likelihood);
        }
    }
}
