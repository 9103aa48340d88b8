//! Why a file cannot be read, said tersely in English (`Display`, for logs and the command line)
//! and as sentences for the page in plain Chinese and plain English, each with what to do next.

use std::fmt;

/// A file that gives no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// No text in it (zero bytes, only white space, or a document with only images).
    Empty,
    /// Bigger than [`crate::MAX_FILE_BYTES`]; refused before reading.
    TooLarge { bytes: usize, limit: usize },
    /// A kind of file wenxi does not read.
    NotSupported { what: Unsupported },
    /// Not text: NUL bytes, many control characters, or bytes no encoding makes sense of.
    Binary,
    /// Named or shaped like a Word document but cannot be read as one.
    BrokenDocx { why: DocxProblem },
}

/// File kinds recognised (by their first bytes or their extension) and refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    Pdf,
    /// An OLE compound file: old Word `.doc` (also `.xls`, `.ppt`), or a password-protected
    /// Office file.
    OldOffice,
    Xlsx,
    Pptx,
    OpenDocument,
    Epub,
    Rtf,
    Image,
    Archive,
    Executable,
    Audio,
    Video,
}

/// What is wrong with a `.docx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocxProblem {
    /// The bytes are not a zip archive at all.
    NotZip,
    /// The zip is cut short or its directory points outside the file.
    Truncated,
    /// A zip without `word/document.xml`.
    NoDocument,
    /// The document's XML is not well formed.
    BadXml,
    /// Unpacked it would be implausibly big (a zip bomb, or a lying size).
    TooBig,
    /// An entry is stored with a compression method other than deflate, or is encrypted.
    UnsupportedCompression,
    /// Compressed data that does not inflate.
    Corrupt,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unsupported::Pdf => "a PDF file",
            Unsupported::OldOffice => {
                "an old Office file (.doc/.xls/.ppt) or a password-protected Office file"
            }
            Unsupported::Xlsx => "an Excel workbook (.xlsx)",
            Unsupported::Pptx => "a PowerPoint presentation (.pptx)",
            Unsupported::OpenDocument => "an OpenDocument file (.odt/.ods/.odp)",
            Unsupported::Epub => "an EPUB e-book",
            Unsupported::Rtf => "an RTF document",
            Unsupported::Image => "an image",
            Unsupported::Archive => "an archive (zip, gzip, 7z, rar…)",
            Unsupported::Executable => "a program (executable)",
            Unsupported::Audio => "an audio file",
            Unsupported::Video => "a video file",
        })
    }
}

impl Unsupported {
    fn zh(self) -> &'static str {
        match self {
            Unsupported::Pdf => "这是 PDF 文件，文析暂不能读取。请在 PDF 阅读器中复制文字后粘贴。",
            Unsupported::OldOffice => {
                "这是旧版 Office 文件（.doc/.xls/.ppt）或加了密码的 Office 文件，文析暂不能读取。请在 Word 中另存为 .docx（不加密码），或复制文字后粘贴。"
            }
            Unsupported::Xlsx => "这是 Excel 表格（.xlsx），文析暂不能读取。请复制需要分析的文字后粘贴。",
            Unsupported::Pptx => "这是 PowerPoint 演示文稿（.pptx），文析暂不能读取。请复制幻灯片中的文字后粘贴。",
            Unsupported::OpenDocument => "这是 OpenDocument 文件（.odt 等），文析暂不能读取。请另存为 .docx 或纯文本后再打开。",
            Unsupported::Epub => "这是 EPUB 电子书，文析暂不能读取。请复制章节文字后粘贴。",
            Unsupported::Rtf => "这是 RTF 文档，文析暂不能读取。请另存为 .docx 或纯文本后再打开。",
            Unsupported::Image => "这是图片文件，文析不能识别图片中的文字。请使用文字识别（OCR）工具后粘贴文字。",
            Unsupported::Archive => "这是压缩包，文析不能读取。请先解压，再打开其中的文本文件。",
            Unsupported::Executable => "这是程序文件，不是文章。请打开文本、Markdown、网页或 Word（.docx）文件。",
            Unsupported::Audio => "这是音频文件，不是文章。请打开文本、Markdown、网页或 Word（.docx）文件。",
            Unsupported::Video => "这是视频文件，不是文章。请打开文本、Markdown、网页或 Word（.docx）文件。",
        }
    }
}

impl fmt::Display for DocxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocxProblem::NotZip => "it is not a zip archive",
            DocxProblem::Truncated => "the file is cut short or its zip directory is damaged",
            DocxProblem::NoDocument => "it has no word/document.xml",
            DocxProblem::BadXml => "its document XML is malformed",
            DocxProblem::TooBig => "it would unpack to an implausible size (a zip bomb?)",
            DocxProblem::UnsupportedCompression => {
                "it uses a compression method or encryption wenxi cannot read"
            }
            DocxProblem::Corrupt => "its compressed data is damaged",
        })
    }
}

impl DocxProblem {
    fn zh(self) -> &'static str {
        match self {
            DocxProblem::NotZip => "它其实不是 Word 文档（.docx 应是 zip 格式）",
            DocxProblem::Truncated => "文件不完整（可能下载或复制时中断）",
            DocxProblem::NoDocument => "文件里没有 Word 正文（word/document.xml）",
            DocxProblem::BadXml => "文档内容已损坏",
            DocxProblem::TooBig => "解压后会大得异常，可能是恶意文件",
            DocxProblem::UnsupportedCompression => "它使用了文析不支持的压缩方式或加密",
            DocxProblem::Corrupt => "压缩数据已损坏",
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => {
                f.write_str("the file has no text; open another file or paste the text")
            }
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {} MB, over the limit of {} MB; split it or paste a part",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ImportError::NotSupported { what } => write!(
                f,
                "this is {what}, which wenxi cannot read; copy its text and paste it, or save it as .txt or .docx"
            ),
            ImportError::Binary => f.write_str(
                "this is not a text file; open a .txt, .md, .html or .docx file, or paste the text",
            ),
            ImportError::BrokenDocx { why } => write!(
                f,
                "cannot read this Word document: {why}; open and save it again in Word, or paste its text"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// The error in plain Chinese for the page, with what to do next.
    pub fn message_zh(&self) -> String {
        match self {
            ImportError::Empty => "文件中没有文字。请换一个文件，或直接粘贴文字。".to_string(),
            ImportError::TooLarge { bytes, limit } => format!(
                "文件有 {} MB，超过了 {} MB 的上限。请拆分文件，或只粘贴其中一部分。",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ImportError::NotSupported { what } => what.zh().to_string(),
            ImportError::Binary => {
                "这不是文本文件。请打开文本（.txt）、Markdown、网页（.html）或 Word（.docx）文件，或直接粘贴文字。"
                    .to_string()
            }
            ImportError::BrokenDocx { why } => format!(
                "无法读取这个 Word 文档：{}。请在 Word 中打开并重新保存，或复制文字后粘贴。",
                why.zh()
            ),
        }
    }
}

impl Unsupported {
    fn en(self) -> &'static str {
        match self {
            Unsupported::Pdf => "This is a PDF file, which wenxi cannot read yet. Copy the text in a PDF reader and paste it.",
            Unsupported::OldOffice => {
                "This is an old Office file (.doc/.xls/.ppt) or a password-protected Office file, which wenxi cannot read yet. Save it in Word as .docx (without a password), or copy the text and paste it."
            }
            Unsupported::Xlsx => "This is an Excel workbook (.xlsx), which wenxi cannot read yet. Copy the text to analyse and paste it.",
            Unsupported::Pptx => "This is a PowerPoint presentation (.pptx), which wenxi cannot read yet. Copy the text of the slides and paste it.",
            Unsupported::OpenDocument => "This is an OpenDocument file (.odt etc.), which wenxi cannot read yet. Save it as .docx or plain text and open that.",
            Unsupported::Epub => "This is an EPUB e-book, which wenxi cannot read yet. Copy the text of a chapter and paste it.",
            Unsupported::Rtf => "This is an RTF document, which wenxi cannot read yet. Save it as .docx or plain text and open that.",
            Unsupported::Image => "This is an image; wenxi cannot read text in images. Use a text recognition (OCR) tool and paste the text.",
            Unsupported::Archive => "This is an archive, which wenxi cannot read. Unpack it first, then open a text file from it.",
            Unsupported::Executable => "This is a program, not an article. Open a text, Markdown, web page or Word (.docx) file.",
            Unsupported::Audio => "This is an audio file, not an article. Open a text, Markdown, web page or Word (.docx) file.",
            Unsupported::Video => "This is a video file, not an article. Open a text, Markdown, web page or Word (.docx) file.",
        }
    }
}

impl DocxProblem {
    fn en(self) -> &'static str {
        match self {
            DocxProblem::NotZip => "it is not really a Word document (a .docx is a zip archive)",
            DocxProblem::Truncated => {
                "the file is incomplete (perhaps a download or copy was cut short)"
            }
            DocxProblem::NoDocument => "it holds no Word body text (word/document.xml)",
            DocxProblem::BadXml => "the document's content is damaged",
            DocxProblem::TooBig => {
                "it would unpack to an abnormal size, so it may be a malicious file"
            }
            DocxProblem::UnsupportedCompression => {
                "it uses compression or encryption wenxi does not support"
            }
            DocxProblem::Corrupt => "its compressed data is damaged",
        }
    }
}

impl ImportError {
    /// The error in plain English for the page, with what to do next.
    pub fn message_en(&self) -> String {
        match self {
            ImportError::Empty => {
                "The file holds no text. Choose another file, or paste the text.".to_string()
            }
            ImportError::TooLarge { bytes, limit } => format!(
                "The file is {} MB, over the limit of {} MB. Split the file, or paste only a part of it.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ImportError::NotSupported { what } => what.en().to_string(),
            ImportError::Binary => {
                "This is not a text file. Open a text (.txt), Markdown, web page (.html) or Word (.docx) file, or paste the text."
                    .to_string()
            }
            ImportError::BrokenDocx { why } => format!(
                "Cannot read this Word document: {}. Open it in Word and save it again, or copy the text and paste it.",
                why.en()
            ),
        }
    }
}

/// Whole megabytes, rounded up so a file just over the limit never reads as equal to it.
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1 << 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every refusal, for checking both languages of each.
    fn every_error() -> Vec<ImportError> {
        use Unsupported::*;
        let mut errors = vec![
            ImportError::Empty,
            ImportError::Binary,
            ImportError::TooLarge {
                bytes: 65 << 20,
                limit: 64 << 20,
            },
        ];
        for what in [
            Pdf,
            OldOffice,
            Xlsx,
            Pptx,
            OpenDocument,
            Epub,
            Rtf,
            Image,
            Archive,
            Executable,
            Audio,
            Video,
        ] {
            errors.push(ImportError::NotSupported { what });
        }
        use DocxProblem::*;
        for why in [
            NotZip,
            Truncated,
            NoDocument,
            BadXml,
            TooBig,
            UnsupportedCompression,
            Corrupt,
        ] {
            errors.push(ImportError::BrokenDocx { why });
        }
        errors
    }

    #[test]
    fn every_refusal_is_a_sentence_in_each_language() {
        for error in every_error() {
            let (zh, en) = (error.message_zh(), error.message_en());
            assert!(zh.ends_with('。'), "{zh}");
            assert!(en.ends_with('.'), "{en}");
            assert!(en.starts_with(|c: char| c.is_ascii_uppercase()), "{en}");
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "Chinese in the English message: {en}"
            );
        }
        let too_large = ImportError::TooLarge {
            bytes: (64 << 20) + 1,
            limit: 64 << 20,
        };
        assert!(
            too_large.message_en().contains("65 MB") && too_large.message_en().contains("64 MB")
        );
    }
}
