//! Officials and people: every person named on the page, each with all their mentions merged
//! into one entry (Putin = Vladimir Putin = President Putin). A person written with a title
//! of office is an official; the others are people.

use std::collections::HashMap;

use crate::names::NameIndex;
use crate::report::{Mention, Official, Person};

/// One person while the page is being read.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// Fullest name.
    pub name: String,
    /// Titles as written, first seen first (none for people who are not officials).
    pub titles: Vec<String>,
    /// Role families of those titles.
    pub families: Vec<&'static str>,
    country: Option<&'static str>,
    /// Organisation from a title modifier.
    pub organisation: Option<String>,
    /// (block, start, end, ambiguous) of every mention, UTF-8.
    mentions: Vec<(usize, usize, usize, bool)>,
    quotes: usize,
}

/// Who a speaker is: an index into the officials or into the other people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// An official.
    Official(usize),
    /// A person without a title.
    Person(usize),
}

/// The officials and other people of a page.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    officials: Vec<Entry>,
    people: Vec<Entry>,
    by_name: HashMap<String, Who>,
}

/// Gathers the people of a page from its name mentions: first those with a title (the
/// officials), then everyone else.
pub fn find(names: &NameIndex) -> Roster {
    let mut roster = Roster::default();
    for (k, m) in names.mentions.iter().enumerate() {
        let Some(title) = &m.title else { continue };
        let i = roster.official_index(names.full_of(k));
        let e = &mut roster.officials[i];
        if !e.titles.iter().any(|t| t.eq_ignore_ascii_case(&title.text)) {
            e.titles.push(title.text.clone());
            e.families.push(title.family);
        }
        e.country = e.country.or(title.country);
        if e.organisation.is_none() {
            e.organisation.clone_from(&title.organisation);
        }
        e.mentions.push((m.block, m.start, m.end, names.is_ambiguous(k)));
    }
    for (k, m) in names.mentions.iter().enumerate().filter(|(_, m)| m.title.is_none()) {
        let name = names.full_of(k);
        let who = match roster.by_name.get(name) {
            Some(&who) => who,
            None => {
                roster.people.push(Entry { name: name.to_string(), ..Entry::default() });
                let who = Who::Person(roster.people.len() - 1);
                roster.by_name.insert(name.to_string(), who);
                who
            }
        };
        let mention = (m.block, m.name_start, m.name_end, names.is_ambiguous(k));
        roster.entry_mut(who).mentions.push(mention);
    }
    roster
}

impl Roster {
    fn official_index(&mut self, name: &str) -> usize {
        if let Some(Who::Official(i)) = self.by_name.get(name) {
            return *i;
        }
        self.by_name.insert(name.to_string(), Who::Official(self.officials.len()));
        self.officials.push(Entry { name: name.to_string(), ..Entry::default() });
        self.officials.len() - 1
    }

    fn entry_mut(&mut self, who: Who) -> &mut Entry {
        match who {
            Who::Official(i) => &mut self.officials[i],
            Who::Person(i) => &mut self.people[i],
        }
    }

    /// The official or person with this full name.
    pub fn find_by_name(&self, name: &str) -> Option<Who> {
        self.by_name.get(name).copied()
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
        let last_before =
            |e: &Entry| e.mentions.iter().filter(|m| (m.0, m.1) <= (block, at)).map(|m| (m.0, m.1)).max();
        self.officials
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e))
            .max_by_key(|(_, e)| last_before(e))
            .map(|(i, _)| i)
    }

    /// The full name of official `i`.
    pub fn official_name(&self, i: usize) -> &str {
        &self.officials[i].name
    }

    /// Records another mention of official `i` (a role noun that refers to them).
    pub fn add_mention(&mut self, i: usize, block: usize, start: usize, end: usize) {
        let m = &mut self.officials[i].mentions;
        if !m.iter().any(|&(b, s, e, _)| b == block && s <= start && end <= e) {
            m.push((block, start, end, false));
        }
    }

    /// Counts a quote attributed to someone.
    pub fn count_quote(&mut self, who: Who) {
        self.entry_mut(who).quotes += 1;
    }

    /// The Report's lists, with mention texts, each in page order: the officials, then the
    /// other people.
    pub fn into_report(self, blocks: &[String]) -> (Vec<Official>, Vec<Person>) {
        let mentions = |mut list: Vec<(usize, usize, usize, bool)>| -> Vec<Mention> {
            list.sort_unstable();
            list.dedup_by_key(|m| (m.0, m.1, m.2));
            list.into_iter()
                .map(|(block, start, end, ambiguous)| Mention {
                    block,
                    start,
                    end,
                    text: blocks[block][start..end].to_string(),
                    ambiguous,
                })
                .collect()
        };
        let officials = self
            .officials
            .into_iter()
            .map(|e| Official {
                name: e.name,
                titles: e.titles,
                country: e.country.map(str::to_string),
                organisation: e.organisation,
                mentions: mentions(e.mentions),
                quotes: e.quotes,
            })
            .collect();
        let people = self
            .people
            .into_iter()
            .map(|e| Person { name: e.name, mentions: mentions(e.mentions), quotes: e.quotes })
            .collect();
        (officials, people)
    }
}
