//! How far an analysis has got, for a progress bar: the stage running and an estimate of the
//! share of the work done.
//!
//! The engine cannot know how long a stage will take, so each stage is given the share of the
//! time it took on 1 MB of news text (`wenxi analyse --timings`, native); the entity stage, the
//! longest, also says how far into the text it is.

use serde::{Deserialize, Serialize};

/// The stages of an analysis, in the order they run (as [`crate::StageTimes::rows`] lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Normalize,
    Segment,
    Stats,
    Entities,
    Keywords,
    Articles,
    Cloud,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Normalize,
        Stage::Segment,
        Stage::Stats,
        Stage::Entities,
        Stage::Keywords,
        Stage::Articles,
        Stage::Cloud,
    ];

    /// The name [`crate::StageTimes::rows`] gives the stage.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Normalize => "normalize",
            Stage::Segment => "segment",
            Stage::Stats => "stats",
            Stage::Entities => "entities",
            Stage::Keywords => "keywords",
            Stage::Articles => "articles",
            Stage::Cloud => "cloud",
        }
    }

    /// The share of an analysis's time the stage takes (measured at 1 MB: normalize 10 ms,
    /// segment 47, stats 19, entities 220, keywords 31, articles 58, cloud 22; of 407).
    fn share(self) -> f64 {
        let ms = match self {
            Stage::Normalize => 10.0,
            Stage::Segment => 47.0,
            Stage::Stats => 19.0,
            Stage::Entities => 220.0,
            Stage::Keywords => 31.0,
            Stage::Articles => 58.0,
            Stage::Cloud => 22.0,
        };
        ms / 407.0
    }

    /// The share of the work done when the stage starts.
    fn starts_at(self) -> f64 {
        Stage::ALL
            .iter()
            .take_while(|&&s| s != self)
            .map(|s| s.share())
            .sum()
    }
}

/// Where an analysis is: `stage` is running and about `done` (0..=1) of the whole is done.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub stage: Stage,
    pub done: f64,
}

impl Progress {
    /// `stage` running, `within` (0..=1) of the way through it.
    pub fn at(stage: Stage, within: f64) -> Self {
        let within = if within.is_finite() {
            within.clamp(0.0, 1.0)
        } else {
            0.0
        };
        Progress {
            stage,
            done: (stage.starts_at() + within * stage.share()).min(1.0),
        }
    }
}

/// Where one analysis spent its time, in milliseconds per stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StageTimes {
    pub normalize_ms: f64,
    pub segment_ms: f64,
    pub stats_ms: f64,
    /// TF-IDF, TextRank and frequency rankings from the segmentation's tokens, phrases.
    pub keywords_ms: f64,
    /// Entity model or rules, times, quantities, works, tally and links.
    pub entities_ms: f64,
    pub cloud_ms: f64,
    /// Articles of a multi-article paste: finding them and analysing each.
    #[serde(default)]
    pub articles_ms: f64,
}

impl StageTimes {
    /// Each stage's name and milliseconds, in the order the stages run.
    pub fn rows(&self) -> [(&'static str, f64); 7] {
        Stage::ALL.map(|stage| (stage.name(), self.ms(stage)))
    }

    /// The milliseconds `stage` took.
    pub fn ms(&self, stage: Stage) -> f64 {
        match stage {
            Stage::Normalize => self.normalize_ms,
            Stage::Segment => self.segment_ms,
            Stage::Stats => self.stats_ms,
            Stage::Entities => self.entities_ms,
            Stage::Keywords => self.keywords_ms,
            Stage::Articles => self.articles_ms,
            Stage::Cloud => self.cloud_ms,
        }
    }

    /// All stages together, in milliseconds.
    pub fn total_ms(&self) -> f64 {
        self.rows().iter().map(|(_, ms)| ms).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_moves_forward_through_the_stages() {
        let mut last = -1.0;
        for stage in Stage::ALL {
            for within in [0.0, 0.5, 1.0] {
                let p = Progress::at(stage, within);
                assert!(p.done >= last, "{stage:?} {within}: {} < {last}", p.done);
                last = p.done;
            }
        }
        assert!(
            (last - 1.0).abs() < 1e-9,
            "the last stage ends at 1, not {last}"
        );
        assert_eq!(Progress::at(Stage::Normalize, 0.0).done, 0.0);
    }

    #[test]
    fn stage_names_are_the_timing_rows() {
        let rows = crate::StageTimes::default().rows();
        let names: Vec<&str> = rows.iter().map(|(n, _)| *n).collect();
        let ours: Vec<&str> = Stage::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(names, ours);
    }

    #[test]
    fn odd_fractions_stay_in_range() {
        for within in [f64::NAN, -3.0, 7.0, f64::INFINITY] {
            let p = Progress::at(Stage::Entities, within);
            assert!((0.0..=1.0).contains(&p.done));
        }
    }
}
