//! What a reader expects of the names, where the model's training conventions differ or its
//! context is too short: applied to the model's spans before they are counted.
//!
//! - An institution named after a place (浙江图书馆, 苏州博物馆) is an organisation, even where the
//!   corpus annotated such names as places.
//! - An organisation written as a place and its department (石峰区农业农村局, 长沙市民政局) is one
//!   organisation, not a place followed by words.
//! - A surname before an honorific (袁女士, 王先生) is a person, the surname alone: the MSRA
//!   convention (江主席 → 江) the model follows elsewhere.
//! - A full name right after a role or in a byline (局长周海军, 记者/李逸峰) is a person.
//!
//! Each rule only adds or retypes; where a rule's span overlaps one the model found, the model's
//! span stays.

use super::lexicon::{is_surname, starts_with_compound_surname};
use crate::entities::EntitySpan;
use crate::report::EntityType;

/// Endings that make a name an institution, not a place. Two chars or more: one-char endings
/// (市, 区, 局…) are too often parts of real places.
const INSTITUTION_ENDINGS: &[&str] = &[
    "图书馆",
    "博物馆",
    "博物院",
    "美术馆",
    "纪念馆",
    "档案馆",
    "文化馆",
    "科技馆",
    "体育馆",
    "大学",
    "学院",
    "中学",
    "小学",
    "医院",
    "公司",
    "集团",
    "银行",
    "委员会",
    "研究所",
    "研究院",
    "协会",
    "政府",
    "法院",
    "检察院",
    "电视台",
    "出版社",
];

const HONORIFICS: &[&str] = &[
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

fn is_han(c: char) -> bool {
    crate::segment::is_han(c)
}

/// Endings of a department written after a place (…农业农村局, …民政厅, …委员会).
/// Not 政府: 美国政府, 高升镇政府 name a place's government, and corpora and readers alike
/// count the place (MSRA's convention; it measured better on the development split).
const DEPARTMENT_ENDINGS: &[&str] = &[
    "委员会",
    "办公室",
    "管理局",
    "局",
    "厅",
    "法院",
    "检察院",
    "公安局",
    "研究院",
    "研究所",
];
/// Longest department name taken after a place, in chars.
const MAX_DEPARTMENT: usize = 8;
/// Chars that never occur inside a department's name: a run holding one is a clause, not a name.
const NOT_IN_NAME: &str = "的了在和与及是为对把被将从向到给等着过也都就还又并而或但这那有没不说";

/// The model's spans, refined (see the module comment), in text order.
pub fn refine(chars: &[char], mut spans: Vec<EntitySpan>) -> Vec<EntitySpan> {
    spans = spans
        .into_iter()
        .map(|s| trim_honorific(chars, s))
        .collect();
    extend_departments(chars, &mut spans);
    for span in &mut spans {
        if span.kind == EntityType::Place
            && INSTITUTION_ENDINGS
                .iter()
                .any(|e| span.text.ends_with(e) && span.text.chars().count() > e.chars().count())
        {
            span.kind = EntityType::Organization;
        }
    }
    let mut taken = vec![false; chars.len()];
    for s in &spans {
        if let Some(slots) = taken.get_mut(s.start..s.end) {
            slots.iter_mut().for_each(|t| *t = true);
        }
    }
    let mut extra = Vec::new();
    for (start, end) in honorific_surnames(chars).chain(names_after_roles(chars)) {
        let Some(slots) = taken.get_mut(start..end) else {
            continue;
        };
        if slots.iter().any(|&t| t) {
            continue;
        }
        slots.iter_mut().for_each(|t| *t = true);
        extra.push(EntitySpan {
            kind: EntityType::Person,
            start,
            end,
            text: chars[start..end].iter().collect(),
        });
    }
    spans.extend(extra);
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// A person span `袁女士` becomes `袁`, `王小明先生` becomes `王小明`: the honorific is not part
/// of the name.
fn trim_honorific(chars: &[char], mut span: EntitySpan) -> EntitySpan {
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

/// A place followed at once by a department's name becomes one organisation spanning both.
fn extend_departments(chars: &[char], spans: &mut [EntitySpan]) {
    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    for span in spans.iter_mut() {
        if span.kind != EntityType::Place {
            continue;
        }
        let from = span.end;
        let limit = (from + MAX_DEPARTMENT).min(chars.len());
        // The department ends at the first ending reached, before any char that cannot be in
        // a name and before the next entity.
        let end = (from + 1..=limit)
            .take_while(|&e| {
                let c = chars[e - 1];
                is_han(c) && !NOT_IN_NAME.contains(c) && !starts.contains(&(e - 1))
            })
            .find(|&e| {
                DEPARTMENT_ENDINGS.iter().any(|d| {
                    let n = d.chars().count();
                    // One-char endings need a name before them (民政局, not 当局).
                    let shortest = if n == 1 { 2 } else { 0 };
                    e - from >= n + shortest && starts_with(chars, e - n, d)
                })
            });
        if let Some(end) = end {
            span.kind = EntityType::Organization;
            span.end = end;
            span.text = chars[span.start..end].iter().collect();
        }
    }
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// `[i, i + 1)` for each surname followed by an honorific.
fn honorific_surnames(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
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
fn names_after_roles(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..chars.len()).filter_map(move |i| {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn span(chars: &[char], kind: EntityType, text: &str) -> EntitySpan {
        let t: Vec<char> = text.chars().collect();
        let start = (0..chars.len())
            .find(|&i| chars[i..].starts_with(&t))
            .unwrap_or(0);
        EntitySpan {
            kind,
            start,
            end: start + t.len(),
            text: text.into(),
        }
    }

    fn found(text: &str, model: &[(EntityType, &str)]) -> Vec<(EntityType, String)> {
        let chars: Vec<char> = text.chars().collect();
        let spans = model.iter().map(|(k, t)| span(&chars, *k, t)).collect();
        refine(&chars, spans)
            .into_iter()
            .map(|s| (s.kind, s.text))
            .collect()
    }

    #[test]
    fn institutions_named_after_places_are_organisations() {
        use EntityType::*;
        let text = "他在宁波博物馆工作，家住宁波。";
        let chars: Vec<char> = text.chars().collect();
        let at = |kind, start: usize, end: usize| EntitySpan {
            kind,
            start,
            end,
            text: chars[start..end].iter().collect(),
        };
        let got: Vec<(EntityType, String)> =
            refine(&chars, vec![at(Place, 2, 7), at(Place, 12, 14)])
                .into_iter()
                .map(|s| (s.kind, s.text))
                .collect();
        assert_eq!(
            got,
            [(Organization, "宁波博物馆".into()), (Place, "宁波".into())]
        );
    }

    #[test]
    fn a_surname_before_an_honorific_is_a_person() {
        let got = found("我们联系到了袁女士和潘先生。", &[]);
        assert_eq!(
            got,
            [
                (EntityType::Person, "袁".into()),
                (EntityType::Person, "潘".into())
            ]
        );
        // 老王先生: 王 follows a char that may belong to a name or title; left alone.
        assert!(found("隔壁老王先生来了。", &[]).is_empty());
    }

    #[test]
    fn names_after_roles_and_in_bylines() {
        let got = found(
            "（记者/韩雪松 通讯员/马丽）副区长敬华兵说，局长周海军也在。",
            &[],
        );
        let names: Vec<String> = got.into_iter().map(|(_, t)| t).collect();
        assert_eq!(names, ["韩雪松", "马丽", "敬华兵", "周海军"]);
    }

    #[test]
    fn a_place_and_its_department_are_one_organisation() {
        use EntityType::*;
        let text = "石峰区农业农村局和市民政局召开会议，在天心区开展检查。";
        let chars: Vec<char> = text.chars().collect();
        let at = |kind, start: usize, end: usize| EntitySpan {
            kind,
            start,
            end,
            text: chars[start..end].iter().collect(),
        };
        // The model saw 石峰区 and 天心区 as places.
        let got: Vec<(EntityType, String)> =
            refine(&chars, vec![at(Place, 0, 3), at(Place, 19, 22)])
                .into_iter()
                .map(|s| (s.kind, s.text))
                .collect();
        assert_eq!(
            got,
            [
                (Organization, "石峰区农业农村局".into()),
                (Place, "天心区".into())
            ]
        );
        // A clause after a place is not a department: 的 cannot be inside a name.
        let chars: Vec<char> = "北京的有关部门和当局".chars().collect();
        let kept = refine(&chars, vec![at(Place, 0, 2)]);
        assert_eq!(kept[0].kind, Place);
        assert_eq!(kept[0].end, 2);
    }

    #[test]
    fn an_honorific_is_trimmed_from_a_persons_name() {
        use EntityType::*;
        let got = found(
            "袁女士说，欧阳先生同意。",
            &[(Person, "袁女士"), (Person, "欧阳先生")],
        );
        assert_eq!(got, [(Person, "袁".into()), (Person, "欧阳".into())]);
        // A full name before the honorific keeps its given name.
        let got = found("王小明先生说。", &[(Person, "王小明先生")]);
        assert_eq!(got, [(Person, "王小明".into())]);
    }

    #[test]
    fn the_models_spans_win_over_the_rules() {
        use EntityType::*;
        let got = found("局长周海军说。", &[(Person, "周海军")]);
        assert_eq!(got, [(Person, "周海军".into())]);
        // A role followed by something that is not a name adds nothing.
        assert!(found("局长办公会议召开。", &[]).is_empty());
        assert!(found("主任医师查房时说，病人好转。", &[]).is_empty());
    }
}
