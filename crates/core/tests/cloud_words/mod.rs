//! Made-up cloud inputs shared by `tests/cloud.rs` and `benches/cloud.rs`: Chinese terms of one
//! to six chars, some Latin, a few very long, with scores spread out or skewed.

// Each test crate and the benchmark use a part of this.
#![allow(dead_code)]

use wenxi_core::cloud::CloudInput;

pub mod check;

const CHARS: &str = "城市发展经济数据模型农业教育文化科技交通能源环境医疗安全政策市场\
                     企业人才创新产业改革服务社会资源生态旅游金融建设信息网络系统规划";
const LATIN: [&str; 6] = ["AI", "GDP", "Python", "5G", "WebAssembly", "Rust"];

/// How scores fall off with rank.
#[derive(Debug, Clone, Copy)]
pub enum Scores {
    /// Like real keyword scores: a few strong, a long tail.
    Spread,
    /// One word far above the rest.
    Dominant,
}

/// `n` distinct terms, best first: mostly two to four chars, as keywords are, one in six a
/// single char or five to six, one in seventeen Latin, one in thirty-four ten chars or more.
pub fn words(n: usize, scores: Scores) -> Vec<CloudInput> {
    let chars: Vec<char> = CHARS.chars().collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    for i in 0.. {
        if out.len() == n {
            break;
        }
        let pick = |k: usize| chars[mix(i as u64 * 16 + k as u64) as usize % chars.len()];
        let term: String = if i % 17 == 5 {
            format!(
                "{}{}",
                LATIN[i % LATIN.len()],
                if i > 17 { "s" } else { "" }
            )
        } else if i % 34 == 11 {
            (0..10 + i % 5).map(pick).collect()
        } else {
            let len = [2, 3, 2, 4, 2, 1, 3, 2, 5, 3, 2, 6][i % 12];
            (0..len).map(pick).collect()
        };
        if !seen.insert(term.clone()) {
            continue;
        }
        let rank = out.len();
        let score = match scores {
            Scores::Spread => 1.0 / (1.0 + rank as f64).powf(0.7),
            Scores::Dominant if rank == 0 => 1.0,
            Scores::Dominant => 0.25 / (1.0 + rank as f64).powf(0.4),
        };
        out.push(CloudInput {
            term,
            score,
            count: n + 5 - rank,
        });
    }
    out
}

/// A well-stirred number from `x` (SplitMix64's finaliser), to pick chars with.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
