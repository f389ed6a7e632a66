//! Longest common subsequence of two word sequences: its length, bit-parallel (Hyyrö 2004,
//! "Bit-parallel LCS-length computation revisited": one pass over the longer sequence, 64
//! positions of the shorter one per machine word), and an alignment for the diff shown to the
//! reader.

/// Reusable buffers for [`Lcs::len`]: a slot per word number (so no hashing per pair).
#[derive(Debug)]
pub(crate) struct Lcs {
    /// Per word number, its row in `masks`, or `u32::MAX`.
    slot: Vec<u32>,
    /// Per distinct word of the shorter sequence, the bit mask of its positions.
    masks: Vec<u64>,
    used: Vec<u32>,
    v: Vec<u64>,
}

impl Lcs {
    /// Buffers for word numbers below `vocabulary`.
    pub fn new(vocabulary: usize) -> Lcs {
        Lcs { slot: vec![u32::MAX; vocabulary], masks: Vec::new(), used: Vec::new(), v: Vec::new() }
    }

    /// The length of the longest common subsequence of `a` and `b`.
    pub fn len(&mut self, a: &[u32], b: &[u32]) -> usize {
        let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let w = a.len().div_ceil(64);
        if w == 0 {
            return 0;
        }
        for (i, &x) in a.iter().enumerate() {
            let mut s = self.slot[x as usize];
            if s == u32::MAX {
                s = self.used.len() as u32;
                self.slot[x as usize] = s;
                self.used.push(x);
                self.masks.resize(self.masks.len() + w, 0);
            }
            self.masks[s as usize * w + i / 64] |= 1 << (i % 64);
        }
        self.v.clear();
        self.v.resize(w, !0);
        for &y in b {
            let s = self.slot[y as usize];
            if s == u32::MAX {
                continue; // no match: V stays as it is
            }
            let m = &self.masks[s as usize * w..(s as usize + 1) * w];
            let mut carry = false;
            for (v, &m) in self.v.iter_mut().zip(m) {
                // V' = (V + (V & M)) | (V & !M), with the carry running across words.
                let u = *v & m;
                let (sum, c1) = v.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(carry as u64);
                carry = c1 || c2;
                *v = sum | (*v & !m);
            }
        }
        // The LCS length is the number of zero bits among the first a.len() positions.
        let mut zeros = 0;
        for (k, v) in self.v.iter().enumerate() {
            let bits = (a.len() - k * 64).min(64);
            let valid = if bits == 64 { !0 } else { (1u64 << bits) - 1 };
            zeros += (!v & valid).count_ones() as usize;
        }
        for &x in &self.used {
            self.slot[x as usize] = u32::MAX;
        }
        self.used.clear();
        self.masks.clear();
        zeros
    }
}

/// Largest table [`align`] fills (cells); beyond it the middle is reported as all changed.
const MAX_CELLS: usize = 1 << 21;

/// Which words of `a` and of `b` a longest common subsequence keeps (`true`) — the rest are
/// deleted from `a` or inserted in `b`. The common head and tail are kept without a table;
/// the middle is aligned by dynamic programming when it has at most 2²¹ cells (a value in it
/// is at most the shorter side, below 1449, so it fits in 16 bits).
pub(crate) fn align(a: &[u32], b: &[u32]) -> (Vec<bool>, Vec<bool>) {
    let mut keep_a = vec![false; a.len()];
    let mut keep_b = vec![false; b.len()];
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    for i in 0..head {
        keep_a[i] = true;
        keep_b[i] = true;
    }
    for i in 0..tail {
        keep_a[a.len() - 1 - i] = true;
        keep_b[b.len() - 1 - i] = true;
    }
    let am = &a[head..a.len() - tail];
    let bm = &b[head..b.len() - tail];
    let (n, m) = (am.len(), bm.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_CELLS {
        return (keep_a, keep_b);
    }
    // dp[i][j]: LCS length of am[i..] and bm[j..].
    let cols = m + 1;
    let mut dp = vec![0u16; (n + 1) * cols];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * cols + j] = if am[i] == bm[j] {
                dp[(i + 1) * cols + j + 1] + 1
            } else {
                dp[(i + 1) * cols + j].max(dp[i * cols + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if am[i] == bm[j] && dp[i * cols + j] == dp[(i + 1) * cols + j + 1] + 1 {
            keep_a[head + i] = true;
            keep_b[head + j] = true;
            i += 1;
            j += 1;
        } else if dp[(i + 1) * cols + j] >= dp[i * cols + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (keep_a, keep_b)
}

/// The textbook O(n·m) LCS length: the reference the bit-parallel one is checked against.
#[cfg(test)]
pub(crate) fn plain_len(a: &[u32], b: &[u32]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::Rng;

    #[test]
    fn table() {
        type Case<'a> = (&'a str, &'a [u32], &'a [u32], usize);
        let cases: &[Case] = &[
            ("empty", &[], &[1, 2], 0),
            ("equal", &[1, 2, 3], &[1, 2, 3], 3),
            ("one changed", &[1, 2, 3, 4], &[1, 9, 3, 4], 3),
            ("inserted run", &[1, 2, 3], &[1, 7, 8, 9, 2, 3], 3),
            ("reversed", &[1, 2, 3, 4], &[4, 3, 2, 1], 1),
            ("repeats", &[1, 1, 2, 1], &[1, 2, 1, 1], 3),
        ];
        let mut lcs = Lcs::new(10);
        for (name, a, b, want) in cases {
            assert_eq!(lcs.len(a, b), *want, "{name}");
            assert_eq!(lcs.len(b, a), *want, "{name} (swapped)");
            let (ka, kb) = align(a, b);
            assert_eq!(ka.iter().filter(|&&k| k).count(), *want, "{name}: alignment of a");
            assert_eq!(kb.iter().filter(|&&k| k).count(), *want, "{name}: alignment of b");
        }
    }

    /// Bit-parallel against the textbook table, across word boundaries (lengths past 64 and 128).
    #[test]
    fn bit_parallel_equals_the_table() {
        let mut rng = Rng(7);
        let mut lcs = Lcs::new(12);
        for _ in 0..400 {
            let n = rng.below(200);
            let m = rng.below(200);
            let a: Vec<u32> = (0..n).map(|_| rng.below(12) as u32).collect();
            let b: Vec<u32> = (0..m).map(|_| rng.below(12) as u32).collect();
            let want = plain_len(&a, &b);
            assert_eq!(lcs.len(&a, &b), want, "{a:?} {b:?}");
            let (ka, kb) = align(&a, &b);
            let kept_a: Vec<u32> = a.iter().zip(&ka).filter(|(_, &k)| k).map(|(&x, _)| x).collect();
            let kept_b: Vec<u32> = b.iter().zip(&kb).filter(|(_, &k)| k).map(|(&x, _)| x).collect();
            assert_eq!(kept_a, kept_b, "the kept words are one common subsequence");
            assert_eq!(kept_a.len(), want, "and a longest one");
        }
    }
}
