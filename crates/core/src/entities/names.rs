//! Persons, places and organisations from jieba's name tags (`nr nrt nrfg`, `ns`, `nt`).
//!
//! jieba's dictionary tags some everyday words as names (城市 and 普及 as places, 文明 and 白皮书
//! as persons), so tags are filtered: persons tagged `nr` must start with a common surname
//! or be at least three chars long (transliterations such as 特朗普), single-char names are
//! dropped, and short deny-lists hold frequent mis-tags. The deny-lists were picked by hand
//! from jieba's dictionary tags that disagree with the People's Daily 1998 annotation; they
//! are a stop-gap until a trained model replaces these rules.

use super::{span, EntitySpan};
use crate::ner::lexicon::{is_surname, starts_with_compound_surname};
use crate::report::EntityType;
use crate::segment::{is_han, Token};

/// Everyday words jieba's dictionary tags `nr`.
const NOT_PERSONS: [&str; 40] = [
    "文明",
    "廉政",
    "小康",
    "祝贺",
    "道德",
    "友谊",
    "青少年",
    "卫星",
    "荣誉",
    "迎春",
    "光荣",
    "智慧",
    "公正",
    "阳光",
    "高潮",
    "弘扬",
    "明星",
    "小姐",
    "顾问",
    "权威",
    "祝福",
    "宝贵",
    "顾客",
    "贺卡",
    "荣获",
    "关怀",
    "明白",
    "保健",
    "古老",
    "老虎",
    "光辉",
    "贺词",
    "温馨",
    "陈旧",
    "辛勤",
    "白皮书",
    "申请专利",
    "邓小平理论",
    "双拥",
    "子弟兵",
];

/// Everyday words jieba's dictionary tags `ns`.
const NOT_PLACES: &[&str] = &[
    "城市",
    "新春",
    "外国",
    "山区",
    "上市",
    "东西",
    "大国",
    "治安",
    "英雄",
    "城镇",
    "新建",
    "建国",
    "海洋",
    "喜庆",
    "普及",
    "高原",
    "爱国",
    "上岗",
    "美丽",
    "新鲜",
    "回国",
    "福利",
    "太阳",
    "青春",
    "北风",
    "都市",
    "欢度",
    "上门",
    "滑坡",
    "治国",
    "平原",
    "大中城市",
    "邦国",
    "大都",
    "三镇",
    "镇区",
    "海关",
    "海峡",
    "大街",
    "共和国",
    "大桥",
    "自治州",
    "自治县",
    "新村",
    "商城",
    "牡丹",
    "珍藏",
    "庆典",
    "美德",
    "山村",
    "古城",
    "深度",
    "长大",
    "波及",
    "欢庆",
    "关联",
    "山水",
    "馆藏",
    "馆内",
    "美感",
    "沧桑",
    "大江",
];

/// Words jieba tags `nt` that name no particular organisation.
const NOT_ORGS: [&str; 10] = [
    "音乐会",
    "国际化",
    "最大化",
    "中西部",
    "儿童文学",
    "社会科学",
    "中医药",
    "联合公报",
    "党组织",
    "团组织",
];

/// Endings of organisation names, longest first where one is the end of another.
const ORG_SUFFIXES: &[&str] = &[
    "有限公司",
    "图书馆",
    "博物馆",
    "博物院",
    "美术馆",
    "纪念馆",
    "档案馆",
    "文化馆",
    "科技馆",
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
    "部",
    "局",
    "院",
    "署",
    "厅",
];

/// Tags that may sit inside an organisation name (`华中科技大学 能源 学院`).
const ORG_PARTS: [&str; 11] = [
    "ns", "nt", "nz", "n", "nr", "nrt", "j", "vn", "b", "l", "an",
];

/// Longest organisation name assembled from several tokens, in chars.
const MAX_ORG_CHARS: usize = 24;

fn all_han(s: &str) -> bool {
    s.chars().all(is_han)
}

fn has_surname(name: &str) -> bool {
    starts_with_compound_surname(name) || name.chars().next().is_some_and(is_surname)
}

/// Words next to which a name is a person's: titles before or after it, speech verbs after it.
const PERSON_CONTEXT: [&str; 24] = [
    "总统", "主席", "总理", "首相", "国王", "女王", "先生", "女士", "夫人", "教授", "博士", "部长",
    "外长", "议员", "大使", "总裁", "经理", "记者", "说", "表示", "指出", "认为", "称", "强调",
];

/// Verbs that follow the person who speaks (`赵/nr 明远/a 说`).
const SPEECH_VERBS: [&str; 16] = [
    "说", "表示", "介绍", "认为", "指出", "强调", "称", "说道", "告诉", "透露", "坦言", "解释",
    "回忆", "感叹", "谈到", "建议",
];

/// Titles and forms of address; a word ending in 长 (科长, 馆长, 董事长) counts as one too.
const TITLES: [&str; 36] = [
    "主任",
    "教授",
    "记者",
    "经理",
    "主席",
    "总理",
    "总统",
    "书记",
    "委员",
    "代表",
    "老师",
    "医生",
    "师傅",
    "先生",
    "女士",
    "夫人",
    "小姐",
    "同志",
    "博士",
    "研究员",
    "工程师",
    "总裁",
    "大使",
    "议员",
    "专家",
    "老板",
    "大娘",
    "大爷",
    "大姐",
    "大哥",
    "阿姨",
    "战士",
    "总",
    "老",
    "工",
    "某",
];

fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
        || word.ends_with("记者")
        || (word.chars().count() >= 2 && word.ends_with('长'))
}

/// Whether the token before `i` is a title (`副馆长 周/nr 立新`) or the one after the name
/// ending at token `last` is a speech verb (`… 说`).
fn person_cue(tokens: &[Token], i: usize, last: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_some_and(|p| p.pos.starts_with('n') && is_title(p.text));
    let after = tokens
        .get(last + 1)
        .is_some_and(|x| SPEECH_VERBS.contains(&x.text));
    before || after
}

/// Whether a name of `n` chars has a plausible length: two or three Han chars, four with a
/// compound surname (欧阳明月).
fn person_length_ok(name: &str, n: usize) -> bool {
    (2..=3).contains(&n) || n == 4 && starts_with_compound_surname(name)
}

/// Whether token `i` is a person's name. `nr` words need a Chinese surname (the dictionary tags
/// many places and common words `nr`), or, for transliterations such as 特朗普, a title or a
/// speech verb beside them. Two-char dictionary words tagged `nr` (高峰, 师生, 华丽) are far
/// more often common words than names, so when the dictionary is known they need a title or a
/// speech verb beside them too; words the HMM made up (`孙俊/nr`) need none.
fn is_person(tokens: &[Token], i: usize, in_dict: Option<&dyn Fn(&str) -> bool>) -> bool {
    let t = &tokens[i];
    let n = t.len();
    let beside = |j: Option<usize>| {
        j.and_then(|j| tokens.get(j))
            .is_some_and(|x| PERSON_CONTEXT.contains(&x.text))
    };
    let context = || beside(i.checked_sub(1)) || beside(Some(i + 1)) || person_cue(tokens, i, i);
    match t.pos {
        "nr" => {
            person_length_ok(t.text, n)
                && all_han(t.text)
                && (has_surname(t.text) || n >= 3 && context())
                && !NOT_PERSONS.contains(&t.text)
                && !(n == 2 && in_dict.is_some_and(|d| d(t.text)) && !context())
        }
        // Transliterated and foreign names, with the middle dot (`nrt` also tags many
        // everyday two-char words: 令人, 科普).
        "nrt" | "nrfg" => {
            (if t.pos == "nrt" { 3 } else { 2 }..=12).contains(&n)
                && t.text.chars().all(|c| is_han(c) || c == '·')
                && !NOT_PERSONS.contains(&t.text)
        }
        _ => false,
    }
}

/// Places: `ns` words of two Han chars or more, not on the stop list, and, when the
/// dictionary is known, in it (the `ns` words the HMM makes up, 中埃 or 美俄, are fragments).
fn is_place(t: &Token, in_dict: Option<&dyn Fn(&str) -> bool>) -> bool {
    t.pos == "ns"
        && t.len() >= 2
        && all_han(t.text)
        && !NOT_PLACES.contains(&t.text)
        && in_dict.is_none_or(|d| d(t.text))
}

fn org_suffix(t: &Token) -> Option<&'static str> {
    let suffix = ORG_SUFFIXES.iter().find(|s| t.text.ends_with(*s))?;
    // One-char endings (部 局 院 …) also end 全部, 内部, 局部: trust them only in jieba `nt`
    // words or in words of three chars or more (外交部, 统计局, 俱乐部).
    if suffix.chars().count() == 1 && t.pos != "nt" && t.len() < 3 {
        return None;
    }
    Some(suffix)
}

fn is_org_part(t: &Token) -> bool {
    ORG_PARTS.contains(&t.pos) && all_han(t.text)
}

pub fn find(
    chars: &[char],
    tokens: &[Token],
    in_dict: Option<&dyn Fn(&str) -> bool>,
) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if let Some(end) = surname_split(tokens, i, in_dict) {
            out.extend(span(chars, EntityType::Person, t.start, end));
        } else if is_person(tokens, i, in_dict) {
            out.extend(span(chars, EntityType::Person, t.start, t.end));
        }
        if is_place(t, in_dict) {
            out.extend(span(chars, EntityType::Place, t.start, t.end));
        }
        if t.pos == "nt" && t.len() >= 2 && !NOT_ORGS.contains(&t.text) {
            out.extend(span(chars, EntityType::Organization, t.start, t.end));
        }
        if let Some(start) = org_start(tokens, i) {
            let org = span(chars, EntityType::Organization, start, t.end);
            out.extend(org.filter(|o| !NOT_ORGS.contains(&o.text.as_str())));
        }
    }
    out
}

/// Tags a given name split from its surname may carry (`明远/a`, `国庆/t`, `卫国/ns`).
const GIVEN_NAME_TAGS: [&str; 13] = [
    "nr", "nrt", "nrfg", "n", "nz", "ng", "a", "t", "ns", "b", "v", "vn", "d",
];

/// `赵/nr 明远/a 说`, `蔡/nr 英文/nz`, `欧阳/ns 娜娜/nrt`: jieba sometimes splits a surname
/// from the given name. Returns the end of the full name when token `i` is such a surname:
/// a common surname, alone and tagged `nr`, then a one- or two-char word that is tagged as a
/// name, or is a word the HMM made up, or is followed by a speech verb or preceded by a title.
/// A two-char noun, adjective or time word right after the surname counts too, unless the
/// surname char follows an adverb, numeral or measure word (`就/d 连/nr 美国`, `三四点/m 钟`):
/// then only a cue will do.
fn surname_split(
    tokens: &[Token],
    i: usize,
    in_dict: Option<&dyn Fn(&str) -> bool>,
) -> Option<usize> {
    let t = &tokens[i];
    let next = tokens.get(i + 1)?;
    let single = t.len() == 1 && t.pos == "nr" && t.text.chars().next().is_some_and(is_surname);
    let compound = t.len() == 2 && starts_with_compound_surname(t.text);
    if !(single || compound)
        || !(1..=2).contains(&next.len())
        || !all_han(next.text)
        || is_title(next.text)
        || !GIVEN_NAME_TAGS.contains(&next.pos)
    {
        return None;
    }
    let name_tag = matches!(next.pos, "nr" | "nrt" | "nrfg");
    if compound {
        return (name_tag || matches!(next.pos, "nz" | "ng" | "n")).then_some(next.end);
    }
    let made_up = in_dict.is_some_and(|d| !d(next.text));
    let cue = person_cue(tokens, i, i + 1);
    let after_function_word = i
        .checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_some_and(|p| matches!(p.pos, "d" | "m" | "q"));
    let nominal = next.len() == 2
        && matches!(
            next.pos,
            "nr" | "nrt" | "nrfg" | "n" | "nz" | "a" | "t" | "ns" | "b"
        );
    let ok = cue || !after_function_word && (name_tag || made_up || nominal);
    ok.then_some(next.end)
}

/// Words that join two parts of one organisation name (`发展 和 改革 委员会`), but only between
/// descriptive words: a conjunction after a name or a complete organisation
/// (`浙江图书馆 与 浙江大学…`) separates two organisations.
fn joins_org(tokens: &[Token], j: usize) -> bool {
    let (Some(conj), Some(left)) = (tokens.get(j), j.checked_sub(1).and_then(|k| tokens.get(k)))
    else {
        return false;
    };
    matches!(conj.text, "和")
        && is_org_part(left)
        && matches!(left.pos, "vn" | "n" | "an")
        && org_suffix(left).is_none()
}

/// When token `i` ends an organisation name (`…委员会`, `…集团`), the start of the longest
/// run of name parts before it (`武汉市 发展 和 改革 委员会`), if it holds more than the ending.
/// The run never crosses 与, 及, 同, 跟 or 、, nor 和 after a name or organisation.
fn org_start(tokens: &[Token], i: usize) -> Option<usize> {
    let last = &tokens[i];
    let suffix = org_suffix(last)?;
    if !is_org_part(last) {
        return None;
    }
    let mut first = i;
    let mut j = i;
    while j > 0 {
        let prev = &tokens[j - 1];
        let joiner = j >= 2 && joins_org(tokens, j - 1);
        if !(is_org_part(prev) || joiner) || last.end - prev.start > MAX_ORG_CHARS {
            break;
        }
        j -= 1;
        if !joiner {
            first = j;
        }
    }
    if first < i {
        return Some(tokens[first].start);
    }
    // A single word: `nt` ones are found anyway; `nz` ones (阿里巴巴集团) count if more than
    // the bare ending.
    (last.pos == "nz" && last.text != suffix).then_some(last.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(spec: &str) -> Vec<(EntityType, String)> {
        found_in(spec, None)
    }

    /// Like [`found`], with a dictionary holding exactly `dict`.
    fn found_dict(spec: &str, dict: &[&str]) -> Vec<(EntityType, String)> {
        let in_dict = |w: &str| dict.contains(&w);
        found_in(spec, Some(&in_dict))
    }

    fn found_in(spec: &str, in_dict: Option<&dyn Fn(&str) -> bool>) -> Vec<(EntityType, String)> {
        let (chars, tokens) = crate::segment::tokens_from_spec(spec);
        let mut v: Vec<(EntityType, String)> = find(&chars, &tokens, in_dict)
            .into_iter()
            .map(|e| (e.kind, e.text))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    use EntityType::{Organization as O, Person as P, Place as L};

    #[test]
    fn persons() {
        assert_eq!(found("市长/n 李明/nr 说/v"), [(P, "李明".into())]);
        assert_eq!(found("特朗普/nr 表示/v"), [(P, "特朗普".into())]);
        assert!(found("科索沃/nr 局势/n").is_empty());
        assert_eq!(found("蔡/nr 英文/nz 、/x"), [(P, "蔡英文".into())]);
        assert!(found("欧阳/ns 娜娜/nrt").contains(&(P, "欧阳娜娜".into())));
        assert!(found("白皮书/nr 指出/v").is_empty());
        assert!(found("明/nr").is_empty());
    }

    #[test]
    fn places() {
        assert_eq!(found("在/p 武汉/ns 举行/v"), [(L, "武汉".into())]);
        assert!(found("城市/ns 普及/ns 京/ns").is_empty());
    }

    #[test]
    fn organisations() {
        let got = found("东风汽车/n 集团/n 有限公司/n 宣布/v");
        assert!(got.contains(&(O, "东风汽车集团有限公司".into())), "{got:?}");
        let got = found("武汉市/ns 发展/vn 和/c 改革/vn 委员会/n 副/b");
        assert!(
            got.contains(&(O, "武汉市发展和改革委员会".into())),
            "{got:?}"
        );
        assert!(got.contains(&(L, "武汉市".into())));
        assert_eq!(found("外交部/nt"), [(O, "外交部".into())]);
    }

    #[test]
    fn generic_endings_alone_are_not_organisations() {
        assert!(found("该/r 公司/n 总经理/n").is_empty());
        assert!(found("全部/n 干部/n").is_empty());
        assert!(found("和/c 委员会/n").is_empty());
    }

    #[test]
    fn surname_split_from_given_name() {
        // A title before or a speech verb after joins any content word to the surname.
        assert_eq!(found("副教授/n 钱/nr 思远/a 说/v"), [(P, "钱思远".into())]);
        assert_eq!(found("厂长/n 孟/nr 长久/d 认为/v"), [(P, "孟长久".into())]);
        // A given name tagged as a name, or a word the HMM made up, needs no cue.
        assert_eq!(found("由/p 秦/nr 雨桐/nr 负责/v"), [(P, "秦雨桐".into())]);
        assert_eq!(
            found_dict("看望/v 了/ul 贺/nr 知渊/v 一家/m", &["看望", "了", "一家"]),
            [(P, "贺知渊".into())]
        );
        // Titles, function words and adverbs are no given names.
        assert!(found("老/a 钱/nr 最后/f 走/v").is_empty());
        assert!(found("向/p 宋/nr 科长/n 汇报/v").is_empty());
        assert!(found("甚至/d 连/nr 孩子/n 都/d").is_empty());
        assert!(found("五/m 点/m 钟/nr 出发/v").is_empty());
    }

    #[test]
    fn person_length_and_dictionary_words() {
        // Four chars only with a compound surname.
        assert!(found("大家/r 严格遵守/nr 规定/n").is_empty());
        assert_eq!(found("司徒/nr 雅文/nr"), [(P, "司徒雅文".into())]);
        assert_eq!(found("诸葛明月/nr 来/v"), [(P, "诸葛明月".into())]);
        // A two-char dictionary word tagged `nr` needs a cue; a made-up one does not.
        let dict = ["全校", "师生", "参加", "教授", "说"];
        assert!(found_dict("全校/n 师生/nr 参加/v", &dict).is_empty());
        assert_eq!(
            found_dict("全校/n 孙烨/nr 参加/v", &dict),
            [(P, "孙烨".into())]
        );
        assert_eq!(
            found_dict("教授/n 师生/nr 说/v", &dict),
            [(P, "师生".into())]
        );
    }

    #[test]
    fn organisations_split_at_conjunctions() {
        let got = found("南京/ns 博物馆/n 与/p 南京大学/nt 历史/n 研究所/n 合办/v");
        assert!(got.contains(&(O, "南京博物馆".into())), "{got:?}");
        assert!(got.contains(&(O, "南京大学历史研究所".into())), "{got:?}");
        assert!(
            !got.iter().any(|(_, t)| t.contains('与')),
            "merged across 与: {got:?}"
        );
        let got = found("广州/ns 图书馆/n 和/c 广州/ns 美术馆/n");
        assert!(got.contains(&(O, "广州图书馆".into())), "{got:?}");
        assert!(got.contains(&(O, "广州美术馆".into())), "{got:?}");
        assert!(!got.iter().any(|(_, t)| t.contains('和')), "{got:?}");
    }

    #[test]
    fn place_stop_list_and_made_up_places() {
        assert!(found("进入/v 海关/ns 大楼/n").is_empty());
        assert!(found_dict("中埃/ns 关系/n", &["关系"]).is_empty());
        assert_eq!(
            found_dict("前往/v 宁波/ns", &["前往", "宁波"]),
            [(L, "宁波".into())]
        );
    }
}
