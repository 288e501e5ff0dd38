//! UTS #46's mapping (`IdnaMappingTable.txt` as idna_mapping 1.1.0 reads it: Unicode
//! 16.0, non-transitional, no STD3 rules), the two properties its checks read,
//! Bidi_Class and Joining_Type (16.0), and the Script_Extensions (unicode-script
//! 0.5.9) of UTS #39's single-script test of a decoded label, read from the data packs
//! `unicode/idna-<first code point>`, one per code-point range
//! (`core/data/packs/unicode/`, written by `tools/gen-idna-pack.sh`): compiled in with
//! the feature `embedded-data`, else registered by the host with [`load`], so the npm
//! form module downloads only the ranges a domain's text needs.
//!
//! The mapping of ASCII is answered without the packs (upper case maps to lower case,
//! the rest is valid, as the table says). Any other lookup in a range whose pack is
//! not loaded records the pack as missing ([`take_missing`]) and answers neutrally (the
//! code point valid and itself, so the call goes on to read its other ranges; L, U,
//! Common), so the caller can discard the result, fetch the packs and call again. A
//! mapping may lead into a range not yet loaded: that call names it in turn, so a
//! domain needs at most three rounds (its code points' ranges, their mappings', and
//! with everything loaded). `idna` reads the properties only of a domain with
//! non-ASCII text, the host's check the scripts only of an `xn--` label.

use std::cell::Cell;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::uts39::{ScriptNames, ScriptSet};

#[path = "uts46_packs.rs"]
mod packs;
pub use packs::{PACKS, PACK_HEADER};

/// The largest pack text [`load`] accepts (the largest generated one is 25 KB).
pub const MAX_PACK_BYTES: usize = 128 * 1024;

// Which packs a lookup found missing is a bit set.
const _: () = assert!(PACKS.len() <= 64);

/// What UTS #46 does with a code point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    Valid,
    Ignored,
    Mapped(&'static str),
    Disallowed,
}

/// One parsed pack, a range of code points: the first code point of each run, its
/// status, and the text every mapped run maps to, one after the other.
struct Table {
    starts: Vec<u32>,
    runs: Vec<Run>,
    mapped: String,
    bidi: Property,
    joining: Property,
    scripts: Property,
    /// Each Script_Extensions value of `scripts`, as the pack writes it and as a set.
    script_values: Vec<(String, ScriptSet)>,
}

/// A property's runs: the first code point of each, and its value's index in the
/// property's values.
#[derive(Default)]
struct Property {
    starts: Vec<u32>,
    values: Vec<u16>,
}

impl Property {
    fn get(&self, c: char) -> Option<u16> {
        let cp = u32::from(c);
        let i = self.starts.partition_point(|&s| s <= cp).checked_sub(1)?;
        self.values.get(i).copied()
    }
}

/// Bidi_Class's values as the packs (and unicode-bidi) name them.
pub const BIDI_CLASSES: [&str; 23] = [
    "AL", "AN", "B", "BN", "CS", "EN", "ES", "ET", "FSI", "L", "LRE", "LRI", "LRO", "NSM", "ON",
    "PDF", "PDI", "R", "RLE", "RLI", "RLO", "S", "WS",
];

/// Joining_Type's values, by their short names.
pub const JOINING_TYPES: [&str; 6] = ["C", "D", "L", "R", "T", "U"];

/// The Bidi_Class of `c` (a name of [`BIDI_CLASSES`]); `"L"` (and its pack recorded as
/// missing) while its pack is not loaded.
pub fn bidi_class(c: char) -> &'static str {
    property(c, |t| &t.bidi, &BIDI_CLASSES, "L")
}

/// The Joining_Type of `c` (a name of [`JOINING_TYPES`]); `"U"` (and its pack recorded
/// as missing) while its pack is not loaded.
pub fn joining_type(c: char) -> &'static str {
    property(c, |t| &t.joining, &JOINING_TYPES, "U")
}

/// The Script_Extensions of `c` as unicode-script names them: short names joined by a
/// space, `Zyyy` (Common), `Zinh` (Inherited) or `Zzzz` (Unknown); `"Zyyy"` (and its
/// pack recorded as missing) while its pack is not loaded.
pub fn script_extensions(c: char) -> &'static str {
    let Some(table) = table(c) else {
        return "Zyyy";
    };
    script_value(table, c).map_or("Zzzz", |(name, _)| name.as_str())
}

fn script_value(table: &Table, c: char) -> Option<&(String, ScriptSet)> {
    let i = table.scripts.get(c)?;
    table.script_values.get(usize::from(i))
}

/// Whether the augmented script sets of `s`'s characters intersect (UTS #39 "single
/// script", as unicode-security 0.1.3's `MixedScript::is_single_script` resolves it):
/// Japanese Han+Kana is one script, Common and Inherited go with any. `true` (and the
/// packs of its characters recorded as missing) while a pack it reads is not loaded.
pub fn is_single_script(s: &str) -> bool {
    // ASCII is Latin and Common, which intersect: answered without the packs.
    if s.is_ascii() {
        return true;
    }
    let mut set = ScriptSet::ALL;
    let mut missing = false;
    for c in s.chars() {
        match table(c) {
            Some(table) => {
                let value = script_value(table, c).map_or(ScriptSet::NONE, |&(_, v)| v);
                set = set.intersect(value);
            }
            // Every character's pack is recorded, so one round fetches them all.
            None => missing = true,
        }
    }
    missing || !set.is_empty()
}

fn property(
    c: char,
    which: fn(&Table) -> &Property,
    names: &[&'static str],
    missing: &'static str,
) -> &'static str {
    let Some(table) = table(c) else {
        return missing;
    };
    which(table)
        .get(c)
        .and_then(|i| names.get(usize::from(i)).copied())
        .unwrap_or(missing)
}

#[derive(Clone, Copy)]
enum Run {
    Valid,
    Ignored,
    Disallowed,
    /// A byte range of `Table::mapped`.
    Mapped(u32, u32),
}

/// A cell per pack, filled once.
static TABLES: [OnceLock<Table>; PACKS.len()] = [const { OnceLock::new() }; PACKS.len()];

/// The bits of the scripts every pack's sets are made of, shared so that the sets of
/// characters from different packs intersect as they should.
static SCRIPT_NAMES: Mutex<ScriptNames> = Mutex::new(ScriptNames::new());

thread_local! {
    /// The packs (bit i: `PACKS[i]`) a lookup found missing since the last `take_missing`.
    static MISSING: Cell<u64> = const { Cell::new(0) };
}

/// The names of the packs a lookup found missing since the last call, and clears them.
pub fn take_missing() -> Vec<&'static str> {
    let mut bits = MISSING.with(|m| m.replace(0));
    let mut names = Vec::new();
    while bits != 0 {
        if let Some(&(_, name)) = PACKS.get(bits.trailing_zeros() as usize) {
            names.push(name);
        }
        bits &= bits - 1;
    }
    names
}

/// Whether a lookup found a pack missing since [`take_missing`] was last called.
pub fn is_missing() -> bool {
    MISSING.with(|m| m.get() != 0)
}

/// The index in [`PACKS`] of the pack named `name`.
pub fn pack_index(name: &str) -> Option<usize> {
    PACKS.iter().position(|&(_, n)| n == name)
}

/// What every pack's name starts with; the rest is the first code point of its range
/// in hex, at least four digits, which the pack's `range` line repeats.
const PREFIX: &str = "unicode/idna-";

/// The code points of pack `i`: from its first to the one before the next pack's.
fn range(i: usize) -> Option<(u32, u32)> {
    let &(first, _) = PACKS.get(i)?;
    let last = PACKS.get(i + 1).map_or(0x10FFFF, |&(next, _)| next - 1);
    Some((first, last))
}

/// Registers pack `name`'s text (its first line is not checked here: that is the
/// caller's `PACK_HEADER` test); loading it again changes nothing.
pub fn load(name: &str, text: &str) -> Result<(), String> {
    let i = pack_index(name).ok_or_else(|| format!("no pack is named {name:?}"))?;
    if text.len() > MAX_PACK_BYTES {
        return Err(format!(
            "a data pack of {} bytes is over the limit of {MAX_PACK_BYTES} bytes",
            text.len()
        ));
    }
    let table = parse(i, text)?;
    if let Some(cell) = TABLES.get(i) {
        let _ = cell.set(table);
    }
    Ok(())
}

/// What UTS #46 does with `c`; [`Mapping::Valid`] (and its pack recorded as missing)
/// for a non-ASCII code point while its pack is not loaded.
pub fn mapping(c: char) -> Mapping {
    if c.is_ascii_uppercase() {
        let i = usize::from(c as u8 - b'A');
        return Mapping::Mapped(ASCII_LOWER.get(i..=i).unwrap_or_default());
    }
    if c.is_ascii() {
        return Mapping::Valid;
    }
    let Some(table) = table(c) else {
        return Mapping::Valid;
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

/// The pack of `c`'s range: loaded, or parsed now from the compiled-in text, or
/// recorded as missing. (Not inlined: its four callers would each carry a copy in the
/// form module.)
#[inline(never)]
fn table(c: char) -> Option<&'static Table> {
    let cp = u32::from(c);
    let i = PACKS
        .partition_point(|&(first, _)| first <= cp)
        .checked_sub(1)?;
    let cell = TABLES.get(i)?;
    if let Some(done) = cell.get() {
        return Some(done);
    }
    #[cfg(feature = "embedded-data")]
    if let Some(parsed) = packs::EMBEDDED.get(i).and_then(|text| parse(i, text).ok()) {
        return Some(cell.get_or_init(|| parsed));
    }
    MISSING.with(|m| m.set(m.get() | 1 << i));
    None
}

/// Reads pack `i` (the format is in `tools/gen_idna_pack.py`): runs covering its
/// range in order.
fn parse(i: usize, text: &str) -> Result<Table, String> {
    let (first, last) = range(i).ok_or("no such pack")?;
    let &(_, name) = PACKS.get(i).ok_or("no such pack")?;
    let mut table = Table {
        starts: Vec::new(),
        runs: Vec::new(),
        mapped: String::new(),
        bidi: Property::default(),
        joining: Property::default(),
        scripts: Property::default(),
        script_values: Vec::new(),
    };
    let mut next: u32 = first;
    let mut header = 0;
    let mut lines = text.lines().enumerate();
    for (n, line) in lines.by_ref() {
        let bad = |why: &str| format!("line {}: {why}", n + 1);
        if line.starts_with('#') {
            continue;
        }
        if line.starts_with("unicode\t") || line.starts_with("source\t") {
            header += 1;
            continue;
        }
        if let Some(stated) = line.strip_prefix("range\t") {
            if Some(stated) != name.strip_prefix(PREFIX) {
                return Err(bad("the range is not this pack's"));
            }
            header += 1;
            continue;
        }
        if line == "bidi" {
            break;
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
        if len == 0 || next > last {
            return Err(bad("run out of range"));
        }
        table.starts.push(next);
        table.runs.push(run);
        next = next.saturating_add(len);
    }
    if next != last + 1 || header != 3 {
        return Err("the runs do not end at the range's end, or the header is incomplete".into());
    }
    table.bidi = property_runs(
        &mut lines,
        (first, last),
        &mut named(&BIDI_CLASSES),
        Some("joining"),
    )?;
    table.joining = property_runs(
        &mut lines,
        (first, last),
        &mut named(&JOINING_TYPES),
        Some("scripts"),
    )?;
    let mut values: Vec<&str> = Vec::new();
    table.scripts = property_runs(
        &mut lines,
        (first, last),
        &mut |value| {
            let i = values.iter().position(|&v| v == value).unwrap_or_else(|| {
                values.push(value);
                values.len() - 1
            });
            u16::try_from(i).ok()
        },
        None,
    )?;
    let mut names = SCRIPT_NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    for value in values {
        let set = names.augmented(value)?;
        table.script_values.push((value.to_string(), set));
    }
    Ok(table)
}

/// A property's value by its index in `names`.
fn named<'n>(names: &'n [&str]) -> impl FnMut(&str) -> Option<u16> + 'n {
    |value| {
        let i = names.iter().position(|&v| v == value)?;
        u16::try_from(i).ok()
    }
}

/// A property's section: `<length, hex><TAB><value>` lines covering the pack's range
/// `first..=last`, up to the line `end` (or the end of the text), each value's index
/// given by `index` (`dyn`: one copy of this reader in the module, not one per caller).
fn property_runs<'a>(
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
    (first, last): (u32, u32),
    index: &mut dyn FnMut(&'a str) -> Option<u16>,
    end: Option<&str>,
) -> Result<Property, String> {
    let mut property = Property::default();
    let mut next: u32 = first;
    for (n, line) in lines.by_ref() {
        if Some(line) == end {
            break;
        }
        let bad = |why: &str| format!("line {}: {why}", n + 1);
        let (len, name) = line.split_once('\t').ok_or_else(|| bad("no tab"))?;
        let len = u32::from_str_radix(len, 16).map_err(|_| bad("no run length"))?;
        let value = index(name).ok_or_else(|| bad("unknown value"))?;
        if len == 0 || next > last {
            return Err(bad("run out of range"));
        }
        property.starts.push(next);
        property.values.push(value);
        next = next.saturating_add(len);
    }
    if next != last + 1 {
        return Err("a property's runs do not end at the range's end".into());
    }
    Ok(property)
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

    /// Every code point's Bidi_Class and Joining_Type are unicode-bidi 0.3.18's and
    /// unicode-joining-type 1.0.0's.
    #[test]
    fn every_code_point_has_the_crates_bidi_class_and_joining_type() {
        use unicode_joining_type::JoiningType as J;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bidi = format!("{:?}", unicode_bidi::bidi_class(c));
            assert_eq!(bidi_class(c), bidi, "{c:?}");
            let joining = match unicode_joining_type::get_joining_type(c) {
                J::JoinCausing => "C",
                J::DualJoining => "D",
                J::LeftJoining => "L",
                J::RightJoining => "R",
                J::Transparent => "T",
                _ => "U",
            };
            assert_eq!(joining_type(c), joining, "{c:?}");
        }
        assert!(!is_missing());
    }

    /// Every code point's Script_Extensions is unicode-script 0.5.9's.
    #[test]
    fn every_code_point_has_the_crates_script_extensions() {
        use unicode_script::UnicodeScript;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let ext = c.script_extension();
            let upstream = if ext.is_common() {
                vec!["Zyyy"]
            } else if ext.is_inherited() {
                vec!["Zinh"]
            } else if ext.is_empty() {
                vec!["Zzzz"]
            } else {
                let mut names: Vec<&str> = ext.iter().map(|s| s.short_name()).collect();
                names.sort_unstable();
                names
            };
            let mut ours: Vec<&str> = script_extensions(c).split(' ').collect();
            ours.sort_unstable();
            assert_eq!(ours, upstream, "{c:?}");
        }
        assert!(!is_missing());
    }

    /// Generated strings of mixed scripts, Common, Inherited, Han with kana, Hangul or
    /// Bopomofo, characters of several scripts and unassigned ones are single-script
    /// exactly when unicode-security 0.1.3 says so.
    #[test]
    fn generated_strings_are_single_script_as_unicode_security_says() {
        use unicode_script::UnicodeScript;
        use unicode_security::MixedScript;
        let several: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.script_extension().len() > 1)
            .collect();
        const RANGES: [(u32, u32); 14] = [
            (0x20, 0x7E),       // ASCII: Latin and Common
            (0xB7, 0xB7),       // middle dot: many scripts
            (0x300, 0x36F),     // combining marks: Inherited
            (0x370, 0x3FF),     // Greek
            (0x400, 0x4FF),     // Cyrillic
            (0x600, 0x6FF),     // Arabic
            (0x3000, 0x30FF),   // CJK punctuation, Hiragana, Katakana
            (0x3100, 0x312F),   // Bopomofo
            (0x4E00, 0x4E40),   // Han
            (0xAC00, 0xAC40),   // Hangul
            (0xFF00, 0xFFEF),   // halfwidth and fullwidth forms
            (0x200C, 0x200D),   // ZWNJ, ZWJ: Inherited
            (0x0378, 0x037A),   // unassigned and Greek
            (0x1F300, 0x1F320), // symbols: Common
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| -> usize {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap_or(0)
        };
        let (mut single, mut mixed) = (0, 0);
        for _ in 0..200_000 {
            let len = 1 + next(6);
            let s: String = (0..len)
                .filter_map(|_| match next(16) {
                    0 => several.get(next(several.len())).copied(),
                    1 => char::from_u32(next(0x110000) as u32),
                    _ => {
                        let (a, b) = RANGES[next(RANGES.len())];
                        char::from_u32(a + next((b - a + 1) as usize) as u32)
                    }
                })
                .collect();
            let upstream = s.as_str().is_single_script();
            assert_eq!(is_single_script(&s), upstream, "{s:?}");
            if upstream {
                single += 1;
            } else {
                mixed += 1;
            }
        }
        assert!(single > 50_000 && mixed > 50_000, "{single} {mixed}");
        for (s, one) in [
            ("ひらがな漢字カタカナ", true),
            ("한국어漢字", true),
            ("ㄅ漢", true),
            ("ひら한", false),
            ("pаypal", false),
            ("b\u{301}", true),
            ("", true),
        ] {
            assert_eq!(is_single_script(s), one, "{s:?}");
        }
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
    fn every_pack_parses_and_covers_its_range() {
        for (i, text) in packs::EMBEDDED.iter().enumerate() {
            assert!(text.starts_with(&format!("{PACK_HEADER}\n")), "{i}");
            assert!(parse(i, text).is_ok(), "{i}");
            // A pack read as another range's is refused.
            let other = (i + 1) % PACKS.len();
            assert!(parse(other, text).is_err(), "{i} as {other}");
        }
        assert_eq!(PACKS.first().map(|p| p.0), Some(0));
        assert!(PACKS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn malformed_packs_are_refused() {
        // Pack 0 covers U+0000..=U+02FF.
        assert_eq!(range(0), Some((0, 0x2FF)));
        let header = "unicode\t16.0.0\nsource\tx\nrange\t0000\n";
        let tail = "bidi\n300\tL\njoining\n300\tU\nscripts\n300\tZzzz\n";
        for bad in [
            "",
            "300v\n",
            &format!("unicode\t16.0.0\nsource\tx\nrange\t0300\n300v\n{tail}"),
            &format!("unicode\t16.0.0\nsource\tx\nrange\t0\n300v\n{tail}"),
            &format!("{header}200v\n"),
            &format!("{header}300q\n"),
            &format!("{header}300vx\n"),
            &format!("{header}1m+ffffffff\n2ffv\n"),
            &format!("{header}1m\n2ffv\n"),
            &format!("{header}0v\n300v\n"),
            &format!("{header}300v\n1v\n"),
            &format!("{header}301v\n{tail}"),
            &format!("{header}300v\n"),
            &format!("{header}300v\nbidi\n300\tL\n"),
            &format!("{header}300v\nbidi\n300\tQ\njoining\n300\tU\n"),
            &format!("{header}300v\nbidi\n2ff\tL\njoining\n300\tU\n"),
            &format!("{header}300v\nbidi\n300 L\njoining\n300\tU\n"),
            &format!("{header}300v\nbidi\n300\tL\njoining\n300\tL\n1\tU\n"),
            &format!("{header}300v\nbidi\n300\tL\njoining\n300\tU\n"),
            &format!("{header}300v\nbidi\n300\tL\njoining\n300\tU\nscripts\n300\tLatin\n"),
            &format!("{header}300v\nbidi\n300\tL\njoining\n300\tU\nscripts\n10\tLatn\n"),
        ] {
            assert!(parse(0, bad).is_err(), "{bad:?}");
        }
        assert!(parse(0, &format!("{header}41v\n1m+20\n2bev\n{tail}")).is_ok());
        assert!(parse(PACKS.len(), &format!("{header}300v\n{tail}")).is_err());
        assert!(load("unicode/idna-0000", &"#".repeat(MAX_PACK_BYTES + 1)).is_err());
        for name in [
            "unicode/idna",
            "unicode/idna-300",
            "unicode/idna-0301",
            "unicode/idna-0300x",
        ] {
            assert_eq!(pack_index(name), None, "{name}");
        }
        assert_eq!(pack_index("unicode/idna-0300"), Some(1));
        assert!(load("unicode/idna", "").is_err());
    }
}
