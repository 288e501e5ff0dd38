//! The packs of this process, each parsed once on first use and kept: with the cargo
//! feature `embedded-data` (the default) from the text compiled in; without it from
//! what the host registered with [`load_pack`] (the npm form module fetches packs).
//!
//! A rule that needs a pack which is not there records its name for the running call
//! and goes on with a neutral answer; [`with_packs`] then discards the call's result
//! and reports the names instead, so a result computed without its data is never seen.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::sync::OnceLock;

use super::countries::ADDRESS_PACK_HEADER;
use super::pack::{self, AddressFormat, PhoneRegion};
use super::phone::PHONE_PACK_HEADER;
use super::psl::{PSL_KEYED_TLDS, PSL_PACK_HEADER, PSL_PACK_UNITS};
use super::{COUNTRIES, PHONE_CODES, PHONE_REGIONS};

/// The largest pack text [`load_pack`] accepts (the largest generated pack,
/// `unicode/idna-10000`, is 25 KB).
pub const MAX_PACK_BYTES: usize = 128 * 1024;

/// Why [`load_pack`] refused a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// No such pack: the name is not `address/<ISO>` of a country with an address
    /// format, `phone/<REGION>` of a phone region, `psl/<unit>` of a unit with rules,
    /// nor `unicode/idna-<first code point>` of a range of UTS #46's tables.
    UnknownName(String),
    /// The text is over [`MAX_PACK_BYTES`].
    TooLarge(usize),
    /// The text is not a pack of its kind (what is wrong, and where).
    Malformed(String),
    /// The pack is from another generation of the data than this module (e.g. a CDN
    /// serving yesterday's packs beside today's module): its first line, and the
    /// module's.
    OtherGeneration {
        /// The pack's first line (at most 200 characters).
        pack: String,
        /// The header this module's packs carry.
        module: &'static str,
    },
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownName(name) => write!(
                f,
                "no data pack is named {name:?}: expected address/<country code>, \
                 phone/<region>, psl/<top-level domain> or unicode/idna-<first code point>"
            ),
            Self::TooLarge(n) => write!(
                f,
                "a data pack of {n} bytes is over the limit of {MAX_PACK_BYTES} bytes"
            ),
            Self::Malformed(why) => write!(f, "not a valid data pack: {why}"),
            Self::OtherGeneration { pack, module } => write!(
                f,
                "the data pack is from another data version than this module: \
                 the pack's header is {pack:?}, the module's is {module:?}"
            ),
        }
    }
}

impl std::error::Error for PackError {}

/// The packs a call needed and did not have, sorted (`["address/US", "phone/GB"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingPacks(pub Vec<String>);

impl fmt::Display for MissingPacks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data packs not loaded: {}", self.0.join(", "))
    }
}

impl std::error::Error for MissingPacks {}

thread_local! {
    /// The names of the packs the running call found missing, and how many
    /// `with_packs` calls are running (a nested call's misses are the outer call's too).
    static MISSING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Runs `call`; its result, or the packs it needed and did not have (then its result,
/// computed without them, is dropped). With `embedded-data` every pack is there.
pub fn with_packs<T>(call: impl FnOnce() -> T) -> Result<T, MissingPacks> {
    // The outer call's miss, if any; outside every call, a lookup's left-over flag.
    if DEPTH.with(Cell::get) > 0 {
        note_unicode_missing();
    } else {
        mailinfra_unicode::uts46::take_missing();
    }
    let outer = MISSING.with(|m| std::mem::take(&mut *m.borrow_mut()));
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = call();
    note_unicode_missing();
    let depth = DEPTH.with(|d| {
        d.set(d.get().saturating_sub(1));
        d.get()
    });
    let mut missing = MISSING.with(|m| std::mem::replace(&mut *m.borrow_mut(), outer));
    if missing.is_empty() {
        return Ok(result);
    }
    // Unstable: equal names are the same string; the pack reader's sort of names is
    // this one, so the form module carries one sort of strings, not two.
    missing.sort_unstable();
    missing.dedup();
    if depth > 0 {
        missing.iter().cloned().for_each(record_missing);
    }
    Err(MissingPacks(missing))
}

/// Whether the running call has found a pack missing: then what it computes is
/// discarded, and must not be remembered either (`recent.rs`).
pub(crate) fn any_missing() -> bool {
    MISSING.with(|m| !m.borrow().is_empty()) || mailinfra_unicode::uts46::is_missing()
}

/// `mailinfra-unicode` keeps its own record of the UTS #46 packs (a range of code
/// points each) a domain with non-ASCII text found missing (inside `idna`): recorded
/// here under their names.
fn note_unicode_missing() {
    for name in mailinfra_unicode::uts46::take_missing() {
        record_missing(name.to_string());
    }
}

fn record_missing(name: String) {
    MISSING.with(|m| {
        let mut m = m.borrow_mut();
        if !m.contains(&name) {
            m.push(name);
        }
    });
}

/// One cell per unit (country, phone region), filled once.
fn cells<T>(all: &'static OnceLock<Vec<OnceLock<T>>>, n: usize) -> &'static [OnceLock<T>] {
    all.get_or_init(|| (0..n).map(|_| OnceLock::new()).collect())
}

static ADDRESS: OnceLock<Vec<OnceLock<AddressFormat>>> = OnceLock::new();
static PHONE: OnceLock<Vec<OnceLock<PhoneRegion>>> = OnceLock::new();
static PSL: OnceLock<Vec<OnceLock<Vec<String>>>> = OnceLock::new();

/// What has a `psl` pack (TLDs, and second-level names like `tokyo.jp`), split on
/// first use.
fn psl_units() -> &'static [&'static str] {
    static UNITS: OnceLock<Vec<&'static str>> = OnceLock::new();
    UNITS.get_or_init(|| PSL_PACK_UNITS.split('\n').collect())
}

/// The unit whose `psl` pack holds the rule `name` if it is one: under a keyed TLD
/// the pack of its second-level label's key (`s.no` for `sande.no`); else its
/// second-level name (`tokyo.jp` for `chuo.tokyo.jp`) when that has a pack, else its
/// TLD. So a domain fetches only the packs that can hold its own names' rules.
fn psl_unit(name: &str) -> &str {
    let mut dots = name.rmatch_indices('.').map(|(i, _)| i + 1);
    let tld = dots.next().and_then(|i| name.get(i..)).unwrap_or(name);
    // Where the second-level name starts when a label is left of it.
    let third = dots.next();
    if PSL_KEYED_TLDS.contains(&tld) && tld.len() < name.len() {
        let second = name.get(third.unwrap_or(0)..).unwrap_or(name);
        return keyed_unit(second, tld).unwrap_or(tld);
    }
    third
        .and_then(|i| name.get(i..))
        .filter(|second| psl_units().binary_search(second).is_ok())
        .unwrap_or(tld)
}

/// The pack of a keyed TLD's rules under the second-level name `second` (`sande.no`):
/// the key is its first letter, for an A-label `xn-` and the first letter after `xn--`
/// (`psl_key` in tools/gen_data.py, which chose it: `no`'s largest pack is 0.4 KiB
/// gzip where its whole list is 3.2). `None`: no rule has that key.
fn keyed_unit(second: &str, tld: &str) -> Option<&'static str> {
    let (prefix, rest) = match second.strip_prefix("xn--") {
        Some(after) if !after.is_empty() => ("xn-", after),
        _ => ("", second),
    };
    // The unit's name written into a buffer: a label is at most 63 bytes.
    let mut unit = [0u8; 72];
    let mut len = 0;
    for part in [
        prefix.as_bytes(),
        rest.as_bytes().get(..1)?,
        b".",
        tld.as_bytes(),
    ] {
        unit.get_mut(len..len + part.len())?.copy_from_slice(part);
        len += part.len();
    }
    let unit = std::str::from_utf8(unit.get(..len)?).ok()?;
    let i = psl_units().binary_search(&unit).ok()?;
    psl_units().get(i).copied()
}

/// What a `psl` unit's rules are below: the unit, or for a keyed TLD's pack (`s.no`)
/// the TLD.
fn psl_suffix(unit: &str) -> &str {
    match unit.rsplit_once('.') {
        Some((_, tld)) if PSL_KEYED_TLDS.contains(&tld) => tld,
        _ => unit,
    }
}

/// The unit's pack: parsed already, or parsed now from the compiled-in text, or
/// recorded as missing.
fn get<T>(
    cell: &'static OnceLock<T>,
    embedded: Option<&'static str>,
    parse: impl FnOnce(&str) -> Result<T, PackError>,
    name: impl FnOnce() -> String,
) -> Option<&'static T> {
    if let Some(done) = cell.get() {
        return Some(done);
    }
    if let Some(parsed) = embedded.and_then(|text| parse(text).ok()) {
        return Some(cell.get_or_init(|| parsed));
    }
    record_missing(name());
    None
}

/// The address format of the country in row `i` of `COUNTRIES`, code `code` (which has one).
pub(super) fn address_format(i: usize, code: &str) -> Option<&'static AddressFormat> {
    #[cfg(feature = "embedded-data")]
    let embedded = super::countries::ADDRESS_PACKS.get(i).copied();
    #[cfg(not(feature = "embedded-data"))]
    let embedded = None;
    get(
        cells(&ADDRESS, COUNTRIES.len()).get(i)?,
        embedded,
        pack::address,
        || format!("address/{code}"),
    )
}

/// Phone region `i` of `PHONE_REGIONS`.
pub(crate) fn phone_region(i: usize) -> Option<&'static PhoneRegion> {
    let &(name, _) = PHONE_REGIONS.get(i)?;
    #[cfg(feature = "embedded-data")]
    let embedded = super::phone::PHONE_PACKS.get(i).copied();
    #[cfg(not(feature = "embedded-data"))]
    let embedded = None;
    get(
        cells(&PHONE, PHONE_REGIONS.len()).get(i)?,
        embedded,
        pack::phone,
        || format!("phone/{name}"),
    )
}

/// The ICANN rules (two or more labels) of the `psl` pack that would hold the rule
/// `name` (`psl_unit`), sorted: empty when there is no such pack, or while it is not
/// loaded (recorded for `with_packs`, which then discards the call).
pub(crate) fn psl_rules(name: &str) -> &'static [String] {
    let unit = psl_unit(name);
    let Ok(i) = psl_units().binary_search(&unit) else {
        return &[];
    };
    #[cfg(feature = "embedded-data")]
    let embedded = super::psl::PSL_PACKS.get(i).copied();
    #[cfg(not(feature = "embedded-data"))]
    let embedded = None;
    let Some(cell) = cells(&PSL, psl_units().len()).get(i) else {
        return &[];
    };
    get(
        cell,
        embedded,
        |text| pack::psl(psl_suffix(unit), text),
        || format!("psl/{unit}"),
    )
    .map_or(&[], Vec::as_slice)
}

/// Registers a pack the host fetched (`core/data/packs/<name>.txt`, as the npm
/// package ships it): `name` is `address/<ISO>`, `phone/<REGION>`, `psl/<tld>`, `psl/<second-level name>`, `psl/<key>.<keyed tld>` or
/// `unicode/idna-<first code point>`. A pack whose first line is not the header of this module's
/// generation is refused: its answers would come from other data.
/// Loading a pack that is already there changes nothing.
pub fn load_pack(name: &str, text: &str) -> Result<(), PackError> {
    let unknown = || PackError::UnknownName(name.chars().take(40).collect());
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge(text.len()));
    }
    let same_generation = |module: &'static str| {
        let first = text.lines().next().unwrap_or_default();
        if first == module {
            Ok(())
        } else {
            Err(PackError::OtherGeneration {
                pack: first.chars().take(200).collect(),
                module,
            })
        }
    };
    match name.split_once('/') {
        Some(("address", code)) => {
            let i = crate::country::index_of(code)
                .filter(|&i| COUNTRIES.get(i).is_some_and(|c| c.has_format))
                .ok_or_else(unknown)?;
            same_generation(ADDRESS_PACK_HEADER)?;
            let format = pack::address(text)?;
            if let Some(cell) = cells(&ADDRESS, COUNTRIES.len()).get(i) {
                let _ = cell.set(format);
            }
            Ok(())
        }
        Some(("phone", region)) => {
            let i = PHONE_REGIONS
                .iter()
                .position(|(n, _)| *n == region)
                .ok_or_else(unknown)?;
            same_generation(PHONE_PACK_HEADER)?;
            let parsed = pack::phone(text)?;
            let code = PHONE_CODES
                .iter()
                .find(|&&(_, first, n)| {
                    (usize::from(first)..usize::from(first) + usize::from(n)).contains(&i)
                })
                .map(|c| c.0);
            if code != Some(parsed.code) {
                return Err(PackError::Malformed(format!(
                    "calling code {} is not {name}'s",
                    parsed.code
                )));
            }
            if let Some(cell) = cells(&PHONE, PHONE_REGIONS.len()).get(i) {
                let _ = cell.set(parsed);
            }
            Ok(())
        }
        Some(("psl", unit)) => {
            let i = psl_units().binary_search(&unit).map_err(|_| unknown())?;
            same_generation(PSL_PACK_HEADER)?;
            let rules = pack::psl(psl_suffix(unit), text)?;
            if let Some(cell) = cells(&PSL, psl_units().len()).get(i) {
                let _ = cell.set(rules);
            }
            Ok(())
        }
        _ if mailinfra_unicode::uts46::pack_index(name).is_some() => {
            same_generation(mailinfra_unicode::uts46::PACK_HEADER)?;
            mailinfra_unicode::uts46::load(name, text).map_err(PackError::Malformed)
        }
        _ => Err(unknown()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unknown_names_and_large_texts() {
        for name in [
            "address/ZZ",
            "address/AO",
            "phone/ZZ",
            "psl/com",
            "psl/co.jp",
            "psl/no",
            "psl/q.no",
            "psl/chuo.tokyo.jp",
            "psl/tokyo",
            "psl/JP",
            "psl/",
            "US",
            "address/",
            "x/US",
            "unicode/x",
            "unicode/idna",
            "unicode/idna-0001",
            "",
        ] {
            assert!(
                matches!(load_pack(name, ""), Err(PackError::UnknownName(_))),
                "{name}"
            );
        }
        let big = "#".repeat(MAX_PACK_BYTES + 1);
        assert_eq!(
            load_pack("address/US", &big),
            Err(PackError::TooLarge(MAX_PACK_BYTES + 1))
        );
        let header = format!("{PHONE_PACK_HEADER}\ncode\t1\n");
        assert!(matches!(
            load_pack("phone/GB", &header),
            Err(PackError::Malformed(_))
        ));
        let idna = format!("{}\n41v\n", mailinfra_unicode::uts46::PACK_HEADER);
        assert!(matches!(
            load_pack("unicode/idna-0300", &idna),
            Err(PackError::Malformed(_))
        ));
        let greek = include_str!("../../data/packs/unicode/idna-0300.txt");
        assert!(matches!(
            load_pack("unicode/idna-0000", greek),
            Err(PackError::Malformed(_))
        ));
        assert_eq!(load_pack("unicode/idna-0300", greek), Ok(()));
    }

    #[test]
    fn a_pack_of_another_generation_is_refused() {
        let gb = include_str!("../../data/packs/phone/GB.txt");
        let older = gb.replacen("phonenumbers 9", "phonenumbers 8", 1);
        assert_ne!(older, gb);
        let jp = include_str!("../../data/packs/psl/jp.txt");
        let idna = include_str!("../../data/packs/unicode/idna-0000.txt");
        let other_idna = idna.replacen("(data ", "(data 0", 1);
        assert_ne!(other_idna, idna);
        for (name, text) in [
            ("unicode/idna-0000", other_idna.as_str()),
            ("unicode/idna-0000", gb),
            ("psl/jp", gb),
            ("phone/GB", older.as_str()),
            ("phone/GB", "code\t44\n"),
            ("address/US", gb),
        ] {
            let err = load_pack(name, text);
            assert!(
                matches!(err, Err(PackError::OtherGeneration { .. })),
                "{name}: {err:?}"
            );
            let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
            assert!(message.contains("another data version"), "{message}");
        }
        let message = load_pack("phone/GB", &older)
            .map_err(|e| e.to_string())
            .err()
            .unwrap_or_default();
        assert!(
            message.contains(&format!("{:?}", older.lines().next().unwrap_or_default()))
                && message.contains(&format!("{PHONE_PACK_HEADER:?}")),
            "{message}"
        );
        assert_eq!(load_pack("phone/GB", gb), Ok(()));
        assert_eq!(load_pack("psl/jp", jp), Ok(()));
        assert_eq!(load_pack("unicode/idna-0000", idna), Ok(()));
        assert!(psl_rules("jp").iter().any(|r| r == "kanagawa.jp"));
    }

    #[test]
    fn a_pack_of_another_calling_code_is_refused() {
        let us = include_str!("../../data/packs/phone/US.txt");
        let err = load_pack("phone/GB", us);
        assert!(matches!(err, Err(PackError::Malformed(ref m)) if m.contains("calling code 1")));
    }

    #[test]
    fn with_packs_reports_what_a_call_missed() {
        assert_eq!(with_packs(|| 7), Ok(7));
        let missed = with_packs(|| {
            record_missing("phone/GB".into());
            record_missing("address/US".into());
            record_missing("phone/GB".into());
            assert!(any_missing());
            7
        });
        assert_eq!(
            missed,
            Err(MissingPacks(vec!["address/US".into(), "phone/GB".into()]))
        );
        assert!(!any_missing());
        let outer = with_packs(|| {
            let inner = with_packs(|| record_missing("phone/US".into()));
            assert!(inner.is_err() && any_missing());
        });
        assert_eq!(outer, Err(MissingPacks(vec!["phone/US".into()])));
        assert!(!any_missing());
    }

    /// Every generated pack parses, and every phone pattern compiles: with
    /// `embedded-data`, the store reads exactly these texts.
    #[cfg(feature = "embedded-data")]
    #[test]
    fn every_generated_pack_parses() -> crate::test_support::TestResult {
        for (i, c) in COUNTRIES.iter().enumerate() {
            let text = super::super::countries::ADDRESS_PACKS
                .get(i)
                .copied()
                .unwrap_or("");
            assert_eq!(c.has_format, !text.is_empty(), "{}", c.code);
            if c.has_format {
                assert!(pack::address(text).is_ok(), "{}", c.code);
            }
        }
        for (i, (name, _)) in PHONE_REGIONS.iter().enumerate() {
            let r = phone_region(i).ok_or_else(|| format!("phone/{name}"))?;
            let patterns = r
                .international_prefix
                .iter()
                .chain(&r.national_prefix_for_parsing)
                .chain(std::iter::once(&r.general.pattern))
                .chain(r.types.iter().map(|d| &d.pattern));
            for p in patterns {
                assert!(p.regex().is_some(), "phone/{name}: {p:?}");
            }
        }
        let units = psl_units();
        assert!(units.len() > 100 && units.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(units.len(), super::super::psl::PSL_PACKS.len());
        for (unit, text) in units.iter().zip(super::super::psl::PSL_PACKS) {
            let under = format!(".{}", psl_suffix(unit));
            let rules = pack::psl(psl_suffix(unit), text).unwrap_or_default();
            assert!(!rules.is_empty(), "psl/{unit}");
            // Every rule is in the pack a lookup of it reads.
            for rule in &rules {
                assert!(rule.ends_with(&under), "psl/{unit}: {rule}");
                assert_eq!(psl_unit(rule), *unit, "psl/{unit}: {rule}");
                assert!(psl_rules(rule).contains(rule), "psl/{unit}: {rule}");
            }
        }
        assert!(units.contains(&"tokyo.jp") && psl_unit("tokyo.jp") == "jp");
        // `no` is keyed: a name whose key has no pack reads none, nor does `no` alone.
        assert!(!units.contains(&"no") && psl_unit("sande.no") == "s.no");
        assert_eq!(psl_unit("www.xn--bdddj-mrabd.no"), "xn-b.no");
        assert!(psl_rules("qq.no").is_empty() && psl_rules("xn--.no").is_empty());
        assert!(psl_unit("no") == "no" && psl_unit("no.jp") == "jp" && !any_missing());
        assert!(psl_rules("x.com").is_empty() && !any_missing());
        Ok(())
    }
}
