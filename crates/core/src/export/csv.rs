//! The one CSV writer every export uses: UTF-8 with a byte-order mark (so Excel and WPS read
//! Chinese as UTF-8, not the system code page), CRLF line ends and RFC 4180 quoting, with text
//! cells that a spreadsheet would run as a formula neutralised.

/// Makes Excel and WPS read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// Characters that make a spreadsheet read a cell as a formula (or, for TAB and CR, that
/// Excel strips before looking for one), after OWASP's advice on CSV injection.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text from the report (a term, an entity, a label): quoted and neutralised as needed.
    Text(&'a str),
    /// A count or position.
    Count(usize),
    /// A score or measure. Every number the report holds is finite and not negative (scores
    /// are 0..=1, entropies and log-likelihoods ≥ 0), so a number we write never starts with
    /// `-` and is written as it is, unprefixed, for the spreadsheet to compute with.
    Number(f64),
    /// Nothing known (a term without a TextRank score).
    Empty,
}

/// A CSV file being written, header first.
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// Starts a file with the byte-order mark and the header row.
    pub fn new(header: &[&str]) -> Self {
        let mut writer = CsvWriter {
            out: String::from(BOM),
        };
        let cells: Vec<Cell> = header.iter().map(|h| Cell::Text(h)).collect();
        writer.row(&cells);
        writer
    }

    /// Appends one row, ended by CRLF.
    pub fn row(&mut self, cells: &[Cell]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match cell {
                Cell::Text(text) => push_text(&mut self.out, text),
                Cell::Count(n) => self.out.push_str(&n.to_string()),
                Cell::Number(x) if x.is_finite() => self.out.push_str(&x.to_string()),
                // NaN or infinity would be text a spreadsheet cannot use: leave the cell empty.
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A text cell: a leading `'` when it would start a formula, then quoted when it holds a quote,
/// a comma or a line break (RFC 4180: quotes doubled inside).
fn push_text(out: &mut String, text: &str) {
    let neutralise = text.starts_with(FORMULA_STARTS);
    let quote = text.contains(['"', ',', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if neutralise {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_cell(text: &str) -> String {
        let mut w = CsvWriter { out: String::new() };
        w.row(&[Cell::Text(text)]);
        w.finish()
    }

    #[test]
    fn a_file_starts_with_the_bom_and_ends_rows_with_crlf() {
        let mut w = CsvWriter::new(&["a", "b"]);
        w.row(&[Cell::Count(1), Cell::Number(0.5)]);
        assert_eq!(w.finish(), "\u{feff}a,b\r\n1,0.5\r\n");
    }

    #[test]
    fn formula_starts_are_neutralised_and_quoted_where_needed() {
        assert_eq!(one_cell("=SUM(A1)"), "'=SUM(A1)\r\n");
        assert_eq!(one_cell("\r=1"), "\"'\r=1\"\r\n");
        assert_eq!(one_cell("a=b"), "a=b\r\n");
    }

    #[test]
    fn numbers_are_never_prefixed() {
        let mut w = CsvWriter { out: String::new() };
        w.row(&[Cell::Number(0.0), Cell::Number(f64::NAN), Cell::Empty]);
        assert_eq!(w.finish(), "0,,\r\n");
    }
}
