//! Repeated paragraphs: blocks that are verbatim or edited copies of one another, and what
//! changed between them; and quote drift, the same speaker quoted twice in different words.
//!
//! 1. **Words** ([`Words`]): every block is read once into compare words (NFKC, case and
//!    quote/dash folding), each keeping its byte range in the original block.
//! 2. **Verbatim classes**: blocks equal after `normalize_for_compare` (of the NFKC form):
//!    each block's compare form is hashed while its words are read, with no string built, and
//!    a hash match is confirmed by streaming both forms — linear, and exact.
//! 3. **Near-copies** ([`near`]): one block of each class with at least [`MIN_WORDS`] words
//!    takes part; an inverted index of rare word pairs proposes candidates, word-level LCS and
//!    shared sentences confirm them, union-find groups them — the same groups as comparing
//!    every pair.
//! 4. **Groups**: a component with one class is a verbatim group; one joining several classes
//!    is an edited group, and each copy gets a word diff against the first block.

mod drift;
mod hash;
mod lcs;
mod near;
mod words;

use std::collections::HashMap;

pub(crate) use drift::quote_drift;
pub(crate) use hash::FxBuild;
pub(crate) use words::Words;

use near::{block_sentences, matched_sentences, Comparer, MIN_WORDS};

use crate::report::{CopyChanges, RepeatGroup, RepeatKind, WordRun};
use crate::text::{apply_compat, compare_chars};

/// Groups of blocks that repeat one another, in order of their first block. `furniture(b)`
/// says whether block `b` is page furniture.
pub fn find(blocks: &[String], words: &Words, furniture: impl Fn(usize) -> bool) -> Vec<RepeatGroup> {
    // Verbatim classes, in order of their first block: by the hash of each block's compare
    // form (made while reading the words), a hash match confirmed by streaming both forms.
    let compare_form = |b: usize| apply_compat(&blocks[b], words.compat(b));
    let mut first_of_hash: HashMap<u64, u32, FxBuild> = HashMap::default();
    let mut next_of_hash: Vec<u32> = Vec::new(); // per class: the next class with its hash
    let mut classes: Vec<Vec<usize>> = Vec::new();
    let mut class_of = vec![usize::MAX; blocks.len()];
    for (b, class) in class_of.iter_mut().enumerate() {
        let Some(h) = words.verbatim_hash(b) else { continue };
        let new = classes.len() as u32;
        let mut c = *first_of_hash.entry(h).or_insert(new);
        while c != new {
            let form = compare_form(b);
            if compare_chars(&compare_form(classes[c as usize][0])).eq(compare_chars(&form)) {
                break;
            }
            if next_of_hash[c as usize] == u32::MAX {
                next_of_hash[c as usize] = new;
            }
            c = next_of_hash[c as usize];
        }
        if c == new {
            classes.push(Vec::new());
            next_of_hash.push(u32::MAX);
        }
        classes[c as usize].push(b);
        *class = c as usize;
    }
    drop(first_of_hash);

    // Near-copies among the classes' first blocks.
    let members: Vec<usize> =
        classes.iter().map(|c| c[0]).filter(|&b| words.ids(b).len() >= MIN_WORDS).collect();
    let mut comparer = Comparer::new(words, members.clone());
    let mut sets = comparer.link();

    // Components of classes, in order of their first class; then their blocks, in order.
    let mut component_of_root = vec![usize::MAX; members.len()];
    let mut component_of_class = Vec::with_capacity(classes.len());
    let mut components: Vec<Vec<usize>> = Vec::new();
    let mut member = 0;
    for class in &classes {
        let slot = if members.get(member) == Some(&class[0]) {
            let root = sets.find(member);
            member += 1;
            if component_of_root[root] == usize::MAX {
                component_of_root[root] = components.len();
            }
            component_of_root[root]
        } else {
            components.len()
        };
        if slot == components.len() {
            components.push(Vec::new());
        }
        components[slot].push(component_of_class.len());
        component_of_class.push(slot);
    }
    let mut blocks_of: Vec<Vec<usize>> = vec![Vec::new(); components.len()];
    for (b, &c) in class_of.iter().enumerate() {
        if c != usize::MAX {
            blocks_of[component_of_class[c]].push(b);
        }
    }

    let mut groups = Vec::new();
    for (component, in_group) in components.iter().zip(blocks_of) {
        if in_group.len() < 2 {
            continue;
        }
        let excerpt = excerpt(&blocks[in_group[0]]);
        let furniture = in_group.iter().all(|&b| furniture(b));
        if component.len() == 1 {
            groups.push(RepeatGroup {
                kind: RepeatKind::Verbatim,
                blocks: in_group,
                similarity: 1.0,
                excerpt,
                furniture,
                changes: Vec::new(),
            });
            continue;
        }
        let changes: Vec<CopyChanges> = in_group[1..]
            .iter()
            .map(|&b| {
                if class_of[b] == class_of[in_group[0]] {
                    unchanged(b)
                } else {
                    copy_changes(blocks, words, &mut comparer, in_group[0], b)
                }
            })
            .collect();
        let similarity = changes.iter().map(|c| c.similarity).fold(1.0, f64::min);
        groups.push(RepeatGroup {
            kind: RepeatKind::Edited,
            blocks: in_group,
            similarity,
            excerpt,
            furniture,
            changes,
        });
    }
    groups
}

/// Most characters of an excerpt.
const EXCERPT_CHARS: usize = 120;

/// A block's text for display: whitespace runs as one space, none at the ends, at most
/// [`EXCERPT_CHARS`] characters and then `…`.
fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let (mut count, mut space) = (0, false);
    for c in text.chars() {
        if c.is_whitespace() {
            space = count > 0;
            continue;
        }
        if count + usize::from(space) >= EXCERPT_CHARS {
            out.push('\u{2026}');
            break;
        }
        if space {
            out.push(' ');
            count += 1;
            space = false;
        }
        out.push(c);
        count += 1;
    }
    out
}

fn unchanged(block: usize) -> CopyChanges {
    CopyChanges { block, similarity: 1.0, reordered: false, inserted: Vec::new(), deleted: Vec::new() }
}

/// Rounds a ratio to three decimals, so that it reads the same in JSON and in JavaScript.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// How block `copy` differs from block `first`.
fn copy_changes(
    blocks: &[String],
    words: &Words,
    comparer: &mut Comparer,
    first: usize,
    copy: usize,
) -> CopyChanges {
    let (a, b) = (words.ids(first), words.ids(copy));
    if a == b {
        return unchanged(copy);
    }
    let likeness = comparer.likeness(first, copy);
    let reordered = likeness.reordered();
    let (keep_a, keep_b) = if reordered {
        // Words outside the sentences both have are the changes.
        let (mut keep_a, mut keep_b) = (vec![false; a.len()], vec![false; b.len()]);
        let (sa, sb) = (block_sentences(words, first), block_sentences(words, copy));
        matched_sentences(words, first, &sa, copy, &sb, |(x0, x1), (y0, y1)| {
            keep_a[x0..x1].fill(true);
            keep_b[y0..y1].fill(true);
        });
        (keep_a, keep_b)
    } else {
        lcs::align(a, b)
    };
    CopyChanges {
        block: copy,
        similarity: round3(likeness.similarity()),
        reordered,
        inserted: word_runs(blocks, words, copy, 0, &keep_b),
        deleted: word_runs(blocks, words, first, 0, &keep_a),
    }
}

/// Runs of words not kept, as spans of `block`; `keep[k]` is about the block's word `from + k`.
pub(crate) fn word_runs(
    blocks: &[String],
    words: &Words,
    block: usize,
    from: usize,
    keep: &[bool],
) -> Vec<WordRun> {
    let spans = &words.spans(block)[from..from + keep.len()];
    let mut out = Vec::new();
    let mut k = 0;
    while k < keep.len() {
        if keep[k] {
            k += 1;
            continue;
        }
        let s = k;
        while k < keep.len() && !keep[k] {
            k += 1;
        }
        let (start, end) = (spans[s].0 as usize, spans[k - 1].1 as usize);
        out.push(WordRun { block, start, end, text: blocks[block][start..end].to_string() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::native_nfkc;

    fn run(blocks: &[&str]) -> Vec<RepeatGroup> {
        let blocks: Vec<String> = blocks.iter().map(|s| s.to_string()).collect();
        let words = Words::read(&blocks, native_nfkc());
        find(&blocks, &words, |_| false)
    }

    fn groups(blocks: &[&str]) -> Vec<(RepeatKind, Vec<usize>)> {
        run(blocks).into_iter().map(|g| (g.kind, g.blocks)).collect()
    }

    const P: &str = "The crossing's two landing stages were badly damaged in the October storm, when waves \
                     of more than six metres tore the northern pontoon from its moorings.";

    #[test]
    fn table() {
        use RepeatKind::{Edited as E, Verbatim as V};
        let edited = P.replace("badly", "severely").replace("six", "seven");
        let inserted = P.replace("storm,", "storm, Also Read: harbour festival moves inland,");
        let truncated = &P[..P.find("more").unwrap()];
        let reordered =
            "Tore the pontoon from its moorings at dawn on Sunday. The crossing was badly damaged \
                         in the October storm last year.";
        let original = "The crossing was badly damaged in the October storm last year. Tore the pontoon \
                        from its moorings at dawn on Sunday.";
        type Case<'a> = (&'a str, Vec<&'a str>, Vec<(RepeatKind, Vec<usize>)>);
        let cases: Vec<Case> = vec![
            ("none", vec!["a b c", "d e f"], vec![]),
            ("exact", vec!["Same text.", "other", "Same text."], vec![(V, vec![0, 2])]),
            (
                "variants fold",
                vec!["\u{201C}It\u{2019}s on,\u{201D} he said.", "\"it's on,\" HE  said"],
                vec![(V, vec![0, 1])],
            ),
            (
                "NFKC folds",
                vec!["\u{FF26}\u{FF55}\u{FF4C}\u{FF4C} width \u{FB01}ne", "Full width fine"],
                vec![(V, vec![0, 1])],
            ),
            ("three copies", vec!["x y", "x y", "z", "x y"], vec![(V, vec![0, 1, 3])]),
            ("blank blocks ignored", vec!["", " ", "\u{200B}"], vec![]),
            (
                "two groups in first-seen order",
                vec!["b", "a", "a", "b"],
                vec![(V, vec![0, 3]), (V, vec![1, 2])],
            ),
            (
                "a short block with a changed word is not a copy",
                vec!["one two three", "one two four"],
                vec![],
            ),
            ("edited", vec![P, "unrelated", &edited], vec![(E, vec![0, 2])]),
            ("inserted phrase", vec![P, &inserted], vec![(E, vec![0, 1])]),
            ("truncated", vec![P, truncated], vec![(E, vec![0, 1])]),
            ("reordered sentences", vec![original, reordered], vec![(E, vec![0, 1])]),
            ("a verbatim copy joins its edited group", vec![P, &edited, P], vec![(E, vec![0, 1, 2])]),
            (
                "different paragraphs on one subject stay apart",
                vec![
                    P,
                    "The northern pontoon will be rebuilt on the old piles, the engineers said on Tuesday, \
                     saving months of work on the crossing.",
                ],
                vec![],
            ),
        ];
        for (name, input, want) in cases {
            assert_eq!(groups(&input), want, "{name}");
        }
    }

    #[test]
    fn edited_copies_say_what_changed() {
        let edited = P.replace("badly", "severely").replace("six metres", "6 metres");
        let g = &run(&[P, &edited])[0];
        assert_eq!(g.kind, RepeatKind::Edited);
        assert!(g.similarity > 0.85 && g.similarity < 1.0, "{}", g.similarity);
        let c = &g.changes[0];
        assert_eq!(c.block, 1);
        assert!(!c.reordered);
        let texts = |runs: &[WordRun]| runs.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&c.inserted), ["severely", "6"]);
        assert_eq!(texts(&c.deleted), ["badly", "six"]);
        // Offsets cut the text out of the right block.
        assert_eq!(&edited[c.inserted[0].start..c.inserted[0].end], "severely");
        assert_eq!(c.deleted[0].block, 0);
        assert_eq!(&P[c.deleted[1].start..c.deleted[1].end], "six");
    }

    #[test]
    fn inserted_phrase_is_one_run() {
        let inserted = P.replace("storm,", "storm, Also Read: harbour festival moves inland,");
        let c = &run(&[P, &inserted])[0].changes[0];
        assert_eq!(c.inserted.len(), 1);
        assert_eq!(c.inserted[0].text, "Also Read: harbour festival moves inland");
        assert!(c.deleted.is_empty());
    }

    #[test]
    fn reordered_copies_list_only_what_is_outside_shared_sentences() {
        let a = "The crossing was badly damaged in the October storm last year. Tore the pontoon from its \
                 moorings at dawn on Sunday. Nobody was hurt.";
        let b =
            "Tore the pontoon from its moorings at dawn on Sunday. The crossing was badly damaged in the \
                 October storm last year. Two people were hurt.";
        let c = &run(&[a, b])[0].changes[0];
        assert!(c.reordered);
        assert_eq!(c.inserted.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["Two people were hurt"]);
        assert_eq!(c.deleted.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["Nobody was hurt"]);
    }

    #[test]
    fn punctuation_only_copies_are_edited_with_no_word_changes() {
        let a = "The ferry will return by April, the governor said on Tuesday at the harbour.";
        let b = "The ferry will return by April; the governor said on Tuesday, at the harbour!";
        let g = &run(&[a, b])[0];
        assert_eq!(g.kind, RepeatKind::Edited);
        assert_eq!(g.similarity, 1.0);
        assert!(g.changes[0].inserted.is_empty() && g.changes[0].deleted.is_empty());
    }

    #[test]
    fn excerpts_collapse_whitespace_and_stop_at_120_characters() {
        assert_eq!(excerpt("\n   Two  words\t here \n"), "Two words here");
        // 24 "word " make 119 characters; the next space would be the 120th, then more follows.
        assert_eq!(excerpt(&"word ".repeat(40)), format!("{}\u{2026}", "word ".repeat(24).trim_end()));
        assert_eq!(excerpt(&"x".repeat(120)), "x".repeat(120));
        assert_eq!(excerpt(&"x".repeat(121)), format!("{}\u{2026}", "x".repeat(120)));
    }

    #[test]
    fn furniture_is_marked_when_every_copy_is_furniture() {
        let blocks: Vec<String> =
            ["Home", "Story text.", "Home", "Story text."].iter().map(|s| s.to_string()).collect();
        let words = Words::read(&blocks, None);
        let got = find(&blocks, &words, |b| b == 0 || b == 2 || b == 3);
        assert_eq!(got.iter().map(|g| g.furniture).collect::<Vec<_>>(), [true, false]);
    }
}
