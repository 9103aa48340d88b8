//! The plain-text summary of `wenxi analyse` (without `--json`).

use std::io::{self, Write};

use wenxi_core::{EntityType, Keyword, Report};

/// Keywords shown per ranking in the summary.
const SHOWN_KEYWORDS: usize = 20;

pub fn summary(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let s = &report.stats;
    if let Some(why) = &report.coverage.stopped {
        writeln!(
            out,
            "注意 Note: analysed {} of {} characters: {why}",
            report.coverage.analysed_chars, report.coverage.total_chars
        )?;
        writeln!(out)?;
    }
    writeln!(out, "统计 Statistics")?;
    writeln!(out, "  characters      {}", s.characters)?;
    writeln!(out, "  han characters  {}", s.han_characters)?;
    writeln!(
        out,
        "  words           {} ({} distinct)",
        s.words, s.unique_words
    )?;
    writeln!(out, "  sentences       {}", s.sentences)?;
    writeln!(out, "  paragraphs      {}", s.paragraphs)?;
    writeln!(out, "  reading time    {}", reading_time(s.reading_seconds))?;
    keywords(out, "关键词 Keywords (TF-IDF)", &report.keywords)?;
    keywords(out, "关键词 Keywords (TextRank)", &report.textrank)?;
    keywords(out, "词频 Most frequent", &report.frequency)?;
    if !report.phrases.is_empty() {
        writeln!(out)?;
        let list: Vec<String> = report
            .phrases
            .iter()
            .take(SHOWN_KEYWORDS)
            .map(|p| format!("{}×{}", p.term, p.count))
            .collect();
        writeln!(out, "新词与词组 Phrases and new words: {}", list.join("  "))?;
    }
    if !report.quoted_terms.is_empty() {
        let list: Vec<String> = report
            .quoted_terms
            .iter()
            .take(SHOWN_KEYWORDS)
            .map(|q| format!("“{}”×{}", q.term, q.count))
            .collect();
        writeln!(out, "引号词 Quoted terms: {}", list.join("  "))?;
    }
    writeln!(out)?;
    writeln!(out, "实体 Entities")?;
    if report.entities.is_empty() {
        writeln!(out, "  (none)")?;
    }
    for kind in EntityType::ALL {
        let of_kind: Vec<String> = report
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| format!("{}×{}", e.text, e.count))
            .collect();
        if !of_kind.is_empty() {
            writeln!(
                out,
                "  {} {}: {}",
                kind.label_zh(),
                kind.as_str(),
                of_kind.join("  ")
            )?;
        }
    }
    articles(out, report)
}

/// One line per article of a multi-article paste: its title, size and distinctive terms.
fn articles(out: &mut impl Write, report: &Report) -> io::Result<()> {
    if report.articles.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "分篇 Articles ({})", report.articles.len())?;
    for (i, a) in report.articles.iter().enumerate() {
        let key: Vec<&str> = a
            .key_terms
            .iter()
            .take(5)
            .map(|k| k.term.as_str())
            .collect();
        writeln!(
            out,
            "  {:>2}. {}  ({} chars)  {}",
            i + 1,
            a.title,
            a.stats.characters,
            key.join(" ")
        )?;
    }
    Ok(())
}

fn keywords(out: &mut impl Write, title: &str, list: &[Keyword]) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    if list.is_empty() {
        writeln!(out, "  (none)")?;
    }
    for (i, k) in list.iter().take(SHOWN_KEYWORDS).enumerate() {
        writeln!(
            out,
            "  {:>2}. {}  score {:.3}  ×{}  {}",
            i + 1,
            k.term,
            k.score,
            k.count,
            k.pos
        )?;
    }
    Ok(())
}

fn reading_time(seconds: u32) -> String {
    match seconds {
        0..=59 => format!("{seconds} s"),
        _ => format!("{} min {} s", seconds / 60, seconds % 60),
    }
}

/// Load time and per-stage times of one analysis, with the text's size and throughput.
pub fn timings(
    out: &mut impl Write,
    bytes: usize,
    loaded_ms: f64,
    stages: &wenxi_core::StageTimes,
) -> io::Result<()> {
    let total = stages.total_ms();
    writeln!(out, "load      {loaded_ms:9.1} ms")?;
    for (name, ms) in stages.rows() {
        let share = if total > 0.0 { ms / total * 100.0 } else { 0.0 };
        writeln!(out, "{name:<9} {ms:9.1} ms {share:5.1} %")?;
    }
    let mb_s = if total > 0.0 {
        bytes as f64 / 1e6 / (total / 1000.0)
    } else {
        0.0
    };
    writeln!(
        out,
        "analysis  {total:9.1} ms ({bytes} bytes, {mb_s:.2} MB/s)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_formats() {
        assert_eq!(reading_time(0), "0 s");
        assert_eq!(reading_time(61), "1 min 1 s");
    }

    #[test]
    fn empty_report_says_none() {
        let mut buf = Vec::new();
        let ok = summary(&mut buf, &Report::default()).is_ok();
        let text = String::from_utf8_lossy(&buf);
        assert!(ok);
        assert!(text.contains("characters      0"));
        // Three rankings and the entities; no phrases, quoted terms or articles sections.
        assert_eq!(text.matches("(none)").count(), 4);
        assert!(!text.contains("Articles") && !text.contains("Quoted"));
    }
}
