//! Which CJK fonts this system has, so the font choice lists only fonts that will draw.
//!
//! `document.fonts.check()` answers true for any local family name it cannot load, so each
//! candidate is measured instead: a sample of Chinese and Latin text drawn in the candidate,
//! falling back to a generic family, differs in width from the generic family alone only when
//! the candidate exists.

use wasm_bindgen::JsValue;
use web_sys::OffscreenCanvas;

/// The families offered when present: (CSS family, Chinese label). The English page lists
/// the family names themselves, which is how English systems name these fonts.
pub const CANDIDATES: [(&str, &str); 14] = [
    ("Noto Sans CJK SC", "思源黑体（Noto Sans CJK SC）"),
    ("Noto Serif CJK SC", "思源宋体（Noto Serif CJK SC）"),
    ("Source Han Sans SC", "思源黑体（Source Han Sans SC）"),
    ("Source Han Serif SC", "思源宋体（Source Han Serif SC）"),
    ("PingFang SC", "苹方"),
    ("Hiragino Sans GB", "冬青黑体"),
    ("Microsoft YaHei", "微软雅黑"),
    ("SimHei", "黑体"),
    ("SimSun", "宋体"),
    ("KaiTi", "楷体"),
    ("FangSong", "仿宋"),
    ("WenQuanYi Micro Hei", "文泉驿微米黑"),
    ("WenQuanYi Zen Hei", "文泉驿正黑"),
    ("AR PL UKai CN", "文鼎楷书"),
];

const SAMPLE: &str = "文析关键词云永和九年岁在癸丑 wenxi Aa";

/// The candidates found on this system, in the list's order.
pub fn installed() -> Vec<(&'static str, &'static str)> {
    probe().unwrap_or_default()
}

fn probe() -> Result<Vec<(&'static str, &'static str)>, JsValue> {
    let canvas = OffscreenCanvas::new(8, 8)?;
    let ctx = crate::cloud_glyphs::context(&canvas)?;
    let width = |font: &str| -> Result<f64, JsValue> {
        ctx.set_font(font);
        Ok(ctx.measure_text(SAMPLE)?.width())
    };
    let generics = ["monospace", "serif", "sans-serif"];
    let base: Vec<f64> = generics
        .iter()
        .map(|g| width(&format!("32px {g}")))
        .collect::<Result<_, _>>()?;
    let mut found = Vec::new();
    for (family, label) in CANDIDATES {
        let mut present = false;
        for (generic, base) in generics.iter().zip(&base) {
            if (width(&format!("32px \"{family}\", {generic}"))? - base).abs() > 0.5 {
                present = true;
                break;
            }
        }
        if present {
            found.push((family, label));
        }
    }
    Ok(found)
}
