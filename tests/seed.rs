//! The seed article, natively: the Report must be what `../shared/seed/expected.json` says.

#[cfg(factlens_shared)]
mod common;

#[cfg(factlens_shared)]
#[test]
fn seed_article_gives_the_expected_report() {
    let text = include_str!(env!("FACTLENS_SEED_TEXT"));
    let expected: serde_json::Value =
        serde_json::from_str(include_str!(env!("FACTLENS_SEED_EXPECTED"))).unwrap();
    let page = factlens::Page::from_text(text);
    let report = factlens::analyze(&page);
    let diffs = common::seed_differences(&report, &expected);
    assert!(diffs.is_empty(), "the seed Report differs from expected.json:\n{}", diffs.join("\n"));

    // Every offset is on a character boundary and its slice is the reported text.
    for q in &report.quotes {
        assert_eq!(&page.blocks()[q.block][q.start..q.end], q.text);
    }
    for o in &report.officials {
        for m in &o.mentions {
            assert_eq!(&page.blocks()[m.block][m.start..m.end], m.text);
        }
    }
}

#[cfg(not(factlens_shared))]
#[test]
#[ignore = "../shared/seed is not beside this checkout (a user's clone): the seed golden test cannot run"]
fn seed_article_gives_the_expected_report() {}
