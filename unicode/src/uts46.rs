//! UTS #46's mapping (`IdnaMappingTable.txt` as idna_mapping 1.1.0 reads it: Unicode
//! 16.0, non-transitional, no STD3 rules), read from the data pack `unicode/idna`
//! (`core/data/packs/unicode/idna.txt`, written by `tools/gen-idna-pack.sh`): compiled
//! in with the feature `embedded-data`, else registered by the host with [`load`], so
//! the npm form module downloads the table only for a domain with non-ASCII text.
//!
//! ASCII is answered without the table (upper case maps to lower case, the rest is
//! valid, as the table says): a lookup of any other code point while the pack is not
//! loaded records it as missing ([`take_missing`]) and answers disallowed, so the
//! caller can discard the result and fetch the pack.

use std::cell::Cell;
use std::sync::OnceLock;

/// The pack's name, as the host fetches it.
pub const PACK: &str = "unicode/idna";

/// The largest pack text [`load`] accepts (the generated one is 58 KB).
pub const MAX_PACK_BYTES: usize = 256 * 1024;

#[cfg(feature = "embedded-data")]
const EMBEDDED: Option<&str> = Some(include_str!("../../core/data/packs/unicode/idna.txt"));
#[cfg(not(feature = "embedded-data"))]
const EMBEDDED: Option<&str> = None;

/// What UTS #46 does with a code point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    Valid,
    Ignored,
    Mapped(&'static str),
    Disallowed,
}

/// The parsed pack: the first code point of each run, its status, and the text every
/// mapped run maps to, one after the other.
struct Table {
    starts: Vec<u32>,
    runs: Vec<Run>,
    mapped: String,
}

#[derive(Clone, Copy)]
enum Run {
    Valid,
    Ignored,
    Disallowed,
    /// A byte range of `Table::mapped`.
    Mapped(u32, u32),
}

static TABLE: OnceLock<Table> = OnceLock::new();

thread_local! {
    static MISSING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a lookup found the pack missing since the last call, and clears that.
pub fn take_missing() -> bool {
    MISSING.with(|m| m.replace(false))
}

/// Whether a lookup found the pack missing since [`take_missing`] was last called.
pub fn is_missing() -> bool {
    MISSING.with(Cell::get)
}

/// Registers the pack's text; loading it again changes nothing.
pub fn load(text: &str) -> Result<(), String> {
    if text.len() > MAX_PACK_BYTES {
        return Err(format!(
            "a data pack of {} bytes is over the limit of {MAX_PACK_BYTES} bytes",
            text.len()
        ));
    }
    let table = parse(text)?;
    let _ = TABLE.set(table);
    Ok(())
}

/// What UTS #46 does with `c`; [`Mapping::Disallowed`] (and recorded as missing) for
/// a non-ASCII code point while the pack is not loaded.
pub fn mapping(c: char) -> Mapping {
    if c.is_ascii_uppercase() {
        let i = usize::from(c as u8 - b'A');
        return Mapping::Mapped(ASCII_LOWER.get(i..=i).unwrap_or_default());
    }
    if c.is_ascii() {
        return Mapping::Valid;
    }
    let Some(table) = table() else {
        MISSING.with(|m| m.set(true));
        return Mapping::Disallowed;
    };
    let cp = u32::from(c);
    let i = table.starts.partition_point(|&s| s <= cp).saturating_sub(1);
    match table.runs.get(i) {
        Some(Run::Valid) => Mapping::Valid,
        Some(Run::Ignored) => Mapping::Ignored,
        Some(&Run::Mapped(from, to)) => Mapping::Mapped(
            table
                .mapped
                .get(from as usize..to as usize)
                .unwrap_or_default(),
        ),
        Some(Run::Disallowed) | None => Mapping::Disallowed,
    }
}

const ASCII_LOWER: &str = "abcdefghijklmnopqrstuvwxyz";

fn table() -> Option<&'static Table> {
    if let Some(done) = TABLE.get() {
        return Some(done);
    }
    let parsed = parse(EMBEDDED?).ok()?;
    Some(TABLE.get_or_init(|| parsed))
}

/// Reads the pack (the format is in `tools/gen_idna_pack.py`): runs covering
/// U+0000..=U+10FFFF in order.
fn parse(text: &str) -> Result<Table, String> {
    let mut table = Table {
        starts: Vec::new(),
        runs: Vec::new(),
        mapped: String::new(),
    };
    let mut next: u32 = 0;
    let mut header = 0;
    for (n, line) in text.lines().enumerate() {
        let bad = |why: &str| format!("line {}: {why}", n + 1);
        if line.starts_with('#') {
            continue;
        }
        if line.starts_with("unicode\t") || line.starts_with("source\t") {
            header += 1;
            continue;
        }
        let split = line
            .find(|c: char| !c.is_ascii_hexdigit())
            .ok_or_else(|| bad("no status"))?;
        let (len, rest) = line.split_at(split);
        let len = u32::from_str_radix(len, 16).map_err(|_| bad("no run length"))?;
        let mut chars = rest.chars();
        let run = match chars.next() {
            Some('v') => Run::Valid,
            Some('i') => Run::Ignored,
            Some('x') => Run::Disallowed,
            Some('m') => {
                let from = table.mapped.len();
                let to_add = mapped_text(chars.as_str(), next).ok_or_else(|| bad("bad mapping"))?;
                table.mapped.push_str(&to_add);
                let at = |x: usize| u32::try_from(x).map_err(|_| bad("too long"));
                Run::Mapped(at(from)?, at(table.mapped.len())?)
            }
            _ => return Err(bad("unknown status")),
        };
        if !matches!(run, Run::Mapped(..)) && !chars.as_str().is_empty() {
            return Err(bad("text after the status"));
        }
        if len == 0 || next > 0x10FFFF {
            return Err(bad("run out of range"));
        }
        table.starts.push(next);
        table.runs.push(run);
        next = next.saturating_add(len);
    }
    if next != 0x11_0000 || header != 2 {
        return Err("the runs do not end at U+10FFFF, or the header is incomplete".into());
    }
    Ok(table)
}

/// A mapped run's text: `+`/`-` a difference from the run's first code point `first`,
/// or hex code points joined by `,`.
fn mapped_text(spec: &str, first: u32) -> Option<String> {
    let code = |s: &str| u32::from_str_radix(s, 16).ok();
    if let Some(d) = spec.strip_prefix('+') {
        return char::from_u32(first.checked_add(code(d)?)?).map(String::from);
    }
    if let Some(d) = spec.strip_prefix('-') {
        return char::from_u32(first.checked_sub(code(d)?)?).map(String::from);
    }
    spec.split(',').map(|s| char::from_u32(code(s)?)).collect()
}

/// UTS #46's mapping step over `chars` ([`mapping`] of each): ignored code points are
/// dropped, or with `ignored_as_errors` made U+FFFD like disallowed ones. The API of
/// idna_mapping 1.1.0's `Mapper`, which it replaces.
pub struct Mapper<I: Iterator<Item = char>> {
    chars: I,
    slice: Option<std::str::Chars<'static>>,
    ignored_as_errors: bool,
}

impl<I: Iterator<Item = char>> Mapper<I> {
    pub fn new(chars: I, ignored_as_errors: bool) -> Self {
        Self {
            chars,
            slice: None,
            ignored_as_errors,
        }
    }
}

impl<I: Iterator<Item = char>> Iterator for Mapper<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            if let Some(c) = self.slice.as_mut().and_then(Iterator::next) {
                return Some(c);
            }
            self.slice = None;
            let c = self.chars.next()?;
            return Some(match mapping(c) {
                Mapping::Valid => c,
                Mapping::Ignored if !self.ignored_as_errors => continue,
                Mapping::Ignored | Mapping::Disallowed => '\u{FFFD}',
                Mapping::Mapped(s) => {
                    self.slice = Some(s.chars());
                    continue;
                }
            });
        }
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;

    /// Every code point maps as idna_mapping 1.1.0's compiled tables map it: with
    /// ignored code points dropped, and with them made U+FFFD.
    #[test]
    fn every_code_point_maps_as_idna_mapping_does() {
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for ignored_as_errors in [false, true] {
                let ours: String = Mapper::new(std::iter::once(c), ignored_as_errors).collect();
                let upstream: String =
                    idna_mapping::Mapper::new(std::iter::once(c), ignored_as_errors).collect();
                assert_eq!(
                    ours, upstream,
                    "{c:?} ignored_as_errors={ignored_as_errors}"
                );
            }
            checked += 1;
        }
        assert_eq!(checked, 0x110000 - 0x800);
        assert!(!is_missing());
    }

    #[test]
    fn text_maps_run_by_run() {
        let mapped: String = Mapper::new("Bücher\u{AD}.DE\u{FB01}".chars(), false).collect();
        assert_eq!(mapped, "bücher.defi");
        let strict: String = Mapper::new("a\u{AD}b".chars(), true).collect();
        assert_eq!(strict, "a\u{FFFD}b");
    }

    #[test]
    fn malformed_packs_are_refused() {
        let good = EMBEDDED.unwrap_or_default();
        assert!(parse(good).is_ok());
        let header = "unicode\t16.0.0\nsource\tx\n";
        for bad in [
            "",
            "110000v\n",
            &format!("{header}100000v\n"),
            &format!("{header}110000q\n"),
            &format!("{header}110000vx\n"),
            &format!("{header}1m+ffffffff\n10ffffv\n"),
            &format!("{header}1m\n10ffffv\n"),
            &format!("{header}0v\n110000v\n"),
            &format!("{header}110000v\n1v\n"),
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse(&format!("{header}41v\n1m+20\n10ffbev\n")).is_ok());
        assert!(load(&"#".repeat(MAX_PACK_BYTES + 1)).is_err());
    }
}
