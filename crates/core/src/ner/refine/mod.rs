//! What a reader expects of the names, where the model's training conventions differ or its
//! context is too short: applied to the model's spans before they are counted.
//!
//! - An institution named after a place (浙江图书馆, 苏州博物馆) is an organisation, even where the
//!   corpus annotated such names as places.
//! - An organisation written as a place and its department (石峰区农业农村局, 长沙市民政局) is one
//!   organisation, not a place followed by words.
//! - Nested places are listed one by one: 长沙市天心区 gives 长沙市 and 天心区, also where the
//!   model saw only the first.
//! - A surname before an honorific (袁女士, 王先生) is a person, the surname alone: the MSRA
//!   convention (江主席 → 江) the model follows elsewhere.
//! - A full name right after a role or in a byline (局长周海军, 记者/李逸峰) is a person.
//!
//! Each rule only adds or retypes; where a rule's span overlaps one the model found, the model's
//! span stays.

mod people;

use crate::entities::EntitySpan;
use crate::report::EntityType;
use people::{honorific_surnames, names_after_roles, trim_honorific};

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

pub(super) fn is_han(c: char) -> bool {
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
    add_nested_places(chars, &mut spans);
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

/// A place followed at once by a department's name becomes one organisation spanning both.
fn extend_departments(chars: &[char], spans: &mut [EntitySpan]) {
    // Where entities start, as a lookup by char (a list scanned per char was quadratic).
    let mut is_start = vec![false; chars.len() + 1];
    for s in spans.iter() {
        if let Some(slot) = is_start.get_mut(s.start) {
            *slot = true;
        }
    }
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
                is_han(c) && !NOT_IN_NAME.contains(c) && !is_start[e - 1]
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

/// Last chars of the administrative units written right after a bigger place (长沙市天心区).
const UNIT_ENDINGS: &str = "区县镇乡旗";

/// After a province, city, prefecture or county, a three-char unit name (天心区, 芙蓉镇) is a
/// place of its own. Two-char ones are too often ordinary words (城区, 市区).
fn add_nested_places(chars: &[char], spans: &mut Vec<EntitySpan>) {
    let mut added = Vec::new();
    let mut next_start: Vec<usize> = spans.iter().map(|s| s.start).collect();
    next_start.sort_unstable();
    // Only below an administrative place: after others (东北协作区, 海淀试验区) such a run is
    // usually a common noun.
    let is_parent = |s: &EntitySpan| {
        s.kind == EntityType::Place && s.text.ends_with(['省', '市', '州', '县', '盟'])
    };
    for span in spans.iter().filter(|s| is_parent(s)) {
        let (start, end) = (span.end, span.end + 3);
        let Some(name) = chars.get(start..end) else {
            continue;
        };
        // No entity starts inside `span.end..end` (sorted starts: one binary search).
        let first_after = next_start.partition_point(|&s| s < span.end);
        let free = next_start.get(first_after).is_none_or(|&s| s >= end);
        if free
            && name.iter().all(|&c| is_han(c) && !NOT_IN_NAME.contains(c))
            && UNIT_ENDINGS.contains(name[2])
        {
            added.push(EntitySpan {
                kind: EntityType::Place,
                start,
                end,
                text: name.iter().collect(),
            });
        }
    }
    spans.extend(added);
    spans.sort_by_key(|s| (s.start, s.end));
}

pub(super) fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
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

    /// What `refine` makes of the model's spans given as char ranges of `text`.
    fn refined_at(text: &str, model: &[(EntityType, usize, usize)]) -> Vec<(EntityType, String)> {
        let chars: Vec<char> = text.chars().collect();
        let spans = model
            .iter()
            .map(|&(kind, start, end)| EntitySpan {
                kind,
                start,
                end,
                text: chars[start..end].iter().collect(),
            })
            .collect();
        refine(&chars, spans)
            .into_iter()
            .map(|s| (s.kind, s.text))
            .collect()
    }

    #[test]
    fn institutions_named_after_places_are_organisations() {
        use EntityType::*;
        let got = refined_at(
            "他在宁波博物馆工作，家住宁波。",
            &[(Place, 2, 7), (Place, 12, 14)],
        );
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
        // The model saw 石峰区 and 天心区 as places.
        let got = refined_at(
            "石峰区农业农村局和市民政局召开会议，在天心区开展检查。",
            &[(Place, 0, 3), (Place, 19, 22)],
        );
        assert_eq!(
            got,
            [
                (Organization, "石峰区农业农村局".into()),
                (Place, "天心区".into())
            ]
        );
        // A clause after a place is not a department: 的 cannot be inside a name.
        let kept = refined_at("北京的有关部门和当局", &[(Place, 0, 2)]);
        assert_eq!(kept, [(Place, "北京".into())]);
    }

    #[test]
    fn nested_places_are_listed_one_by_one() {
        use EntityType::*;
        let text = "他住在长沙市天心区，不在市区。";
        let chars: Vec<char> = text.chars().collect();
        let first = EntitySpan {
            kind: Place,
            start: 3,
            end: 6,
            text: "长沙市".into(),
        };
        let got: Vec<(EntityType, String)> = refine(&chars, vec![first])
            .into_iter()
            .map(|s| (s.kind, s.text))
            .collect();
        assert_eq!(got, [(Place, "长沙市".into()), (Place, "天心区".into())]);
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
