//! The reader rules about people: honorifics (袁女士 → 袁) and names after roles or in bylines
//! (局长周海军, 记者/李逸峰). See the parent module for how they combine with the model.

use std::sync::OnceLock;

use super::{is_han, starts_with};
use crate::entities::EntitySpan;
use crate::ner::lexicon::{is_surname, starts_with_compound_surname};
use crate::report::EntityType;

pub(super) const HONORIFICS: &[&str] = &[
    "女士", "先生", "小姐", "老师", "同志", "师傅", "阿姨", "大爷", "大妈", "老人",
];

/// Roles written before a full name, longest first where one ends another (副区长 before 区长).
const ROLES: &[&str] = &[
    "记者",
    "通讯员",
    "编辑",
    "副局长",
    "局长",
    "副区长",
    "区长",
    "副市长",
    "市长",
    "副县长",
    "县长",
    "副省长",
    "省长",
    "镇长",
    "村长",
    "副主任",
    "主任",
    "副书记",
    "书记",
    "副教授",
    "教授",
    "副院长",
    "院长",
    "副馆长",
    "馆长",
    "副校长",
    "校长",
    "所长",
    "厂长",
    "处长",
    "科长",
    "副部长",
    "部长",
    "总经理",
    "经理",
    "董事长",
    "副主席",
    "主席",
    "总裁",
    "医生",
    "律师",
    "研究员",
    "工程师",
    "队长",
    "站长",
    "会长",
    "秘书长",
    "主持人",
];

/// Chars that may stand right before a surname taken from `袁女士`: not part of a longer name.
const BEFORE_SURNAME: &str = "向对给和与及的被让请据由跟同找问是了到位名、，。：:（(“\"《 ";

/// Verbs of saying: after a role and three chars, they mark a name even when its surname is
/// not in the list of common ones (副区长敬华兵说).
const SPEECH: &[&str] = &["说", "表示", "介绍", "认为", "指出", "告诉", "称"];

/// Chars or words that may follow a name written after a role.
const AFTER_NAME: &[&str] = &[
    "说", "表示", "介绍", "认为", "指出", "告诉", "称", "在", "等", "的", "和", "与", "也", "还",
    "就", "对", "向", "是", "带", "率", "一行",
];

/// A person span `袁女士` becomes `袁`, `王小明先生` becomes `王小明`: the honorific is not part
/// of the name.
pub(super) fn trim_honorific(chars: &[char], mut span: EntitySpan) -> EntitySpan {
    if span.kind != EntityType::Person {
        return span;
    }
    for h in HONORIFICS {
        let h_len = h.chars().count();
        let name_len = span.end - span.start;
        if name_len > h_len && span.text.ends_with(h) {
            // What is left must look like a name: a surname alone or a full name.
            let rest: String = span.text.chars().take(name_len - h_len).collect();
            let rest_len = rest.chars().count();
            let looks_like_name = if starts_with_compound_surname(&rest) {
                (2..=4).contains(&rest_len)
            } else {
                rest.chars().next().is_some_and(is_surname) && (1..=3).contains(&rest_len)
            };
            if looks_like_name {
                span.end -= h_len;
                span.text = chars[span.start..span.end].iter().collect();
            }
            break;
        }
    }
    span
}

/// `[i, i + 1)` for each surname followed by an honorific.
pub(super) fn honorific_surnames(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..chars.len()).filter_map(move |i| {
        let c = chars[i];
        if !is_surname(c) || !HONORIFICS.iter().any(|h| starts_with(chars, i + 1, h)) {
            return None;
        }
        let free_before = i == 0
            || chars
                .get(i - 1)
                .is_some_and(|&p| !is_han(p) || BEFORE_SURNAME.contains(p));
        free_before.then_some((i, i + 1))
    })
}

/// Full names (surname + one or two chars) right after a role word, with an optional `/`.
pub(super) fn names_after_roles(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    // Asked at every char: the roles' first chars, sorted, turn most chars away with a binary
    // search instead of a comparison with each role.
    static FIRST_CHARS: OnceLock<Vec<char>> = OnceLock::new();
    let first_chars = FIRST_CHARS.get_or_init(|| {
        let mut v: Vec<char> = ROLES.iter().filter_map(|r| r.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    (0..chars.len()).filter_map(move |i| {
        first_chars.binary_search(chars.get(i)?).ok()?;
        let role = ROLES.iter().find(|r| starts_with(chars, i, r))?;
        let mut at = i + role.chars().count();
        if matches!(chars.get(at), Some('/') | Some('／')) {
            at += 1;
        }
        let two: String = chars.get(at..at + 2)?.iter().collect();
        let (surname_len, common) = if starts_with_compound_surname(&two) {
            (2, true)
        } else {
            (1, is_surname(*chars.get(at)?))
        };
        // Prefer the longer name when both lengths end at a boundary.
        [2, 1].into_iter().find_map(|given| {
            let end = at + surname_len + given;
            let name = chars.get(at..end)?;
            if !name.iter().all(|&c| is_han(c)) {
                return None;
            }
            let boundary = if common {
                match chars.get(end) {
                    None => true,
                    Some(&c) if !is_han(c) => true,
                    Some(_) => AFTER_NAME.iter().any(|w| starts_with(chars, end, w)),
                }
            } else {
                given == 2 && SPEECH.iter().any(|w| starts_with(chars, end, w))
            };
            boundary.then_some((at, end))
        })
    })
}
