//! Clouds in the worker's host: laid out from the last analysis, in the font asked for.

use std::cell::Cell;
use std::rc::Rc;

use super::*;
use wenxi_core::Options;

/// Glyphs that record the font they were asked for and count their use.
struct Recording {
    font: String,
    used: Rc<Cell<usize>>,
}

impl GlyphSource for Recording {
    fn glyph(&self, term: &str, px: f64, style: cloud::WordStyle) -> cloud::Glyph {
        assert_eq!(self.font, "Noto Serif CJK SC");
        self.used.set(self.used.get() + 1);
        EstimatedGlyphs.glyph(term, px, style)
    }
}

/// Clouds come from the last analysis's keywords, ranked deeper than the report lists, with
/// glyphs from the source the host was given for the font asked for.
#[test]
fn clouds_are_laid_out_from_the_last_analysis_in_the_font_asked_for() {
    let mut host = EngineHost::load();
    let used = Rc::new(Cell::new(0));
    let counter = used.clone();
    host.set_glyphs(move |font| {
        Rc::new(Recording {
            font: font.to_string(),
            used: counter.clone(),
        })
    });
    // Made up for this test: ninety different things, each mentioned a different number
    // of times, so there are more keywords than the report lists.
    let things = "图书馆 博物馆 码头 渔民 港口 灯塔 稻田 茶园 果园 牧场 森林 湿地 沙漠 草原             冰川 瀑布 峡谷 温泉 火山 岛屿 海湾 河流 湖泊 水库 运河 桥梁 隧道 铁路 公路 机场 车站             地铁 公交 码表 钟楼 城墙 寺庙 教堂 宫殿 园林 书院 学堂 医院 药店 银行 邮局 商场             菜市场 超市 饭店 茶馆 酒吧 剧院 影院 画廊 琴行 书店 报社 电台 电视台 出版社 工厂             矿山 油田 电站 风车 水车 粮仓 仓库 船坞 渡口 驿站 客栈 庄园 村落 小镇 城市 省会             边疆 海关 口岸 集市 庙会 灯会 龙舟 风筝 剪纸 刺绣 陶瓷";
    let words: Vec<&str> = things.split_whitespace().collect();
    let mut text = String::new();
    for (i, w) in words.iter().enumerate() {
        for _ in 0..(1 + (words.len() - i) / 15) {
            text.push_str(&format!("我们参观了{w}，{w}给人留下深刻印象。\n"));
        }
    }
    let request = Request::Analyse {
        id: 1,
        text,
        options: Options::default(),
    };
    let Response::Report(Reported { report, .. }) =
        host.handle(&request.to_json(), || 0.0, &|_| {})
    else {
        panic!("expected a report");
    };
    let listed = Options::default().top_k;
    assert!(report.keywords.len() <= listed, "{}", report.keywords.len());
    assert_eq!(
        report.keywords.len(),
        listed,
        "the text has more keywords than listed"
    );
    let request = Request::Cloud {
        ranking: Default::default(),
        id: 5,
        options: cloud::CloudOptions {
            max_words: 200,
            ..Default::default()
        },
        font: "Noto Serif CJK SC".into(),
        mask: None,
    };
    let clock = Cell::new(0.0);
    let now = || {
        clock.set(clock.get() + 3.0);
        clock.get()
    };
    let Response::Cloud {
        id,
        cloud,
        layout_ms,
    } = host.handle(&request.to_json(), now, &|_| {})
    else {
        panic!("expected a cloud");
    };
    assert_eq!(id, 5);
    assert_eq!(layout_ms, 3.0, "timed by the clock lent");
    assert!(
        used.get() >= cloud.words.len(),
        "glyphs from the source given"
    );
    assert!(cloud.words.len() > listed, "{} words", cloud.words.len());
    let terms: Vec<&str> = cloud.words.iter().map(|w| w.term.as_str()).collect();
    for k in &report.keywords {
        assert!(terms.contains(&k.term.as_str()), "{} missing", k.term);
    }
    // A JSON round trip of the answer, as the page reads it.
    let json = Response::Cloud {
        id,
        cloud: cloud.clone(),
        layout_ms,
    }
    .to_json();
    assert!(
        matches!(Response::from_json(&json), Ok(Response::Cloud { cloud: c, .. }) if c == cloud)
    );
}
