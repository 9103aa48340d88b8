//! The user's dictionary: words the segmenter must keep whole (a name, a term of the trade),
//! in jieba's user-dictionary format, one `word [freq] [tag]` a line.

use serde::{Deserialize, Serialize};

/// One word of the user's dictionary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct UserWord {
    pub word: String,
    /// jieba's frequency; `None` lets jieba choose one high enough to keep the word whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<usize>,
    /// Part-of-speech tag (jieba/ICTCLAS tag set); `None` means `n`... as jieba decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}
