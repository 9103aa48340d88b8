//! The keyword cloud's part of the page state: the reader's choices (kept in the settings), the
//! precise cloud the worker laid out for the current report, and the request to send.
//!
//! The report arrives with a cloud laid out from estimated glyphs; the page shows it at once and
//! asks the worker for a cloud measured in the reader's font, with the reader's options, after
//! every report and every change of a choice that moves words. Answers to older requests are
//! ignored, so a reader clicking quickly through the options ends on the last one.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wenxi_core::cloud::{CloudOptions, Shape, ShapeMask};
use wenxi_core::Cloud;

use super::settings::{KeywordMethod, Settings};
use crate::protocol::Request;

/// The most words a cloud may hold (the engine clamps to the same).
pub const MAX_WORDS: usize = 300;

/// The colours words take (the page maps each to its colours).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Palette {
    #[default]
    Default,
    /// Okabe and Ito's colours, told apart with every common colour-vision deficiency.
    ColorBlind,
    Mono,
    Warm,
    Cool,
}

impl Palette {
    pub const ALL: [Palette; 5] = [
        Palette::Default,
        Palette::ColorBlind,
        Palette::Mono,
        Palette::Warm,
        Palette::Cool,
    ];
}

/// What is behind the words, on screen and in exported files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Background {
    #[default]
    Transparent,
    White,
    Dark,
}

impl Background {
    pub const ALL: [Background; 3] = [Background::Transparent, Background::White, Background::Dark];

    /// The CSS colour painted behind the words, if any.
    pub fn colour(self) -> Option<&'static str> {
        match self {
            Background::Transparent => None,
            Background::White => Some("#ffffff"),
            Background::Dark => Some("#1b1f24"),
        }
    }
}

/// The reader's cloud choices, kept with the other settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudSettings {
    /// How the worker lays the cloud out.
    pub options: CloudOptions,
    /// The CSS font family the words are measured and drawn in; empty for the default list.
    pub font: String,
    pub palette: Palette,
    pub background: Background,
}

impl CloudSettings {
    /// Values the page would never have stored, brought into range (a hand-edited file, an
    /// older page).
    pub fn cleaned(mut self) -> CloudSettings {
        let o = &mut self.options;
        let defaults = CloudOptions::default();
        o.max_words = o.max_words.clamp(1, MAX_WORDS);
        if !(64..=4096).contains(&o.width) || !(64..=4096).contains(&o.height) {
            (o.width, o.height) = (defaults.width, defaults.height);
        }
        if !(o.min_font.is_finite() && o.max_font.is_finite())
            || o.min_font < 4.0
            || o.max_font < o.min_font
            || o.max_font > 400.0
        {
            (o.min_font, o.max_font) = (defaults.min_font, defaults.max_font);
        }
        o.padding = o.padding.min(16);
        self.font = self
            .font
            .chars()
            .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';' | '{' | '}'))
            .take(64)
            .collect::<String>()
            .trim()
            .to_string();
        self
    }

    /// True when going from `self` to `other` moves words (colours and background do not).
    pub fn moves_words(&self, other: &CloudSettings) -> bool {
        self.options != other.options || self.font != other.font
    }
}

/// One change the reader makes to the cloud.
#[derive(Debug, Clone, PartialEq)]
pub enum CloudEdit {
    /// New choices (the panel sends them whole).
    Choose(CloudSettings),
    /// The reader's image as a mask (the page packed it); the shape becomes `Mask`. `None`
    /// forgets it and goes back to the default shape.
    Mask(Option<Rc<ShapeMask>>),
}

/// The cloud slot of [`AppState`](super::AppState).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CloudSlot {
    /// The cloud the worker laid out for the current report (`None`: show the report's own).
    pub cloud: Option<Rc<Cloud>>,
    /// The layout's time in the worker for `cloud`.
    pub layout_ms: Option<f64>,
    /// The reader's mask image, packed to the cloud's size (kept for this visit only).
    pub mask: Option<Rc<ShapeMask>>,
    /// The request to send now (an effect in `App` sends it).
    pub outgoing: Option<Rc<Request>>,
    /// The id of the newest request: only its answer is shown.
    pub last_id: u64,
    /// The live worker holds the analysis the report came from (a replaced one does not, and
    /// would lay out nothing).
    pub worker_has_report: bool,
    /// The layout size that fits the screen when it is narrower than the options' size (a
    /// phone): words are then laid out at the size they are seen, not shrunk with the picture.
    pub fitted_size: Option<(u32, u32)>,
}

/// Panels at least this wide (CSS px) show the cloud at the options' own size, scaled down a
/// little if need be; narrower ones get a layout of their own size.
pub const FIT_BELOW_PX: u32 = 560;

/// The layout size for a panel `width` px wide: `None` for the options' own size, else a square
/// as wide as the panel (a phone has more room down than across).
pub fn fitted_size(width: u32) -> Option<(u32, u32)> {
    (width > 0 && width < FIT_BELOW_PX).then(|| {
        let side = width.max(240);
        (side, side)
    })
}

impl CloudSlot {
    /// A new report: its own cloud shows until the worker's arrives.
    pub fn report_arrived(&mut self) {
        self.cloud = None;
        self.layout_ms = None;
        self.worker_has_report = true;
    }

    /// The worker was replaced: it no longer holds the keywords.
    pub fn worker_replaced(&mut self) {
        self.worker_has_report = false;
        self.outgoing = None;
    }

    /// Asks for a cloud with `settings`, when the worker can lay one out.
    pub fn request(&mut self, settings: &CloudSettings, ranking: KeywordMethod) {
        if !self.worker_has_report {
            return;
        }
        self.last_id += 1;
        let mut options = settings.options.clone();
        if let Some((width, height)) = self.fitted_size {
            (options.width, options.height) = (width, height);
        }
        let mask = match settings.options.shape {
            Shape::Mask => self.mask.as_deref().cloned(),
            _ => None,
        };
        self.outgoing = Some(Rc::new(Request::Cloud {
            id: self.last_id,
            options,
            font: settings.font.clone(),
            mask,
            ranking,
        }));
    }

    /// The worker's answer to request `id`; returns false when it is stale.
    pub fn answered(&mut self, id: u64, cloud: Cloud, layout_ms: f64) -> bool {
        if id != self.last_id || !self.worker_has_report {
            return false;
        }
        self.cloud = Some(Rc::new(cloud));
        self.layout_ms = Some(layout_ms);
        true
    }
}

impl super::AppState {
    /// Applies the reader's cloud edit; false when nothing changed.
    pub(super) fn edit_cloud(&mut self, edit: CloudEdit) -> bool {
        let before = self.settings.cloud.clone();
        let mut chosen = before.clone();
        let mut mask_changed = false;
        match edit {
            CloudEdit::Choose(settings) => chosen = settings.cleaned(),
            CloudEdit::Mask(mask) => {
                chosen.options.shape = match mask {
                    Some(_) => Shape::Mask,
                    None => Shape::default(),
                };
                mask_changed = mask != self.cloud.mask;
                self.cloud.mask = mask;
            }
        }
        if chosen == before && !mask_changed {
            return false;
        }
        let moves = mask_changed || before.moves_words(&chosen);
        let mut settings = (*self.settings).clone();
        settings.cloud = chosen;
        self.settings = Rc::new(settings);
        if moves {
            self.cloud
                .request(&self.settings.cloud, self.settings.display.keyword_method);
        }
        true
    }

    /// The cloud panel's width changed; false when its layout size stays the same.
    pub(super) fn cloud_panel_width(&mut self, width: u32) -> bool {
        let size = fitted_size(width);
        if size == self.cloud.fitted_size {
            return false;
        }
        self.cloud.fitted_size = size;
        self.cloud
            .request(&self.settings.cloud, self.settings.display.keyword_method);
        true
    }

    /// New settings: the text is analysed again when what the engine is told changed (only a
    /// text the reader has seen analysed), the cloud laid out again when its choices move words.
    pub(super) fn take_settings(&mut self, settings: Rc<Settings>, now_ms: f64) {
        let reanalyse = !settings.same_analysis(&self.settings);
        let relayout = self.settings.cloud.moves_words(&settings.cloud)
            || self.settings.display.keyword_method != settings.display.keyword_method;
        self.settings = settings;
        if reanalyse && (self.report.is_some() || self.wanted) {
            self.analyse(now_ms);
        }
        if relayout {
            self.cloud
                .request(&self.settings.cloud, self.settings.display.keyword_method);
        }
    }
}

#[cfg(test)]
#[path = "cloud/tests.rs"]
mod tests;
