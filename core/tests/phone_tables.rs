//! The generator of `core/src/data/phone.rs`, and the check that the committed file
//! is what it generates.
//!
//! The tables are read from libphonenumber's metadata exactly as the `phonenumber`
//! crate (our oracle, a dev-dependency) loads it from its bundled
//! `PhoneNumberMetadata.xml`, so the runtime matcher and the oracle read the same
//! patterns, lengths and prefixes. Regenerate after a `phonenumber` upgrade with
//! `MAILINFRA_REGENERATE=1 cargo test -p mailinfra --test phone_tables`
//! (`tools/gen-data.sh` does it too).

use std::collections::HashMap;
use std::fmt::Write;

use phonenumber::metadata::{Descriptor, Metadata, DATABASE};

const OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/phone.rs");

/// The `phonenumber` version from Cargo.lock, e.g. `0.3.10+9.0.33`.
fn locked_version() -> String {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock"))
        .expect("Cargo.lock is committed");
    lock.split("[[package]]")
        .find(|p| p.contains("name = \"phonenumber\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .and_then(|v| v.strip_suffix('"'))
        .expect("phonenumber is locked")
        .to_string()
}

/// Patterns are compiled by `phonenumber` with whitespace ignored (`x` flag); the
/// matcher compiles them without it, so whitespace goes here.
fn clean(pattern: &str) -> String {
    assert!(
        !pattern.contains('#') && !pattern.contains("\\ "),
        "pattern relies on the x flag beyond whitespace: {pattern}"
    );
    pattern.chars().filter(|c| !c.is_whitespace()).collect()
}

fn lengths(list: &[u16]) -> u32 {
    assert!(
        list.windows(2).all(|w| w[0] < w[1]),
        "lengths not ascending: {list:?}"
    );
    list.iter().fold(0, |m, &l| {
        assert!(l < 32, "length {l} does not fit the bit set");
        m | 1 << l
    })
}

#[derive(Default)]
struct Patterns {
    list: Vec<String>,
    index: HashMap<String, usize>,
}

impl Patterns {
    fn add(&mut self, pattern: &str) -> usize {
        let p = clean(pattern);
        if let Some(&i) = self.index.get(&p) {
            return i;
        }
        self.list.push(p.clone());
        self.index.insert(p, self.list.len() - 1);
        self.list.len() - 1
    }
}

fn desc(patterns: &mut Patterns, d: &Descriptor) -> String {
    format!(
        "PhoneDesc {{ pattern: {}, lengths: {:#x} }}",
        patterns.add(d.national_number().as_str()),
        lengths(d.possible_length())
    )
}

fn region(patterns: &mut Patterns, id: &str, m: &Metadata) -> String {
    let d = m.descriptors();
    let mut opt = |p: Option<&str>| match p {
        Some(p) => format!("Some({})", patterns.add(p)),
        None => "None".to_string(),
    };
    let leading = opt(m.leading_digits().map(|r| r.as_str()));
    let idd = opt(m.international_prefix().map(|r| r.as_str()));
    let npp = opt(m.national_prefix_for_parsing().map(|r| r.as_str()));
    let general = desc(patterns, d.general());
    // Validity only asks whether *some* type matches, so the order is free: the
    // common types go first. "NA" patterns never match digits and are left out,
    // as are types identical to one already listed.
    let mut types: Vec<String> = Vec::new();
    for t in [
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.voip(),
        d.personal_number(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
    {
        if t.national_number().as_str().trim() == "NA" {
            continue;
        }
        let s = desc(patterns, t);
        if !types.contains(&s) {
            types.push(s);
        }
    }
    format!(
        "PhoneRegion {{ code: {}, leading_digits: {leading}, international_prefix: {idd}, \
         national_prefix: {:?}, national_prefix_for_parsing: {npp}, national_prefix_transform_rule: {:?}, \
         general: {general}, general_local_lengths: {:#x}, types: &[{}] }}, // {id}",
        m.country_code(),
        m.national_prefix().unwrap_or(""),
        m.national_prefix_transform_rule(),
        lengths(d.general().possible_local_length()),
        types.join(", "),
    )
}

fn render() -> String {
    let mut patterns = Patterns::default();
    let mut regions = Vec::new();
    let mut codes = Vec::new();
    let mut ids = Vec::new();
    for code in 1u16..1000 {
        let (Some(names), Some(metas)) = (DATABASE.region(&code), DATABASE.by_code(&code)) else {
            continue;
        };
        assert_eq!(names.len(), metas.len());
        codes.push(format!("({code}, {}, {}),", regions.len(), names.len()));
        for (id, m) in names.iter().zip(metas) {
            assert_eq!(*id, m.id());
            if *id != "001" {
                ids.push((id.to_string(), regions.len()));
            }
            regions.push(region(&mut patterns, id, m));
        }
    }
    ids.sort();
    let version = locked_version();
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "// @generated by core/tests/phone_tables.rs — do not edit."
    );
    let _ = writeln!(w, "// Source: libphonenumber PhoneNumberMetadata.xml as loaded by the phonenumber crate {version}.");
    let _ = writeln!(w, "\nuse super::{{PhoneDesc, PhoneRegion}};\n");
    let _ = writeln!(
        w,
        "/// The metadata release these tables were generated from."
    );
    let _ = writeln!(w, "pub const PHONE_SOURCE: &str = \"libphonenumber {} metadata (PhoneNumberMetadata.xml of the phonenumber crate {version})\";\n",
        version.split_once('+').map_or("?", |v| v.1));
    let _ = writeln!(
        w,
        "/// Number of distinct patterns (the size of the lazy compile cache)."
    );
    let _ = writeln!(
        w,
        "pub const PHONE_PATTERN_COUNT: usize = {};\n",
        patterns.list.len()
    );
    let _ = writeln!(
        w,
        "/// Every distinct pattern, whitespace removed; matched at the start of the input."
    );
    let _ = writeln!(
        w,
        "pub static PHONE_PATTERNS: [&str; PHONE_PATTERN_COUNT] = ["
    );
    for p in &patterns.list {
        let _ = writeln!(w, "    {p:?},");
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(
        w,
        "/// Every territory, grouped by calling code, the code's main region first."
    );
    let _ = writeln!(w, "pub static PHONE_REGIONS: &[PhoneRegion] = &[");
    for r in &regions {
        let _ = writeln!(w, "    {r}");
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(
        w,
        "/// (calling code, first index in `PHONE_REGIONS`, count), sorted by code."
    );
    let _ = writeln!(w, "pub static PHONE_CODES: &[(u16, u16, u8)] = &[");
    for c in &codes {
        let _ = writeln!(w, "    {c}");
    }
    let _ = writeln!(w, "];\n");
    let _ = writeln!(
        w,
        "/// (region id, index in `PHONE_REGIONS`), sorted by id; non-geographic entries excluded."
    );
    let _ = writeln!(w, "pub static PHONE_IDS: &[(&str, u16)] = &[");
    for (id, i) in &ids {
        let _ = writeln!(w, "    ({id:?}, {i}),");
    }
    let _ = writeln!(w, "];");
    out
}

#[test]
fn generated_phone_tables_are_current() {
    let fresh = render();
    if std::env::var_os("MAILINFRA_REGENERATE").is_some() {
        std::fs::write(OUT, &fresh).expect("write core/src/data/phone.rs");
        return;
    }
    let committed = std::fs::read_to_string(OUT).expect("core/src/data/phone.rs exists");
    assert!(
        committed == fresh,
        "core/src/data/phone.rs is stale: rerun with MAILINFRA_REGENERATE=1"
    );
}
