//! What every Report must satisfy, for property tests and fuzz targets: every offset in bounds
//! and on a character boundary, every text equal to its slice, indices that point somewhere,
//! repeat groups of two or more distinct blocks in ascending order.

use crate::{Page, Report};

/// Checks a Report with UTF-8 offsets against the page it was made from.
pub fn check(page: &Page, r: &Report) -> Result<(), String> {
    let blocks = page.blocks();
    let slice = |b: usize, s: usize, e: usize| -> Result<&str, String> {
        let t = blocks.get(b).ok_or_else(|| format!("block {b} of {}", blocks.len()))?;
        if !(s <= e && e <= t.len()) {
            return Err(format!("{s}..{e} outside block {b} of {} bytes", t.len()));
        }
        if !(t.is_char_boundary(s) && t.is_char_boundary(e)) {
            return Err(format!("{s}..{e} not on character boundaries in block {b}"));
        }
        Ok(&t[s..e])
    };
    if r.blocks != blocks.len() {
        return Err(format!("{} blocks reported, {} given", r.blocks, blocks.len()));
    }
    for (i, q) in r.quotes.iter().enumerate() {
        if slice(q.block, q.start, q.end)? != q.text {
            return Err(format!("quote {i}: text differs from its slice"));
        }
        if let Some(sp) = q.speaker_span {
            if Some(slice(sp.block, sp.start, sp.end)?) != q.speaker.as_deref() {
                return Err(format!("quote {i}: speaker differs from its slice"));
            }
        }
        if q.official.is_some_and(|o| o >= r.officials.len()) || q.person.is_some_and(|p| p >= r.people.len())
        {
            return Err(format!("quote {i}: speaker index out of range"));
        }
        if q.chain.is_some_and(|c| c > i) {
            return Err(format!("quote {i}: chain points forward"));
        }
    }
    let mentions =
        r.officials.iter().flat_map(|o| &o.mentions).chain(r.people.iter().flat_map(|p| &p.mentions));
    for m in mentions {
        if slice(m.block, m.start, m.end)? != m.text {
            return Err(format!("mention {:?}: text differs from its slice", m.text));
        }
    }
    let mut seen = vec![false; blocks.len()];
    for g in &r.repeats {
        if g.blocks.len() < 2 || !g.blocks.windows(2).all(|w| w[0] < w[1]) {
            return Err(format!("repeat group {:?} is not two or more ascending blocks", g.blocks));
        }
        for &b in &g.blocks {
            if b >= blocks.len() || seen[b] {
                return Err(format!("block {b} out of range or in two groups"));
            }
            seen[b] = true;
        }
    }
    Ok(())
}
