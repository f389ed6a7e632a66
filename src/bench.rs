//! The stages of [`analyze_with`](crate::analyze_with) one by one, for `benches/analyze.rs`.
//! Not part of the API: hidden from the docs, and the intermediate results stay opaque.
//!
//! [`Stages::prepare`] runs every stage once and keeps what each produced, so that a bench can
//! time one stage on its real input: normalise (NFKC runs, compare words, verbatim hashes),
//! repeats, quotes (mark pairing), names (name runs, titles, aliases), officials (the roster),
//! attribution (cues, speakers) and report (roster into the Report, quote drift, UTF-16 offsets).

use crate::{attribution, lexicon, names, officials, quotes, repeats, OffsetUnit, Page, Report};

/// Every stage's output for one page.
pub struct Stages {
    page: Page,
    lx: &'static lexicon::Lexicon,
    words: repeats::Words,
    spans: Vec<quotes::QuoteSpan>,
    names: names::NameIndex,
    /// The roster before attribution (which counts quotes and adds role-noun mentions) ...
    roster: officials::Roster,
    /// ... and after.
    attributed: officials::Roster,
    quotes: Vec<crate::Quote>,
}

impl Stages {
    /// Runs every stage once on `page`, with the native NFKC.
    pub fn prepare(page: &Page) -> Stages {
        let blocks = page.blocks();
        let lx = lexicon::Lexicon::for_lang(page.lang());
        let words = normalise(page);
        let spans = quotes::find(lx, blocks);
        let names = names::NameIndex::build(blocks, &spans);
        let roster = officials::find(&names);
        let mut attributed = roster.clone();
        let quotes = attribution::attribute(lx, blocks, &spans, &names, &mut attributed);
        Stages { page: page.clone(), lx, words, spans, names, roster, attributed, quotes }
    }

    /// Repeated paragraphs from the compare words; returns the number of groups.
    pub fn repeats(&self) -> usize {
        repeats::find(self.page.blocks(), &self.words, |b| self.page.is_furniture(b)).len()
    }

    /// Quote mark pairing and multi-paragraph chains; returns the number of segments.
    pub fn quotes(&self) -> usize {
        quotes::find(self.lx, self.page.blocks()).len()
    }

    /// Name runs, titles, appositions and alias resolution; returns the number of mentions.
    pub fn names(&self) -> usize {
        names::NameIndex::build(self.page.blocks(), &self.spans).mentions.len()
    }

    /// The roster of officials and people from the name mentions; returns the number of
    /// name mentions it was built from.
    pub fn officials(&self) -> usize {
        let roster = officials::find(&self.names);
        std::hint::black_box(&roster);
        self.names.mentions.len()
    }

    /// Speaker cues and their resolution (on a copy of the roster, which it updates);
    /// returns the number of quotes with a speaker.
    pub fn attribution(&self) -> usize {
        let mut roster = self.roster.clone();
        let quotes =
            attribution::attribute(self.lx, self.page.blocks(), &self.spans, &self.names, &mut roster);
        quotes.iter().filter(|q| q.speaker.is_some()).count()
    }

    /// The Report from the roster, quote drift, and offsets converted to UTF-16 (as in the
    /// browser); returns the number of officials and people.
    pub fn report(&self) -> usize {
        let blocks = self.page.blocks();
        let (officials, people) = self.attributed.clone().into_report(blocks);
        let quote_drift = repeats::quote_drift(blocks, &self.words, &self.quotes);
        let n = officials.len() + people.len();
        let report = Report {
            version: crate::REPORT_VERSION,
            offset_unit: OffsetUnit::Utf8,
            blocks: blocks.len(),
            repeats: Vec::new(),
            quotes: self.quotes.clone(),
            officials,
            people,
            quote_drift,
        };
        std::hint::black_box(report.convert_offsets(&self.page, OffsetUnit::Utf16));
        n
    }
}

/// NFKC runs, compare words and verbatim hashes of every block (the native NFKC).
fn normalise(page: &Page) -> repeats::Words {
    repeats::Words::read(page.blocks(), crate::native_nfkc())
}

/// The normalise stage alone; returns the number of blocks read.
pub fn normalise_only(page: &Page) -> usize {
    normalise(page).blocks()
}

/// A small deterministic random generator (splitmix64) for generated test and bench pages:
/// the same seed gives the same page on every machine.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
