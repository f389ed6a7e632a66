//! Property tests: on texts built from quote marks of every convention, speech verbs, names,
//! titles, pronouns, emoji and odd whitespace, the Report always keeps its invariants, is the
//! same every time, and groups repeats the same whatever the order of the blocks.
#![cfg(not(target_arch = "wasm32"))]

use factlens::{analyze, to_utf8_offset, OffsetUnit, Page, Report};
use proptest::prelude::*;

/// Pieces a news paragraph is made of, and some that break naive code.
const PIECES: &[&str] = &[
    "\"",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "''",
    "``",
    "\u{AB}",
    "\u{BB}",
    "\u{AB}\u{A0}",
    "\u{A0}\u{BB}",
    "\u{201E}",
    "\u{300C}",
    "\u{300D}",
    "\u{300E}",
    "\u{300F}",
    " said",
    " says",
    " told reporters",
    " according to",
    " \u{2014} ",
    " he said",
    " she said",
    " the spokeswoman said",
    " Ann Lee",
    " Bo Park",
    " Mr. Smith",
    " Lee",
    " President",
    " Foreign Minister",
    " White House Press Secretary,",
    " Gov.",
    " (R-Utah)",
    " we will win this",
    " it's",
    " the '90s",
    " rock 'n' roll",
    ",",
    ".",
    ":",
    " ",
    "\u{A0}",
    "\u{200B}",
    "\u{AD}",
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F52C}",
    "\u{4E2D}\u{6587}",
    "e\u{301}",
    " Obama",
    " Administration",
    " Russian",
    " its Prime Minister",
    " Dmitry Medvedev",
    "\t",
    " dit-il",
    " sagte",
];

fn block() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

fn page() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(block(), 0..8)
}

/// The repeat groups as sets of blocks, each group sorted, the list sorted.
fn partition(r: &Report, map: impl Fn(usize) -> usize) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = r
        .repeats
        .iter()
        .map(|g| {
            let mut v: Vec<usize> = g.blocks.iter().map(|&b| map(b)).collect();
            v.sort_unstable();
            v
        })
        .collect();
    groups.sort();
    groups
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reports_keep_their_invariants(blocks in page()) {
        let page = Page::new(blocks.clone());
        let r = analyze(&page);
        factlens::invariants::check(&page, &r).map_err(TestCaseError::fail)?;
        // The same every time.
        prop_assert_eq!(&r, &analyze(&page));
        // UTF-16 offsets map back to the same UTF-8 ones.
        let r16 = r.clone().convert_offsets(&page, OffsetUnit::Utf16);
        for (a, b) in r.quotes.iter().zip(&r16.quotes) {
            prop_assert_eq!(to_utf8_offset(&blocks[a.block], b.start, OffsetUnit::Utf16), a.start);
            prop_assert_eq!(to_utf8_offset(&blocks[a.block], b.end, OffsetUnit::Utf16), a.end);
        }
    }

    #[test]
    fn repeats_do_not_depend_on_block_order(
        blocks in prop::collection::vec(prop::sample::select(vec![
            "The pier reopens in May after the storm damaged both landing stages badly.".to_string(),
            "The pier reopens in June after the storm damaged both landing stages badly.".to_string(),
            "The pier reopens in May after the storm damaged both landing stages.".to_string(),
            "Crews will work through the night to repair the northern pontoon and the ticket hall.".to_string(),
            "Short line.".to_string(),
            "\u{201C}We will rebuild the bridge before winter,\u{201D} Mayor Ann Lee said on Friday.".to_string(),
        ]), 0..10),
        seed in any::<u64>(),
    ) {
        // A permutation of the blocks, from the seed.
        let mut order: Vec<usize> = (0..blocks.len()).collect();
        let mut x = seed | 1;
        for i in (1..order.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let shuffled: Vec<String> = order.iter().map(|&i| blocks[i].clone()).collect();
        let a = analyze(&Page::new(blocks.clone()));
        let b = analyze(&Page::new(shuffled));
        prop_assert_eq!(partition(&a, |i| i), partition(&b, |i| order[i]));
    }
}
