//! Small word lists the model uses as hints (features), never as rules: the weights learnt from
//! the corpora decide how much each hint counts.

use std::sync::OnceLock;

/// Common single-char surnames (the rule-based name finder uses this list too).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘\
于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾\
毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘\
祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时\
穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁\
沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Two-char surnames.
const COMPOUND_SURNAMES: [&str; 20] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "澹台", "百里",
];

/// Last chars of administrative and geographic place names.
const PLACE_SUFFIXES: &str = "省市县区州镇乡村湾岛山河江湖海洋岭峡港国洲路街道";

/// Endings of organisation names.
const ORG_SUFFIXES: &[&str] = &[
    "公司",
    "集团",
    "大学",
    "学院",
    "学校",
    "中学",
    "小学",
    "医院",
    "协会",
    "学会",
    "商会",
    "工会",
    "银行",
    "政府",
    "法院",
    "联盟",
    "组织",
    "委员会",
    "联合会",
    "基金会",
    "研究院",
    "研究所",
    "检察院",
    "出版社",
    "电视台",
    "交易所",
    "俱乐部",
    "中心",
    "报社",
    "日报",
    "部",
    "局",
    "院",
    "署",
    "厅",
    "处",
    "所",
    "社",
    "会",
    "队",
    "团",
    "党",
    "军",
    "委",
    "办",
];

/// Whether `c` is a common single-char surname.
pub fn is_surname(c: char) -> bool {
    // Asked for every char: one bit per char of the basic CJK block (2.6 KB) instead of a scan
    // of the list (any surname outside the block is still found by the scan).
    const FIRST: u32 = 0x4E00;
    const LAST: u32 = 0x9FFF;
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    let bits = BITS.get_or_init(|| {
        let mut bits = vec![0u64; ((LAST - FIRST) / 64 + 1) as usize];
        for s in SURNAMES
            .chars()
            .filter(|&s| (FIRST..=LAST).contains(&(s as u32)))
        {
            let i = (s as u32 - FIRST) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    let n = c as u32;
    if !(FIRST..=LAST).contains(&n) {
        return !c.is_ascii() && SURNAMES.contains(c);
    }
    let i = (n - FIRST) as usize;
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// Whether `word` starts with a two-char surname.
pub fn starts_with_compound_surname(word: &str) -> bool {
    COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s))
}

/// Whether `c` typically ends a place name.
pub fn is_place_suffix(c: char) -> bool {
    // Asked for every char: a binary search of the sorted chars, not a scan of the string.
    static SORTED: OnceLock<Vec<char>> = OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v: Vec<char> = PLACE_SUFFIXES.chars().collect();
            v.sort_unstable();
            v
        })
        .binary_search(&c)
        .is_ok()
}

/// The organisation ending `word` ends with, if any (the longest one).
pub fn org_suffix(word: &str) -> Option<&'static str> {
    // Asked for every word: most end with a char no ending ends with, which one comparison of
    // chars tells without comparing the word with each ending.
    static LAST_CHARS: OnceLock<Vec<char>> = OnceLock::new();
    let last_chars = LAST_CHARS.get_or_init(|| {
        let mut v: Vec<char> = ORG_SUFFIXES
            .iter()
            .filter_map(|s| s.chars().last())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let last = word.chars().next_back()?;
    if !last_chars.contains(&last) {
        return None;
    }
    ORG_SUFFIXES
        .iter()
        .filter(|s| word.ends_with(*s))
        .max_by_key(|s| s.len())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints() {
        assert!(is_surname('张') && !is_surname('的'));
        assert!(starts_with_compound_surname("欧阳修"));
        assert!(is_place_suffix('省'));
        assert_eq!(org_suffix("北京大学"), Some("大学"));
        assert_eq!(org_suffix("市委员会"), Some("委员会"));
        assert_eq!(org_suffix("北京"), None);
    }
}
