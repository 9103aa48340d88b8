use super::*;

fn word(w: &str, freq: Option<usize>, tag: Option<&str>) -> UserWord {
    UserWord {
        word: w.into(),
        freq,
        tag: tag.map(str::to_string),
    }
}

#[test]
fn each_field_is_optional_after_the_word() {
    let (words, errors) = parse("星澜智造\n云栖码头 12\n霁月湾 7 ns\n澄江量子 nt\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        words,
        [
            word("星澜智造", None, None),
            word("云栖码头", Some(12), None),
            word("霁月湾", Some(7), Some("ns")),
            word("澄江量子", None, Some("nt")),
        ]
    );
}

#[test]
fn blank_lines_comments_bom_and_crlf_are_tolerated() {
    let text = "\u{feff}# 我的词典\r\n\r\n   \r\n星澜智造 5 nz\r\n\t# 缩进的注释\r\n云栖码头\r\n";
    let (words, errors) = parse(text);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        words,
        [
            word("星澜智造", Some(5), Some("nz")),
            word("云栖码头", None, None)
        ]
    );
}

#[test]
fn bad_lines_are_reported_by_number_and_good_ones_kept() {
    let text = "甲乙丙\n丁戊 多少\n己庚 3 n 多余\n辛壬 3 名词\n\n癸子 5\n";
    let (words, errors) = parse(text);
    assert_eq!(
        words,
        [word("甲乙丙", None, None), word("癸子", Some(5), None)]
    );
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4]);
    assert!(
        errors[0].message.contains("not a whole number"),
        "{errors:?}"
    );
    assert!(errors[1].message.contains("fields"), "{errors:?}");
    assert!(errors[2].message.contains("tag"), "{errors:?}");
    assert_eq!(errors[0].text, "丁戊 多少");
}

#[test]
fn unusable_words_are_refused() {
    let long = "字".repeat(MAX_WORD_CHARS + 1);
    let just_fits = "字".repeat(MAX_WORD_CHARS);
    let text = format!(
        "{long}\n{just_fits}\n坏\u{7}词\n零宽\u{200b}词\n王·小明\n负数 -3\n太多 {}\n",
        MAX_FREQ + 1
    );
    let (words, errors) = parse(&text);
    assert_eq!(words, [word(&just_fits, None, None)]);
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 3, 4, 5, 6, 7], "{errors:?}");
}

#[test]
fn words_tags_and_frequencies_are_normalised() {
    let (words, errors) = parse("ＡＩ芯片 ８ NZ\n");
    assert!(errors.is_empty(), "{errors:?}");
    // The full-width frequency is read after split_whitespace, so it must parse too.
    assert_eq!(words, [word("AI芯片", Some(8), Some("nz"))]);
}

#[test]
fn the_last_entry_of_a_word_wins_in_the_place_of_the_first() {
    let (words, _) = parse("甲乙 3\n丙丁\nＡＢ\n甲乙 9 n\nAB 2\n");
    assert_eq!(
        words,
        [
            word("甲乙", Some(9), Some("n")),
            word("丙丁", None, None),
            word("AB", Some(2), None)
        ]
    );
}

#[test]
fn words_beyond_the_limit_are_reported_once() {
    let extra = 5;
    let text: String = (0..MAX_WORDS + extra)
        .map(|i| format!("词{i}\n# 注释\n"))
        .collect();
    let (words, errors) = parse(&text);
    assert_eq!(words.len(), MAX_WORDS);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 2 * MAX_WORDS + 1);
    assert!(
        errors[0]
            .message
            .contains(&format!("the {extra} lines with new words")),
        "{errors:?}"
    );
    // A word already in the dictionary is still updated beyond the limit.
    let again = format!("{text}词0 7\n");
    let (words, errors) = parse(&again);
    assert_eq!(words.len(), MAX_WORDS);
    assert_eq!(words[0], word("词0", Some(7), None));
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn format_reads_back() {
    let words = [
        word("星澜智造", None, None),
        word("云栖码头", Some(12), None),
        word("霁月湾", Some(0), Some("ns")),
        word("C++", None, Some("eng")),
    ];
    let (back, errors) = parse(&format(&words));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(back, words);
}

#[test]
fn clean_applies_the_same_rules_to_words_from_elsewhere() {
    let words = [
        word("ＡＩ芯片", Some(3), None),
        word("#话题", None, None),
        word("有 空格", None, None),
        word("AI芯片", None, Some("NZ")),
        word("", None, None),
        word("标签", None, Some("名词")),
    ];
    assert_eq!(clean(&words), [word("AI芯片", None, Some("nz"))]);
}

#[test]
fn problems_display_with_their_line() {
    let (_, errors) = parse("\n\n甲 x1\n");
    let shown = errors.first().map(ToString::to_string).unwrap_or_default();
    assert!(shown.starts_with("line 3: "), "{shown}");
}
