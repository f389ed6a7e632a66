//! Tells the tests where the shared seed and pages are, when they are beside the project.
use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(factlens_shared)");
    println!("cargo::rustc-check-cfg=cfg(factlens_pages)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=FACTLENS_SHARED");
    // FACTLENS_SHARED points elsewhere (or nowhere, to check a user's clone); default ../shared.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let shared = match std::env::var_os("FACTLENS_SHARED") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => Path::new(&manifest).join("..").join("shared"),
    };
    println!("cargo::rerun-if-changed={}", shared.join("seed").display());
    let seed = shared.join("seed").join("article.txt");
    let expected = shared.join("seed").join("expected.json");
    if seed.is_file() && expected.is_file() {
        println!("cargo::rustc-cfg=factlens_shared");
        println!("cargo::rustc-env=FACTLENS_SEED_TEXT={}", seed.display());
        println!("cargo::rustc-env=FACTLENS_SEED_EXPECTED={}", expected.display());
    }
    // The saved news pages, read at run time by tests/people.rs (the golden people labels).
    let pages = shared.join("pages");
    println!("cargo::rerun-if-changed={}", pages.display());
    if pages.join("README.md").is_file() {
        println!("cargo::rustc-cfg=factlens_pages");
        println!("cargo::rustc-env=FACTLENS_PAGES={}", pages.display());
    }
}
