//! The texts the worker analyses after saying `ready`, so that a reader's first long text runs
//! in optimised code.
//!
//! The browser runs wasm first from a quickly compiled baseline and optimises a function once
//! it has done enough work; a call already running stays in the baseline code. A stage that
//! walks a whole text in one call (normalising, the articles' lines, keyness) therefore ran a
//! reader's first megabyte entirely in baseline code. Measured in Chromium (the engine's own
//! time, a 1 MB news paste analysed after a 20 KB one): 286–295 ms with the one short warm-up
//! analysis this replaces, 218–223 ms for the same text again, 241 ms with the baseline
//! compiler turned off; after these slices 237–250 ms, and the 20 KB one 17–20 ms instead of
//! 55–57 ms.
//!
//! The work is cut into slices, each one analysis in a task of its own, growing from 1 KB to
//! 8 KB: a reader's request that arrives meanwhile waits for one slice at most (the first
//! slices, which run in baseline code, are the short ones), and the worker pauses the warm-up
//! while the reader is at work (`bin/worker.rs`).

/// Made-up news items, each with a headline and a dateline (so that the articles stage finds
/// one article per item), names, places, organisations, times, quantities, a title of a work,
/// quotations, Latin letters and digits: every stage and every kind of entity has work.
const ITEMS: [&str; 4] = [
    "青溪古镇老街完成保护修缮\n\
本报讯（记者周明远）{d}日上午，浙江省青溪县文化和旅游局宣布，青溪古镇老街保护修缮工程全面完工。\
工程历时{n}个月，总投资{m}万元，修复明清建筑{k}处。县文旅局局长陈海燕介绍，修缮依照《古镇传统建筑修缮技术规程》，坚持“修旧如旧”，\
老街两侧的石板路和木结构店铺都保留了原有风貌。中国美术学院建筑系教授林晓岚参与了方案论证，\
她认为老街的价值在于“人还住在里面”。今年国庆假期，古镇共接待游客{t}万人次，同比增长{p}%。\n",
    "新一代智能电网示范项目在江苏投运\n\
新华社南京{d}日电 国家电网江苏省电力有限公司{d}日宣布，苏州工业园区智能电网示范项目正式投运。\
项目覆盖{k}个变电站，接入光伏和储能装置{n}套，年输送清洁电量约{m}亿千瓦时。公司副总经理王志刚说，\
依靠AI负荷预测和5G通信，故障隔离时间由{p}分钟缩短到{k}秒以内。东南大学电气工程学院院长李文博表示，\
这一模式符合《电力可靠性管理办法》的要求，可以推广到长三角其他城市。\n",
    "《长江边的小城》新书首发\n\
本报讯（记者孙丽娜）作家赵一鸣的长篇小说《长江边的小城》{d}日在武汉首发。小说以湖北省宜昌市为背景，\
讲述了三代人{n}年间的故事，全书共{m}万字。长江文艺出版社社长刘建国说，首印{k}万册已经全部发往全国书店。\
武汉大学文学院教授张晓梅评价这部作品“写出了普通人的坚韧”。首发式上，读者排队签名的队伍长达{p}米。\n",
    "北京今年将新增公共充电桩\n\
本报北京{d}日电（记者马骏）北京市发展和改革委员会{d}日发布消息，今年全市将新建公共充电桩{m}个，\
其中快充桩占比不低于{p}%。截至上月底，北京累计建成充电桩{t}万个，车桩比约为{k}比1。\
市发改委副主任杨帆表示，将按照《北京市充电设施建设规划》，优先在老旧小区、医院和交通枢纽周边布点，并推动“光储充”一体化站建设。\
业内人士认为，充电网络的完善将进一步带动新能源汽车消费，预计全年销量增长{n}%左右。\n",
];

/// The first slices, in bytes of UTF-8: short, as they run in baseline code.
const FIRST_SLICES: [usize; 3] = [1_024, 2_048, 4_096];
/// Every later slice, and how many there are: about 200 KB in all.
const SLICE_BYTES: usize = 8_192;
const LATER_SLICES: usize = 24;

/// How many slices there are.
pub fn slices() -> usize {
    FIRST_SLICES.len() + LATER_SLICES
}

fn slice_bytes(slice: usize) -> Option<usize> {
    match FIRST_SLICES.get(slice) {
        Some(&bytes) => Some(bytes),
        None => (slice < slices()).then_some(SLICE_BYTES),
    }
}

/// The text of slice `slice` (empty past the last): the items in turn, rotated by the slice,
/// each with its numbers made from its place, until the slice's size is reached.
pub fn text(slice: usize) -> String {
    let Some(bytes) = slice_bytes(slice) else {
        return String::new();
    };
    let mut out = String::with_capacity(bytes + 1_024);
    let mut k = 0usize;
    while out.len() < bytes {
        let item = ITEMS[(k + slice) % ITEMS.len()];
        let v = k + slice * 7;
        let filled = item
            .replace("{d}", &(1 + v % 28).to_string())
            .replace("{n}", &(3 + v % 17).to_string())
            .replace("{m}", &(120 + v * 37 % 880).to_string())
            .replace("{k}", &(2 + v % 9).to_string())
            .replace("{t}", &format!("{}.{}", 1 + v % 12, v % 10))
            .replace("{p}", &(5 + v * 13 % 60).to_string());
        out.push_str(&filled);
        out.push('\n');
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slices grow from short to long, stop after the last, and no placeholder is left.
    #[test]
    fn slices_grow_and_are_filled_in() {
        let sizes: Vec<usize> = (0..slices()).map(|i| text(i).len()).collect();
        assert!(sizes.windows(2).all(|p| p[0] <= p[1] + 1_024), "{sizes:?}");
        assert!(
            sizes[0] < 2_048 && sizes.iter().all(|&s| s < 10_000),
            "{sizes:?}"
        );
        let total: usize = sizes.iter().sum();
        assert!((150_000..300_000).contains(&total), "{total}");
        assert!(text(slices()).is_empty());
        assert!((0..slices()).all(|i| !text(i).contains('{')));
    }
}
