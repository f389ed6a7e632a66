//! Repeated paragraphs: blocks whose text is the same after normalisation.

use std::collections::HashMap;

use crate::report::{RepeatGroup, RepeatKind};
use crate::text::{chars_after, normalize_for_compare};

/// Groups of blocks equal after [`normalize_for_compare`], in order of their first block.
/// Linear in the text: each block is normalised once and hashed into a map.
pub fn find(blocks: &[String]) -> Vec<RepeatGroup> {
    let mut by_text: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let key = normalize_for_compare(block);
        if key.is_empty() {
            continue;
        }
        let next = groups.len();
        let g = *by_text.entry(key).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g].push(i);
    }
    groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|blocks_in_group| {
            let first = &blocks[blocks_in_group[0]];
            let mut excerpt = chars_after(first, 0, 120).to_string();
            if excerpt.len() < first.len() {
                excerpt.push('\u{2026}');
            }
            RepeatGroup { kind: RepeatKind::Verbatim, blocks: blocks_in_group, similarity: 1.0, excerpt }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(blocks: &[&str]) -> Vec<Vec<usize>> {
        let blocks: Vec<String> = blocks.iter().map(|s| s.to_string()).collect();
        find(&blocks).into_iter().map(|g| g.blocks).collect()
    }

    #[test]
    fn table() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a [usize]]);
        let cases: &[Case] = &[
            ("none", &["a b c", "d e f"], &[]),
            ("exact", &["Same text.", "other", "Same text."], &[&[0, 2]]),
            (
                "variants fold",
                &["\u{201C}It\u{2019}s on,\u{201D} he said.", "\"it's on,\" HE  said"],
                &[&[0, 1]],
            ),
            ("three copies", &["x y", "x y", "z", "x y"], &[&[0, 1, 3]]),
            ("blank blocks ignored", &["", " ", "\u{200B}"], &[]),
            ("two groups in first-seen order", &["b", "a", "a", "b"], &[&[0, 3], &[1, 2]]),
            ("a changed word is not verbatim", &["one two three", "one two four"], &[]),
        ];
        for (name, input, expected) in cases {
            let want: Vec<Vec<usize>> = expected.iter().map(|g| g.to_vec()).collect();
            assert_eq!(groups(input), want, "{name}");
        }
    }
}
