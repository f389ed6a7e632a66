//! Near-copies: which blocks are edited copies of one another.
//!
//! **What counts.** Two blocks of at least [`MIN_WORDS`] words each, `n ≤ m` words, with `L` the
//! length of the longest common subsequence of their words, `o` the number of word triples
//! (counted with multiplicity) they share and `c` the words in sentences (of three words or
//! more) that both contain word for word, are near-copies when at least half the shorter
//! block's word triples occur in the longer (`2o ≥ n − 2`) and
//!
//! 1. **edited**: `2L / (n + m) ≥ 0.8` (the LCS ratio); or
//! 2. **contained**: `L ≥ 0.9 n` and `n ≥ m / 2` — the shorter is nearly all inside the
//!    longer, which is at most twice as long (a truncated copy, or a copy with an inserted
//!    phrase or link line); or
//! 3. **reordered**: `2c / (n + m) ≥ 0.8` — the same sentences in another order.
//!
//! The triple condition keeps out word salad that happens to share a long subsequence; any
//! copy edited here and there keeps far more than half its triples (10 % of words changed
//! leaves at least 70 %).
//!
//! Groups are the connected components of that relation over the page's verbatim classes.
//!
//! **How they are found.** Checking every pair is quadratic. Instead each block becomes the set
//! of its word triples, the k-th occurrence of a triple in a block a distinct element (so set
//! overlap equals multiset overlap). Near-copies share at least `t(s) = ⌈(s' − 2) / 2⌉`
//! elements with an `s`-word block, `s'` the shortest partner the rules allow
//! (`max(8, ⌈s / 2⌉)`; [`min_shared`]). Elements are ordered rarest first across the page; by
//! the prefix-filter lemma (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-pairs"), two sets
//! sharing `t` elements share `k` among their first `|set| − t + k`. So only those prefixes
//! (with `k = min(3, t)`) go into the inverted index; common triples mostly stay out of it,
//! every near-copy pair meets in `k` posting lists, and a pair that meets in fewer is dropped
//! uncounted. A candidate is confirmed by the rules (cheapest test first: sizes, shared
//! triples, then the bit-parallel LCS) and joined by union-find; a candidate already in the
//! block's group is not checked again.
//!
//! The result equals checking every pair (see the all-pairs oracle in the tests) with one
//! exception for pathological pages: a posting list stops growing at [`POSTING_CAP`] blocks, so
//! among thousands of blocks sharing the same rare-looking triples a block is compared with
//! the first few hundred only. That keeps the worst case linear; near-identical blocks still
//! meet there.

use std::collections::HashMap;

use std::hash::Hasher;

use super::hash::{self, FxBuild};
use super::lcs::Lcs;
use super::words::Words;

/// Blocks with fewer words are grouped only when verbatim.
pub(crate) const MIN_WORDS: usize = 8;

/// Longest posting list of the index: see the module documentation.
pub(crate) const POSTING_CAP: usize = 256;

/// Shared prefix elements a candidate pair needs (at most): see the module documentation.
const PREFIX_HITS: usize = 3;

/// Disjoint sets over `0..n` (path halving, union by size).
#[derive(Debug, Clone)]
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n as u32).collect(), size: vec![1; n] }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (big, small) = if self.size[a] >= self.size[b] { (a, b) } else { (b, a) };
        self.parent[small] = big as u32;
        self.size[big] += self.size[small];
    }
}

/// How two blocks' words compare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Likeness {
    /// LCS ratio `2L / (n + m)`.
    pub ratio: f64,
    /// Shared-sentence ratio `2c / (n + m)`.
    pub cover: f64,
}

impl Likeness {
    /// The similarity reported: the better of the two ratios.
    pub fn similarity(&self) -> f64 {
        self.ratio.max(self.cover)
    }

    /// Whether the sentences explain the likeness better than the word order does.
    pub fn reordered(&self) -> bool {
        5.0 * self.cover >= 4.0 && self.cover > self.ratio
    }
}

/// The fewest shared word triples any near-copy has with an `s`-word block: half the
/// triples of the shortest partner the rules allow.
pub(crate) fn min_shared(s: usize) -> usize {
    (MIN_WORDS.max(s.div_ceil(2)) - 2).div_ceil(2)
}

/// A block's sentences of 3 or more words: `keys` sorted, each `(hash of its words << 20) |
/// its number`, so equal sentences are neighbours; `ranges[number]` its (first, end) word.
#[derive(Debug, Default)]
pub(crate) struct Sentences {
    keys: Vec<u64>,
    ranges: Vec<(usize, usize)>,
}

/// Bits of a sentence key that hold its number (a block's sentences past 2²⁰ are ignored).
const SENTENCE_BITS: u32 = 20;

/// The blocks taking part, their sorted elements, and reusable buffers.
pub(crate) struct Comparer<'w> {
    words: &'w Words,
    /// Block index of each member.
    members: Vec<usize>,
    /// Member i's elements are `keys[key_starts[i]..key_starts[i + 1]]`, ascending: a key is
    /// `(page frequency << 32) | element number`, so the rarest come first. Elements on more
    /// than one block are numbered `0..elements`; the others count down from `u32::MAX`.
    key_starts: Vec<usize>,
    keys: Vec<u64>,
    /// How many elements may be on more than one block (numbered `0..elements`).
    elements: usize,
    lcs: Lcs,
    sentences: (Sentences, Sentences),
}

impl<'w> Comparer<'w> {
    /// Prepares the given blocks (each with at least [`MIN_WORDS`] words).
    pub fn new(words: &'w Words, members: Vec<usize>) -> Comparer<'w> {
        // Elements: (word triple, occurrence) in a u64. Below 2^18 distinct words (far more
        // than a page of news has) the three word numbers are packed exactly, leaving 10 bits
        // for the occurrence (occurrences past 1023 of one triple in one block share an
        // element); above, the triple is hashed.
        let id_bits = u64::BITS - (words.vocabulary().max(2) as u64 - 1).leading_zeros();
        let exact = id_bits <= 18;
        let most = (1u64 << 10) - 1;
        let total: usize = members.iter().map(|&b| words.ids(b).len().saturating_sub(2)).sum();
        let mut key_starts = Vec::with_capacity(members.len() + 1);
        let mut keys: Vec<u64> = Vec::with_capacity(total);
        for &b in &members {
            let from = keys.len();
            key_starts.push(from);
            keys.extend(words.ids(b).windows(3).map(|w| {
                let (x, y, z) = (u64::from(w[0]), u64::from(w[1]), u64::from(w[2]));
                if exact {
                    ((x << (2 * id_bits)) | (y << id_bits) | z) << 10
                } else {
                    let mut h = hash::Fx::default();
                    h.write_u64((x << 32) | y);
                    h.write_u64(z);
                    h.finish() << 10
                }
            }));
            let own = &mut keys[from..];
            own.sort_unstable();
            for k in 1..own.len() {
                if own[k] == own[k - 1] & !most {
                    own[k] |= ((own[k - 1] & most) + 1).min(most);
                }
            }
        }
        key_starts.push(keys.len());

        // Most triples occur once on a page, and an element no other block has can never
        // join two blocks. A byte per slot counts elements by hash first: one counted once is
        // unique for sure, and gets a number of its own (from the top down, frequency 1)
        // without the map; the others (repeats, and a few slot collisions) are numbered by
        // the map, from 0 up, with their exact page frequency.
        let bits = (4 * total).next_power_of_two().max(1 << 10).trailing_zeros();
        let slot = |k: u64| (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
        let mut counted = vec![0u8; 1 << bits];
        for &k in &keys {
            let c = &mut counted[slot(k)];
            *c = c.saturating_add(1);
        }
        let mut numbers: HashMap<u64, u32, FxBuild> = HashMap::default();
        let mut frequency: Vec<u32> = Vec::new();
        let mut unique = u32::MAX;
        for k in keys.iter_mut() {
            if counted[slot(*k)] == 1 {
                *k = (1 << 32) | u64::from(unique);
                unique -= 1;
                continue;
            }
            let next = numbers.len() as u32;
            let e = *numbers.entry(*k).or_insert(next);
            if e == next {
                frequency.push(0);
            }
            frequency[e as usize] += 1;
            *k = u64::from(e);
        }
        drop((counted, numbers));
        for i in 0..members.len() {
            let own = &mut keys[key_starts[i]..key_starts[i + 1]];
            for k in own.iter_mut() {
                if *k >> 32 == 0 {
                    *k |= u64::from(frequency[*k as usize]) << 32;
                }
            }
            own.sort_unstable();
        }
        Comparer {
            words,
            members,
            key_starts,
            keys,
            elements: frequency.len(),
            lcs: Lcs::new(words.vocabulary()),
            sentences: (Sentences::default(), Sentences::default()),
        }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    fn keys(&self, i: usize) -> &[u64] {
        &self.keys[self.key_starts[i]..self.key_starts[i + 1]]
    }

    /// Elements shared by members i and j (a merge of their sorted keys).
    fn overlap(&self, i: usize, j: usize) -> usize {
        let (a, b) = (self.keys(i), self.keys(j));
        let (mut x, mut y, mut shared) = (0, 0, 0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    x += 1;
                    y += 1;
                }
            }
        }
        shared
    }

    /// Whether members i and j are near-copies (the rules of the module documentation).
    pub fn near(&mut self, i: usize, j: usize) -> bool {
        let (bi, bj) = (self.members[i], self.members[j]);
        let (a, b) = (self.words.ids(bi), self.words.ids(bj));
        let (n, m) = (a.len().min(b.len()), a.len().max(b.len()));
        if 2 * n < m || 2 * self.overlap(i, j) + 2 < n {
            return false;
        }
        let lcs = self.lcs.len(a, b);
        if 5 * lcs >= 2 * (n + m) || 10 * lcs >= 9 * n {
            return true;
        }
        3 * n >= 2 * m && 5 * self.cover(bi, bj) >= 2 * (n + m)
    }

    /// Words in sentences both blocks contain word for word (sentences of 3+ words, matched as
    /// multisets).
    fn cover(&mut self, a: usize, b: usize) -> usize {
        let (mut sa, mut sb) = std::mem::take(&mut self.sentences);
        sentences(self.words, a, &mut sa);
        sentences(self.words, b, &mut sb);
        let covered = matched_sentences(self.words, a, &sa, b, &sb, |_, _| {});
        self.sentences = (sa, sb);
        covered
    }

    /// The LCS ratio and shared-sentence ratio of two blocks (any two, members or not).
    pub fn likeness(&mut self, a: usize, b: usize) -> Likeness {
        let (x, y) = (self.words.ids(a), self.words.ids(b));
        let total = (x.len() + y.len()).max(1) as f64;
        let lcs = self.lcs.len(x, y);
        let covered = self.cover(a, b);
        Likeness { ratio: 2.0 * lcs as f64 / total, cover: 2.0 * covered as f64 / total }
    }

    /// Groups the members: union-find over member indices, through the prefix index.
    pub fn link(&mut self) -> UnionFind {
        let n = self.len();
        let mut sets = UnionFind::new(n);
        // Prefix lengths, how many shared prefix elements a pair needs, and how many prefixes
        // hold each element (capped).
        let mut prefix = Vec::with_capacity(n);
        let mut need = Vec::with_capacity(n);
        let mut listed = vec![0u32; self.elements];
        for i in 0..n {
            let keys = self.keys(i);
            let t = min_shared(self.words.ids(self.members[i]).len());
            let k = PREFIX_HITS.min(t);
            let len = (keys.len() + k).saturating_sub(t).min(keys.len());
            prefix.push(len);
            need.push(k as u32);
            for &key in &keys[..len] {
                if key >> 32 >= 2 {
                    let c = &mut listed[key as u32 as usize];
                    *c = (*c + 1).min(POSTING_CAP as u32);
                }
            }
        }
        // Posting lists in one array, each list's (start, filled) by element; filled in
        // member order, so a list holds only members before the one probing it.
        let mut lists = vec![(0u32, 0u32); self.elements];
        let mut at = 0u32;
        for (e, &count) in listed.iter().enumerate() {
            lists[e].0 = at;
            at += count;
        }
        drop(listed);
        let mut postings = vec![0u32; at as usize];
        let mut hits = vec![0u32; n];
        let mut touched: Vec<u32> = Vec::new();
        for (i, &len) in prefix.iter().enumerate() {
            // Count the prefix elements each earlier member shares with this one...
            touched.clear();
            for p in 0..len {
                let key = self.keys(i)[p];
                if key >> 32 < 2 {
                    continue; // on no other block
                }
                let (begin, filled) = lists[key as u32 as usize];
                for &c in &postings[begin as usize..(begin + filled) as usize] {
                    if hits[c as usize] == 0 {
                        touched.push(c);
                    }
                    hits[c as usize] += 1;
                }
            }
            // ...and check those with enough of them.
            for &c in &touched {
                let c = c as usize;
                let enough = hits[c] >= need[i].min(need[c]);
                hits[c] = 0;
                if enough && sets.find(c) != sets.find(i) && self.near(i, c) {
                    sets.union(i, c);
                }
            }
            for p in 0..len {
                let key = self.keys(i)[p];
                if key >> 32 < 2 {
                    continue;
                }
                let list = &mut lists[key as u32 as usize];
                if (list.1 as usize) < POSTING_CAP {
                    postings[(list.0 + list.1) as usize] = i as u32;
                    list.1 += 1;
                }
            }
        }
        sets
    }
}

/// Reads a block's sentences of 3 or more words into `out`.
fn sentences(words: &Words, block: usize, out: &mut Sentences) {
    out.keys.clear();
    out.ranges.clear();
    let ids = words.ids(block);
    let mut from = 0;
    for (k, &end) in words.sentence_ends(block).iter().enumerate() {
        if end || k + 1 == ids.len() {
            if k + 1 - from >= 3 && out.ranges.len() < 1 << SENTENCE_BITS {
                let mut h = 0xcbf2_9ce4_8422_2325u64;
                for &x in &ids[from..=k] {
                    h = (h ^ u64::from(x)).wrapping_mul(0x100_0000_01b3);
                }
                out.keys.push((h << SENTENCE_BITS) | out.ranges.len() as u64);
                out.ranges.push((from, k + 1));
            }
            from = k + 1;
        }
    }
    out.keys.sort_unstable();
}

/// Matches equal sentences of blocks `a` and `b` one to one (as multisets: hashes bring
/// candidates together, the words decide); calls `on_match` with the (first, end) word ranges
/// of each matched pair and returns the words matched on each side.
pub(crate) fn matched_sentences(
    words: &Words,
    a: usize,
    sa: &Sentences,
    b: usize,
    sb: &Sentences,
    mut on_match: impl FnMut((usize, usize), (usize, usize)),
) -> usize {
    let (ia, ib) = (words.ids(a), words.ids(b));
    let hash = |k: u64| k >> SENTENCE_BITS;
    let range = |s: &Sentences, k: u64| s.ranges[(k & ((1 << SENTENCE_BITS) - 1)) as usize];
    let (mut x, mut y, mut covered) = (0, 0, 0);
    let mut used = Vec::new();
    while x < sa.keys.len() && y < sb.keys.len() {
        let (hx, hy) = (hash(sa.keys[x]), hash(sb.keys[y]));
        if hx != hy {
            if hx < hy {
                x += 1;
            } else {
                y += 1;
            }
            continue;
        }
        let xe = x + sa.keys[x..].iter().take_while(|&&k| hash(k) == hx).count();
        let ye = y + sb.keys[y..].iter().take_while(|&&k| hash(k) == hy).count();
        used.clear();
        used.resize(ye - y, false);
        for &ka in &sa.keys[x..xe] {
            let (s0, s1) = range(sa, ka);
            for (u, &kb) in used.iter_mut().zip(&sb.keys[y..ye]) {
                let (t0, t1) = range(sb, kb);
                if !*u && ia[s0..s1] == ib[t0..t1] {
                    *u = true;
                    covered += s1 - s0;
                    on_match((s0, s1), (t0, t1));
                    break;
                }
            }
        }
        (x, y) = (xe, ye);
    }
    covered
}

/// A block's sentences, for the diff of reordered copies.
pub(crate) fn block_sentences(words: &Words, block: usize) -> Sentences {
    let mut out = Sentences::default();
    sentences(words, block, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::Rng;
    use crate::repeats::lcs::plain_len;

    /// The rules written out directly, with no filter and no index: the oracle.
    fn near_by_definition(words: &Words, a: usize, b: usize) -> bool {
        let (x, y) = (words.ids(a), words.ids(b));
        let (n, m) = (x.len().min(y.len()), x.len().max(y.len()));
        if n < MIN_WORDS {
            return false;
        }
        let l = plain_len(x, y);
        let mut triples: HashMap<&[u32], i64> = HashMap::new();
        for w in x.windows(3) {
            *triples.entry(w).or_default() += 1;
        }
        let mut o = 0;
        for w in y.windows(3) {
            if let Some(c) = triples.get_mut(w) {
                if *c > 0 {
                    *c -= 1;
                    o += 1;
                }
            }
        }
        // Sentences as plain lists of words, matched greedily as multisets.
        let split = |block: usize| -> Vec<Vec<u32>> {
            let (ids, ends) = (words.ids(block), words.sentence_ends(block));
            let mut out = Vec::new();
            let mut cur = Vec::new();
            for (k, &id) in ids.iter().enumerate() {
                cur.push(id);
                if ends[k] || k + 1 == ids.len() {
                    if cur.len() >= 3 {
                        out.push(cur.clone());
                    }
                    cur.clear();
                }
            }
            out
        };
        let mut left = split(a);
        let mut c = 0;
        for s in split(b) {
            if let Some(p) = left.iter().position(|t| *t == s) {
                c += s.len();
                left.remove(p);
            }
        }
        let half_the_triples = 2 * o + 2 >= n;
        let edited = 5 * l >= 2 * (n + m);
        let contained = 10 * l >= 9 * n && 2 * n >= m;
        let reordered = 5 * c >= 2 * (n + m);
        half_the_triples && (edited || contained || reordered)
    }

    /// Groups (as sorted lists of block indices) from union-find over members.
    fn groups(members: &[usize], sets: &mut UnionFind) -> Vec<Vec<usize>> {
        let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, &b) in members.iter().enumerate() {
            by_root.entry(sets.find(i)).or_default().push(b);
        }
        let mut out: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
        out.sort();
        out
    }

    fn oracle(words: &Words, members: &[usize]) -> Vec<Vec<usize>> {
        let mut sets = UnionFind::new(members.len());
        for i in 0..members.len() {
            for j in 0..i {
                if near_by_definition(words, members[i], members[j]) {
                    sets.union(i, j);
                }
            }
        }
        groups(members, &mut sets)
    }

    /// A page of random paragraphs over a small vocabulary (so unrelated blocks share word
    /// triples), with copies edited in every way, some just past and some just short of the
    /// thresholds.
    fn random_page(rng: &mut Rng) -> Vec<String> {
        let vocabulary: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let mut blocks: Vec<Vec<String>> = Vec::new();
        let originals = 4 + rng.below(10);
        for _ in 0..originals {
            let len = 6 + rng.below(40);
            let mut p: Vec<String> = Vec::new();
            for k in 0..len {
                // Zipf-ish: low numbers are common.
                let r = rng.below(vocabulary.len());
                let w = vocabulary[rng.below(r + 1)].clone();
                p.push(if k % (3 + rng.below(8)) == 2 { format!("{w}.") } else { w });
            }
            blocks.push(p);
        }
        for _ in 0..originals * 2 {
            let src = blocks[rng.below(blocks.len())].clone();
            let mut copy = src.clone();
            match rng.below(6) {
                0 => {
                    for _ in 0..=rng.below(1 + copy.len() / 4) {
                        let at = rng.below(copy.len());
                        copy[at] = vocabulary[rng.below(vocabulary.len())].clone();
                    }
                }
                1 => {
                    let at = rng.below(copy.len() + 1);
                    let phrase: Vec<String> =
                        (0..1 + rng.below(12)).map(|_| vocabulary[rng.below(40)].clone()).collect();
                    copy.splice(at..at, phrase);
                }
                2 => copy.truncate(copy.len() * (5 + rng.below(5)) / 10),
                3 => {
                    let by = rng.below(copy.len());
                    copy.rotate_left(by);
                }
                4 => {
                    // Single words sprinkled through: the contained rule's pair bound decides.
                    for _ in 0..=rng.below(1 + copy.len() / 2) {
                        let at = rng.below(copy.len() + 1);
                        copy.insert(at, vocabulary[rng.below(40)].clone());
                    }
                }
                _ => {
                    let at = rng.below(copy.len());
                    copy.remove(at);
                }
            }
            if !copy.is_empty() {
                blocks.push(copy);
            }
        }
        blocks.into_iter().map(|p| p.join(" ")).collect()
    }

    #[test]
    fn index_finds_the_same_groups_as_every_pair() {
        let mut rng = Rng(2024);
        let mut nontrivial = 0;
        for round in 0..300 {
            let blocks = random_page(&mut rng);
            let words = Words::read(&blocks, None);
            let members: Vec<usize> =
                (0..blocks.len()).filter(|&b| words.ids(b).len() >= MIN_WORDS).collect();
            let want = oracle(&words, &members);
            let mut comparer = Comparer::new(&words, members.clone());
            let got = groups(&members, &mut comparer.link());
            assert_eq!(got, want, "round {round}: {blocks:#?}");
            // The filtered check agrees with the definition on every pair, too.
            for i in 0..members.len() {
                for j in 0..i {
                    assert_eq!(
                        comparer.near(i, j),
                        near_by_definition(&words, members[i], members[j]),
                        "round {round}: {:?} / {:?}",
                        blocks[members[i]],
                        blocks[members[j]]
                    );
                }
            }
            nontrivial += usize::from(!want.is_empty());
        }
        assert!(nontrivial > 200, "the random pages have groups to find ({nontrivial})");
    }

    #[test]
    fn the_least_overlap_bound_holds_for_every_near_pair() {
        // For pairs the definition accepts, the shared triples reach min_shared of each side.
        let mut rng = Rng(99);
        for _ in 0..200 {
            let blocks = random_page(&mut rng);
            let words = Words::read(&blocks, None);
            let members: Vec<usize> =
                (0..blocks.len()).filter(|&b| words.ids(b).len() >= MIN_WORDS).collect();
            let comparer = Comparer::new(&words, members.clone());
            for i in 0..members.len() {
                for j in 0..i {
                    if near_by_definition(&words, members[i], members[j]) {
                        let o = comparer.overlap(i, j);
                        let (si, sj) = (words.ids(members[i]).len(), words.ids(members[j]).len());
                        assert!(o >= min_shared(si) && o >= min_shared(sj), "{o} < bound for {si}, {sj}");
                    }
                }
            }
        }
    }

    #[test]
    fn min_shared_is_positive() {
        for s in MIN_WORDS..2000 {
            assert!(min_shared(s) >= 3, "{s}");
            assert!(min_shared(s) <= s - 2, "{s}: at most the block's triples");
        }
    }

    #[test]
    fn near_identical_blocks_past_the_posting_cap_form_one_group() {
        let blocks: Vec<String> = (0..3 * POSTING_CAP)
            .map(|i| format!("Row {i}: the home side won the match against the visitors on Saturday night"))
            .collect();
        let words = Words::read(&blocks, None);
        let mut comparer = Comparer::new(&words, (0..blocks.len()).collect());
        let mut sets = comparer.link();
        let root = sets.find(0);
        assert!((0..blocks.len()).all(|i| sets.find(i) == root));
    }
}
