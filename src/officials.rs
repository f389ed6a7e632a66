//! Officials: people named with a public-office title, every mention of one person merged
//! into one entry (Putin = Vladimir Putin = President Putin).

use std::collections::HashMap;

use crate::names::NameIndex;
use crate::report::{Mention, Official};

/// One official while the page is being read.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Fullest name.
    pub name: String,
    /// Titles as written, first seen first.
    pub titles: Vec<String>,
    /// Role families of those titles.
    pub families: Vec<&'static str>,
    country: Option<&'static str>,
    /// Organisation from a title modifier.
    pub organisation: Option<String>,
    /// (block, start, end) of every mention, UTF-8.
    mentions: Vec<(usize, usize, usize)>,
    quotes: usize,
}

/// The officials of a page.
#[derive(Debug, Clone, Default)]
pub struct Officials {
    entries: Vec<Entry>,
    by_name: HashMap<String, usize>,
}

/// Finds the officials among the name mentions.
pub fn find(names: &NameIndex) -> Officials {
    let mut officials = Officials::default();
    for (k, m) in names.mentions.iter().enumerate() {
        let Some(title) = &m.title else { continue };
        let i = officials.index_or_insert(names.full_of(k));
        let e = &mut officials.entries[i];
        if !e.titles.iter().any(|t| t.eq_ignore_ascii_case(&title.text)) {
            e.titles.push(title.text.clone());
            e.families.push(title.family);
        }
        e.country = e.country.or(title.country);
        if e.organisation.is_none() {
            e.organisation.clone_from(&title.organisation);
        }
        e.mentions.push((m.block, m.start, m.end));
    }
    for (k, m) in names.mentions.iter().enumerate().filter(|(_, m)| m.title.is_none()) {
        if let Some(i) = officials.find_by_name(names.full_of(k)) {
            officials.entries[i].mentions.push((m.block, m.name_start, m.name_end));
        }
    }
    officials
}

impl Officials {
    fn index_or_insert(&mut self, name: &str) -> usize {
        if let Some(i) = self.find_by_name(name) {
            return i;
        }
        self.by_name.insert(name.to_string(), self.entries.len());
        self.entries.push(Entry {
            name: name.to_string(),
            titles: Vec::new(),
            families: Vec::new(),
            country: None,
            organisation: None,
            mentions: Vec::new(),
            quotes: 0,
        });
        self.entries.len() - 1
    }

    /// The official with this full name.
    pub fn find_by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// The officials, for reading.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The official that a role noun refers to ("the White House spokesman"): one whose title
    /// has the same role family and, when the phrase names an organisation, that organisation;
    /// among several, the one mentioned last before `(block, at)`.
    pub fn by_role(
        &self,
        family: &str,
        organisation: Option<&str>,
        block: usize,
        at: usize,
    ) -> Option<usize> {
        let fits = |e: &Entry| {
            e.families.contains(&family) && organisation.is_none_or(|o| e.organisation.as_deref() == Some(o))
        };
        let last_before = |e: &Entry| {
            e.mentions.iter().filter(|&&(b, s, _)| (b, s) <= (block, at)).map(|&(b, s, _)| (b, s)).max()
        };
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e))
            .max_by_key(|(_, e)| last_before(e))
            .map(|(i, _)| i)
    }

    /// Records another mention of official `i`.
    pub fn add_mention(&mut self, i: usize, block: usize, start: usize, end: usize) {
        let m = &mut self.entries[i].mentions;
        if !m.iter().any(|&(b, s, e)| b == block && s <= start && end <= e) {
            m.push((block, start, end));
        }
    }

    /// Counts a quote attributed to official `i`.
    pub fn count_quote(&mut self, i: usize) {
        self.entries[i].quotes += 1;
    }

    /// The Report's list, with mention texts, each list in page order.
    pub fn into_report(self, blocks: &[String]) -> Vec<Official> {
        self.entries
            .into_iter()
            .map(|mut e| {
                e.mentions.sort_unstable();
                e.mentions.dedup();
                Official {
                    name: e.name,
                    titles: e.titles,
                    country: e.country.map(str::to_string),
                    organisation: e.organisation,
                    mentions: e
                        .mentions
                        .into_iter()
                        .map(|(block, start, end)| Mention {
                            block,
                            start,
                            end,
                            text: blocks[block][start..end].to_string(),
                        })
                        .collect(),
                    quotes: e.quotes,
                }
            })
            .collect()
    }
}
