//! `wenxi`: the 文析 Chinese article analyser on the command line — a thin layer over
//! `wenxi-core`, the engine the web app runs in its worker.

mod input;
mod ner_model;
mod output;
mod user_dict;

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use wenxi_core::{Analyzer, Options};

#[derive(Debug, Parser)]
#[command(name = "wenxi", version, about = "文析: analyse Chinese articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Statistics, keywords (TF-IDF and TextRank), entities and the keyword cloud of a text.
    #[command(alias = "analyze")]
    Analyse {
        /// Input file (.txt in UTF-8, UTF-16 or GB18030, .md, .html, .docx; read as the page
        /// reads it); `-` or nothing reads standard input as UTF-8 text.
        file: Option<PathBuf>,
        /// Print the full report as JSON (the report the web page shows).
        #[arg(long)]
        json: bool,
        /// Print one table of the report as CSV (UTF-8 with BOM, as the page exports it).
        #[arg(long, value_name = "TABLE", conflicts_with = "json")]
        csv: Option<CsvTable>,
        /// Keywords per ranking.
        #[arg(long, default_value_t = 50)]
        top_k: usize,
        /// An extra stop word (repeatable).
        #[arg(long = "stopword", value_name = "WORD")]
        stopwords: Vec<String>,
        /// Print how long loading and each stage of the analysis took (to standard error).
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        dict: UserDictArg,
    },
    /// Segments each line into words: one line in, one line out, words separated by two
    /// spaces. The input's characters are kept as they are; runs of white space in the input
    /// are words of their own, so joining the words back (dropping one two-space separator
    /// between each pair) gives the line exactly. An empty line gives an empty line.
    Segment {
        /// Input file (.txt in UTF-8, UTF-16 or GB18030, .md, .html, .docx; read as the page
        /// reads it); `-` or nothing reads standard input as UTF-8 text.
        file: Option<PathBuf>,
        #[command(flatten)]
        dict: UserDictArg,
    },
    /// Tags named entities, one sentence per input line: one `char<TAB>TAG` line per
    /// non-white-space character (tags `O`, `B-PER`, `I-PER`, `B-LOC`, `B-ORG`, `B-TIME`,
    /// `B-QTY`, `B-WORK` …), then a blank line. An empty (or white-space) input line gives
    /// just the blank line, so output sentences stay aligned with input lines.
    Ner {
        /// Input file (.txt in UTF-8, UTF-16 or GB18030, .md, .html, .docx; read as the page
        /// reads it); `-` or nothing reads standard input as UTF-8 text.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Bio)]
        format: Format,
        #[command(flatten)]
        dict: UserDictArg,
    },
    /// The user's dictionary (jieba's format: one `word [frequency] [tag]` a line).
    #[command(subcommand)]
    Dict(DictCommand),
    /// Trains the entity model (PER, LOC, ORG) from the MSRA corpus, holding out every 10th
    /// sentence as the development split, optionally adding People's Daily 1998; prints the
    /// development-split scores. Deterministic: the same inputs give the same file.
    TrainNer {
        /// MSRA-style BIO file (`../shared/corpora/ner/msra_train.bio`).
        #[arg(long)]
        msra: PathBuf,
        /// People's Daily 1998 file (`../shared/corpora/pd1998/199801.txt`).
        #[arg(long)]
        pd1998: Option<PathBuf>,
        /// Passes over the training data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        #[arg(long, value_enum, default_value_t = SchemeArg::Bioes)]
        scheme: SchemeArg,
        /// The feature hash table has 2^BITS buckets.
        #[arg(long, default_value_t = 19, value_parser = clap::value_parser!(u8).range(8..=24))]
        hash_bits: u8,
        /// Where to write the model (`crates/core/models/ner.bin` is the committed one).
        #[arg(long)]
        out: PathBuf,
    },
    /// Writes the lexicon the engine loads (`crates/core/models/lexicon.bin`): jieba's
    /// dictionary and IDF table in one compact file. Deterministic: the same files give the
    /// same bytes.
    BuildLexicon {
        /// jieba's dictionary, `word freq tag` a line (jieba-rs 0.11's `src/data/dict.txt`).
        #[arg(long)]
        dict: PathBuf,
        /// jieba's IDF table, `word idf` a line (jieba-rs 0.11's `src/data/idf.txt`).
        #[arg(long)]
        idf: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Scores the entity model on an MSRA-style BIO file: exact-match precision, recall and
    /// F1 per type (PER, LOC, ORG) and micro-averaged.
    EvalNer {
        /// BIO file: one `char<TAB>tag` a line, a blank line between sentences (or, with
        /// `--pd1998`, People's Daily 1998 in its word/POS format).
        file: PathBuf,
        /// Read FILE as People's Daily 1998 (nr → PER, ns → LOC, nt → ORG): real news the
        /// model was not trained on, annotated by other conventions.
        #[arg(long)]
        pd1998: bool,
        /// Score only every 10th sentence (the development split held out from training).
        #[arg(long)]
        dev_split: bool,
        /// A model file to score instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum DictCommand {
    /// Prints each line that cannot be used (with its number and why) and a summary: N words,
    /// M problems. Exits with status 1 when there is any problem.
    Check {
        /// The dictionary file.
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
struct UserDictArg {
    /// Words to keep whole, in jieba's user-dictionary format (`word [frequency] [tag]` a
    /// line). Unusable lines are reported on standard error and left out.
    #[arg(long = "user-dict", value_name = "FILE")]
    user_dict: Option<PathBuf>,
}

/// The engine with the embedded entity model and the user's words of `dict`, if any.
fn engine(dict: Option<&Path>) -> Result<Analyzer> {
    let mut analyzer = Analyzer::with_embedded_model();
    if let Some(path) = dict {
        analyzer.set_user_words(&user_dict::load(path, &mut io::stderr())?);
    }
    Ok(analyzer)
}

/// Tag scheme of a trained entity model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemeArg {
    /// B-X, I-X, O.
    Bio,
    /// B-X, I-X, E-X, S-X, O.
    Bioes,
}

/// The tables `wenxi analyse --csv` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CsvTable {
    Keywords,
    Entities,
    Stats,
    Phrases,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One `char<TAB>TAG` line per character, a blank line after each sentence.
    Bio,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => report(err),
    }
}

/// Says what went wrong; the status is 1 (0 for a closed pipe, as in `wenxi segment big.txt |
/// head`, which is not an error worth reporting).
fn report(err: anyhow::Error) -> ExitCode {
    if let Some(io_err) = err.downcast_ref::<io::Error>() {
        if io_err.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    eprintln!("wenxi: {err:#}");
    ExitCode::FAILURE
}

fn run(cli: Cli) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cli.command {
        Command::Analyse {
            file,
            json,
            csv,
            top_k,
            stopwords,
            timings,
            dict,
        } => {
            let text = input::read(file.as_deref(), &mut io::stderr())?;
            let options = Options {
                top_k,
                extra_stopwords: stopwords,
                ..Options::default()
            };
            let started = std::time::Instant::now();
            let clock = || started.elapsed().as_secs_f64() * 1000.0;
            let analyzer = engine(dict.user_dict.as_deref())?;
            let loaded_ms = clock();
            let (report, stages) = analyzer.analyse_timed(&text, &options, &clock);
            if timings {
                output::timings(&mut io::stderr(), text.len(), loaded_ms, &stages)?;
            }
            if let Some(table) = csv {
                use wenxi_core::export::{csv_entities, csv_keywords, csv_phrases, csv_stats};
                let csv = match table {
                    CsvTable::Keywords => csv_keywords(&report),
                    CsvTable::Entities => csv_entities(&report),
                    CsvTable::Stats => csv_stats(&report),
                    CsvTable::Phrases => csv_phrases(&report),
                };
                out.write_all(csv.as_bytes())?;
            } else if json {
                serde_json::to_writer_pretty(&mut out, &report)
                    .context("writing the JSON report")?;
                writeln!(out)?;
            } else {
                output::summary(&mut out, &report)?;
            }
        }
        Command::Segment { file, dict } => {
            let text = input::read(file.as_deref(), &mut io::stderr())?;
            let analyzer = engine(dict.user_dict.as_deref())?;
            for line in input::lines(&text) {
                writeln!(out, "{}", analyzer.segment(line).join("  "))?;
            }
        }
        Command::Ner { file, format, dict } => {
            let text = input::read(file.as_deref(), &mut io::stderr())?;
            let analyzer = engine(dict.user_dict.as_deref())?;
            match format {
                Format::Bio => {
                    for line in input::lines(&text) {
                        for (c, tag) in analyzer.ner_bio(line) {
                            writeln!(out, "{c}\t{tag}")?;
                        }
                        writeln!(out)?;
                    }
                }
            }
        }
        Command::TrainNer {
            msra,
            pd1998,
            epochs,
            scheme,
            hash_bits,
            out: path,
        } => {
            let args = ner_model::TrainArgs {
                msra,
                pd1998,
                epochs,
                scheme: match scheme {
                    SchemeArg::Bio => wenxi_core::ner::Scheme::Bio,
                    SchemeArg::Bioes => wenxi_core::ner::Scheme::Bioes,
                },
                hash_bits,
                out: path,
            };
            ner_model::train(&args, &mut io::stderr())?;
        }
        Command::BuildLexicon {
            dict,
            idf,
            out: path,
        } => build_lexicon(&dict, &idf, &path, &mut out)?,
        Command::EvalNer {
            file,
            pd1998,
            dev_split,
            model,
        } => ner_model::eval(&file, pd1998, dev_split, model.as_deref(), &mut out)?,
        Command::Dict(DictCommand::Check { file }) => {
            let clean = user_dict::check(&file, &mut out)?;
            out.flush()?;
            return Ok(if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `wenxi build-lexicon`: reads jieba's two files, writes the lexicon, and checks that it reads
/// back as what was read.
fn build_lexicon(dict: &Path, idf: &Path, path: &Path, out: &mut impl Write) -> Result<()> {
    let read =
        |p: &Path| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()));
    let lexicon = wenxi_core::lexicon::from_sources(&read(dict)?, &read(idf)?)
        .map_err(|e| anyhow::anyhow!(e))?;
    let bytes = lexicon.to_bytes();
    let back = wenxi_core::lexicon::Lexicon::from_bytes(&bytes).map_err(|e| anyhow::anyhow!(e))?;
    anyhow::ensure!(
        back == lexicon,
        "the written lexicon does not read back the same"
    );
    std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    writeln!(
        out,
        "{}: {} bytes; {} words ({} in the dictionary, total frequency {}; {} with an IDF, median {})",
        path.display(),
        bytes.len(),
        lexicon.len(),
        lexicon.dict_len(),
        lexicon.total_freq(),
        lexicon.idf_len(),
        lexicon.median_idf()
    )?;
    Ok(())
}
