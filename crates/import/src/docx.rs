//! Word (.docx): the text of `word/document.xml`, read with a real XML reader, with footnotes
//! and endnotes appended under a line "注释".

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;

use crate::error::{DocxProblem, ImportError};
use crate::zip::Archive;
use crate::{Format, Imported, Note};

/// All XML unpacked from one file together stays under this (document, footnotes, endnotes).
const MAX_UNPACKED: u64 = 256 << 20;

fn broken(why: DocxProblem) -> ImportError {
    ImportError::BrokenDocx { why }
}

pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let archive = Archive::open(bytes).map_err(broken)?;
    let mut budget = MAX_UNPACKED;
    let document = archive
        .read("word/document.xml", &mut budget)
        .map_err(broken)?
        .ok_or(broken(DocxProblem::NoDocument))?;
    let mut body = Walker::default();
    body.walk(&xml_text(&document)?)?;

    let mut notes = Walker::default();
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = archive.read(part, &mut budget).map_err(broken)? {
            notes.walk(&xml_text(&xml)?)?;
        }
    }

    let mut text = body.out.trim_end().to_string();
    let mut found = Vec::new();
    if notes.notes > 0 {
        text.push_str("\n\n注释\n");
        text.push_str(notes.out.trim());
        found.push(Note::NotesAppended { count: notes.notes });
    }
    let deletions = body.deletions + notes.deletions;
    if deletions > 0 {
        found.push(Note::DeletionsLeftOut { count: deletions });
    }
    let objects = body.objects + notes.objects;
    if objects > 0 {
        found.push(Note::ObjectsSkipped { count: objects });
    }
    Ok(Imported {
        text,
        format: Format::Docx,
        encoding: "UTF-8",
        notes: found,
    })
}

/// The XML part as text: UTF-8 (what Word writes), or UTF-16 with a byte-order mark.
fn xml_text(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, malformed) =
            encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        if malformed {
            return Err(broken(DocxProblem::BadXml));
        }
        return Ok(text);
    }
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|_| broken(DocxProblem::BadXml))
}

/// Where a table is: cells are separated by tabs, rows end lines.
#[derive(Default)]
struct Table {
    cells_in_row: usize,
    in_cell: bool,
}

/// Walks WordprocessingML, writing the visible text.
#[derive(Default)]
struct Walker {
    out: String,
    /// Inside `<w:t>` (or `<m:t>`): its text is the document's.
    in_text: bool,
    /// Inside a run, where `<w:tab/>` is a tab (elsewhere it defines a tab stop).
    runs: usize,
    /// Inside moved-away text or a compatibility fallback (a duplicate of the content).
    skipping: usize,
    tables: Vec<Table>,
    /// Where the current footnote or endnote started in `out`.
    note_start: Option<usize>,
    notes: usize,
    deletions: usize,
    objects: usize,
}

impl Walker {
    fn walk(&mut self, xml: &str) -> Result<(), ImportError> {
        let mut reader = Reader::from_str(xml);
        loop {
            let event = reader
                .read_event()
                .map_err(|_| broken(DocxProblem::BadXml))?;
            match event {
                Event::Start(e) => self.start(e.local_name().as_ref()),
                Event::Empty(e) => {
                    let name = e.local_name();
                    self.start(name.as_ref());
                    self.end(name.as_ref());
                }
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Text(t) if self.visible() => self.out.push_str(&t.xml10_content()),
                Event::CData(t) if self.visible() => self.out.push_str(&t.into_inner()),
                Event::GeneralRef(r) if self.visible() => push_reference(&mut self.out, &r),
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn visible(&self) -> bool {
        self.in_text && self.skipping == 0
    }

    fn in_cell(&self) -> bool {
        self.tables.last().is_some_and(|t| t.in_cell)
    }

    fn start(&mut self, name: &str) {
        match name {
            "moveFrom" | "Fallback" => {
                self.skipping += 1;
                if name == "moveFrom" {
                    self.deletions += 1;
                }
            }
            _ if self.skipping > 0 => {}
            "t" => self.in_text = true,
            "r" => self.runs += 1,
            "tab" | "ptab" if self.runs > 0 => self.out.push('\t'),
            "br" | "cr" if self.runs > 0 => self.out.push('\n'),
            "noBreakHyphen" => self.out.push('-'),
            "del" => self.deletions += 1,
            "drawing" | "pict" | "object" => self.objects += 1,
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cells_in_row = 0;
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if t.cells_in_row > 0 {
                        self.out.push('\t');
                    }
                    t.cells_in_row += 1;
                    t.in_cell = true;
                }
            }
            "footnote" | "endnote" => self.note_start = Some(self.out.len()),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "moveFrom" | "Fallback" => self.skipping = self.skipping.saturating_sub(1),
            _ if self.skipping > 0 => {}
            "t" => self.in_text = false,
            "r" => self.runs = self.runs.saturating_sub(1),
            // Paragraphs within one cell stay on the row's line.
            "p" if self.in_cell() => self.out.push(' '),
            "p" => self.out.push('\n'),
            "tc" => {
                trim_spaces(&mut self.out);
                if let Some(t) = self.tables.last_mut() {
                    t.in_cell = false;
                }
            }
            "tr" => self.out.push('\n'),
            "tbl" => {
                self.tables.pop();
            }
            "footnote" | "endnote" => {
                if let Some(start) = self.note_start.take() {
                    if self.out.get(start..).is_some_and(|s| !s.trim().is_empty()) {
                        self.notes += 1;
                    } else {
                        self.out.truncate(start);
                    }
                }
            }
            _ => {}
        }
    }
}

fn trim_spaces(out: &mut String) {
    let kept = out.trim_end_matches(' ').len();
    out.truncate(kept);
}

/// `&amp;`, `&#x4E2D;`…; anything else stays as written.
fn push_reference(out: &mut String, r: &BytesRef<'_>) {
    match r.resolve_char_ref() {
        Ok(Some(c)) => out.push(c),
        Err(_) => out.push('\u{fffd}'),
        Ok(None) => match resolve_predefined_entity(r) {
            Some(s) => out.push_str(s),
            None => {
                out.push('&');
                out.push_str(r);
                out.push(';');
            }
        },
    }
}
