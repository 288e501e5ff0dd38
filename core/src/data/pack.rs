//! The pack format and its parser. A pack is UTF-8 text, `#` comment lines first
//! (the first names the generation: generator, sources, a hash of the kind's packs;
//! `store::load_pack` checks it), then `key<TAB>value` lines in a fixed order, list
//! values as further tab-separated fields:
//!
//! - `address/<ISO>` (`tools/gen_data.py`): `zip`, `zipex` (examples), `zipkind`,
//!   `signs` (country signs), `statekind`, `require` (`S` and/or `Z`), then one
//!   `state<TAB>key<TAB>name<TAB>latin name<TAB>postal prefix` line per subdivision,
//!   then optionally a `names` line followed by the state names, one
//!   `folded name<TAB>state index` a line, sorted byte-wise.
//! - `phone/<REGION>` (`tools/gen_phone.py`): `code`, `idd`, `npp` (national prefix
//!   for parsing), `rule` (its transform rule), `general<TAB>lengths<TAB>local
//!   lengths<TAB>pattern`, then one `type<TAB>lengths<TAB>pattern` line per number
//!   type. Lengths are hexadecimal bit sets (bit n = length n), patterns unanchored.
//! - `psl/<unit>` (`tools/gen_data.py`): the ICANN rules below the unit, a TLD
//!   (`psl/jp`: its rules of two or more labels, but those a second-level name's
//!   pack holds) or a second-level name of a large TLD (`psl/tokyo.jp`: its rules of
//!   three or more labels) or a key of a keyed TLD's second-level labels
//!   (`psl/s.no`: `no`'s rules whose second-level label starts with `s`, below `no`),
//!   as a tree of labels, no keys: a label a line from the one under the unit (the
//!   TLD for a keyed pack) down,
//!   indented a space per level, `?` after a label that is not itself a rule (shared
//!   suffixes written once: the whole list is 17 KB gzip as trees, 23 KB as names).
//!
//! Anything else is a `PackError` naming the line: a pack may come from a host's
//! fetch, so no byte sequence may panic.

use std::sync::OnceLock;

use regex_lite::Regex;

use super::store::PackError;
use crate::full_match::Program;

/// A country's postal-address rules, from Google's address metadata.
#[derive(Debug)]
pub struct AddressFormat {
    /// Postal-code regex (Google syntax, to be full-matched); `""` when the country has none.
    pub zip: String,
    /// Example postal codes (Google `zipex`), first is the most typical.
    pub zip_examples: Vec<String>,
    /// Google `zip_name_type`: `"zip"`, `"postal"`, `"pin"` or `"eircode"`.
    pub zip_kind: String,
    /// What may be written before a postal code (`CH-8001`, `D-10115`): the ISO 3166-1
    /// code, Google's `postprefix` and the old vehicle sign (`tools/gen_data.py`).
    pub country_signs: Vec<String>,
    /// Google `state_name_type`: `"state"`, `"province"`, `"county"`, ...
    pub state_kind: String,
    /// Google `require` contains `S`.
    pub requires_state: bool,
    /// Google `require` contains `Z`.
    pub requires_zip: bool,
    /// The country's first-level subdivisions, in Google's order.
    pub states: Vec<State>,
    /// Every name a state may be typed as, one `name<TAB>index into states` a line,
    /// sorted byte-wise by name, names `state_names::fold`ed: keys, names in each of
    /// Google's language records, ISO 3166-2 codes, names and carried translations,
    /// `tools/state-aliases.tsv`. One string searched in place (`state_names::lookup`).
    pub state_names: String,
}

/// One first-level subdivision (state, province, ...).
#[derive(Debug)]
pub struct State {
    key: String,
    name: String,
    latin_name: String,
    zip_prefix: String,
}

impl State {
    /// The key the postal format uses (`sub_keys`): what `prepare` writes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Display name (`sub_names`, falling back to the key).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Latin-script name (`sub_lnames`) or `""`.
    pub fn latin_name(&self) -> &str {
        &self.latin_name
    }

    /// Regex for the postal-code prefixes of this state (`sub_zips`), `""` when unknown.
    pub fn zip_prefix(&self) -> &str {
        &self.zip_prefix
    }
}

/// One territory of libphonenumber's metadata: what parsing and validity read, no
/// formatting rules. Which regions share a calling code and their leading digits are
/// in the module's table (`PHONE_REGIONS`), not here.
#[derive(Debug)]
pub struct PhoneRegion {
    /// Country calling code.
    pub code: u16,
    /// International (IDD) prefix, e.g. `011` for the US (prefix).
    pub international_prefix: Option<Pattern>,
    /// The national prefix (and carrier code) to strip from a national number (prefix).
    pub national_prefix_for_parsing: Option<Pattern>,
    /// Replacement for the national prefix match (`\1`...), when it rewrites.
    pub national_prefix_transform_rule: Option<String>,
    /// Every valid number matches this.
    pub general: PhoneDesc,
    /// Lengths only dialable locally (bit n = length n).
    pub general_local_lengths: u32,
    /// The number types (fixed line, mobile, toll free, ...); valid = general and one of these.
    pub types: Vec<PhoneDesc>,
}

/// A number-type description: a pattern the whole national number must match, and
/// its possible lengths.
#[derive(Debug)]
pub struct PhoneDesc {
    /// A full-match pattern.
    pub pattern: Pattern,
    /// Possible lengths, bit n = length n; 0 when the metadata gives none.
    pub lengths: u32,
}

/// A metadata pattern, anchored for its use and compiled the first time a number
/// needs it (most numbers touch a few of a region's patterns).
#[derive(Debug)]
pub struct Pattern {
    anchored: String,
    compiled: OnceLock<Option<Regex>>,
    /// The program of a number or prefix pattern (`full_match`), built on first use.
    program: OnceLock<Option<Program>>,
}

impl Pattern {
    /// `^(?:p)$` (a full match) or `^(?:p)` (a match at the start).
    pub fn new(p: &str, full: bool) -> Self {
        let end = if full { "$" } else { "" };
        Self {
            anchored: format!("^(?:{p}){end}"),
            compiled: OnceLock::new(),
            program: OnceLock::new(),
        }
    }

    /// The compiled pattern; `None` only if it does not compile, which the tests rule
    /// out for every generated pack.
    pub fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| Regex::new(&self.anchored).ok())
            .as_ref()
    }

    /// The pattern as a program that matches without `regex-lite` (libphonenumber's
    /// number and leading-digits patterns all are); `None` for any other pattern.
    pub(crate) fn program(&self) -> Option<&Program> {
        self.program
            .get_or_init(|| {
                let p = self.anchored.strip_prefix("^(?:")?;
                Program::compile(p.strip_suffix(")$").or_else(|| p.strip_suffix(')'))?)
            })
            .as_ref()
    }
}

/// The lines of a pack after its comments, each split at tabs, with their numbers.
struct Lines<'a> {
    lines: std::iter::Peekable<std::iter::Enumerate<std::str::Lines<'a>>>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut lines = text.lines().enumerate().peekable();
        while lines.next_if(|(_, l)| l.starts_with('#')).is_some() {}
        Self { lines }
    }

    /// The next line, which must start with `key`: its other fields.
    fn field(&mut self, key: &str) -> Result<(usize, std::str::Split<'a, char>), PackError> {
        let Some((n, line)) = self.lines.next() else {
            return Err(PackError::Malformed(format!("ends before `{key}`")));
        };
        let mut fields = line.split('\t');
        if fields.next() != Some(key) {
            return Err(bad(n, &format!("expected `{key}`")));
        }
        Ok((n, fields))
    }

    /// The one value of a `key<TAB>value` line.
    fn value(&mut self, key: &str) -> Result<&'a str, PackError> {
        let (n, mut fields) = self.field(key)?;
        match (fields.next(), fields.next()) {
            (Some(v), None) => Ok(v),
            _ => Err(bad(n, &format!("`{key}` takes one value"))),
        }
    }

    /// Whether the next line starts with `key<TAB>` (or is `key`).
    fn next_is(&mut self, key: &str) -> bool {
        self.lines.peek().is_some_and(|(_, l)| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('\t'))
        })
    }

    fn end(mut self) -> Result<(), PackError> {
        match self.lines.next() {
            None => Ok(()),
            Some((n, _)) => Err(bad(n, "unexpected line")),
        }
    }
}

fn bad(line: usize, why: &str) -> PackError {
    PackError::Malformed(format!("line {}: {why}", line + 1))
}

fn list(fields: std::str::Split<'_, char>) -> Vec<String> {
    fields
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses an `address/<ISO>` pack.
pub(super) fn address(text: &str) -> Result<AddressFormat, PackError> {
    let mut lines = Lines::new(text);
    let zip = lines.value("zip")?.to_string();
    let zip_examples = list(lines.field("zipex")?.1);
    let zip_kind = lines.value("zipkind")?.to_string();
    let country_signs = list(lines.field("signs")?.1);
    let state_kind = lines.value("statekind")?.to_string();
    let require = lines.value("require")?;
    let mut states = Vec::new();
    while lines.next_is("state") {
        let (n, mut f) = lines.field("state")?;
        let (Some(key), Some(name), Some(latin), Some(prefix), None) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            return Err(bad(n, "a state has four fields"));
        };
        if key.is_empty() {
            return Err(bad(n, "a state without a key"));
        }
        states.push(State {
            key: key.to_string(),
            name: name.to_string(),
            latin_name: latin.to_string(),
            zip_prefix: prefix.to_string(),
        });
    }
    let mut state_names = String::new();
    if lines.next_is("names") {
        lines.field("names")?;
        let mut previous = "";
        for (n, line) in lines.lines.by_ref() {
            let index = line.split_once('\t').and_then(|(name, i)| {
                (name > previous).then_some(())?;
                previous = name;
                i.parse::<usize>().ok().filter(|&i| i < states.len())
            });
            if index.is_none() {
                return Err(bad(n, "expected `name<TAB>state index`, names sorted"));
            }
            if !state_names.is_empty() {
                state_names.push('\n');
            }
            state_names.push_str(line);
        }
    }
    lines.end()?;
    Ok(AddressFormat {
        zip,
        zip_examples,
        zip_kind,
        country_signs,
        state_kind,
        requires_state: require.contains('S'),
        requires_zip: require.contains('Z'),
        states,
        state_names,
    })
}

/// A hexadecimal bit set of lengths.
fn lengths(n: usize, s: Option<&str>) -> Result<u32, PackError> {
    s.and_then(|s| u32::from_str_radix(s, 16).ok())
        .ok_or_else(|| bad(n, "expected hexadecimal lengths"))
}

/// Parses a `phone/<REGION>` pack.
pub(super) fn phone(text: &str) -> Result<PhoneRegion, PackError> {
    let mut lines = Lines::new(text);
    let code = lines.value("code")?;
    let code = code
        .parse::<u16>()
        .map_err(|_| PackError::Malformed(format!("calling code `{code}`")))?;
    let prefix = |p: &str| (!p.is_empty()).then(|| Pattern::new(p, false));
    let international_prefix = prefix(lines.value("idd")?);
    let national_prefix_for_parsing = prefix(lines.value("npp")?);
    let rule = lines.value("rule")?;
    let (n, mut g) = lines.field("general")?;
    let general_lengths = lengths(n, g.next())?;
    let general_local_lengths = lengths(n, g.next())?;
    let (Some(general), None) = (g.next().filter(|p| !p.is_empty()), g.next()) else {
        return Err(bad(n, "expected one general pattern"));
    };
    let mut types = Vec::new();
    while lines.next_is("type") {
        let (n, mut f) = lines.field("type")?;
        let lengths = lengths(n, f.next())?;
        let (Some(p), None) = (f.next().filter(|p| !p.is_empty()), f.next()) else {
            return Err(bad(n, "expected one type pattern"));
        };
        types.push(PhoneDesc {
            pattern: Pattern::new(p, true),
            lengths,
        });
    }
    lines.end()?;
    Ok(PhoneRegion {
        code,
        international_prefix,
        national_prefix_for_parsing,
        national_prefix_transform_rule: (!rule.is_empty()).then(|| rule.to_string()),
        general: PhoneDesc {
            pattern: Pattern::new(general, true),
            lengths: general_lengths,
        },
        general_local_lengths,
        types,
    })
}

/// Parses a `psl` pack of rules below `suffix` (the unit, or a keyed TLD): its rules
/// as names (`<labels>.<suffix>`), sorted.
pub(super) fn psl(suffix: &str, text: &str) -> Result<Vec<String>, PackError> {
    let lines = Lines::new(text);
    let mut path: Vec<&str> = Vec::new();
    let mut names = Vec::new();
    for (n, line) in lines.lines {
        let label = line.trim_start_matches(' ');
        let depth = line.len() - label.len();
        if depth > path.len() {
            return Err(bad(n, "indented more than one level below the line before"));
        }
        path.truncate(depth);
        let (label, is_rule) = match label.strip_suffix('?') {
            Some(inner) => (inner, false),
            None => (label, true),
        };
        if label.is_empty()
            || !label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(bad(n, "expected a lower-case A-label"));
        }
        path.push(label);
        if is_rule {
            let mut name = String::new();
            for l in path.iter().rev() {
                name.push_str(l);
                name.push('.');
            }
            name.push_str(suffix);
            names.push(name);
        }
    }
    if names.is_empty() {
        return Err(PackError::Malformed("no rules".into()));
    }
    names.sort_unstable();
    names.dedup();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    const US: &str = "# comment\nzip\t\\d{5}\nzipex\t95014\t22162-1010\nzipkind\tzip\n\
        signs\tUS\nstatekind\tstate\nrequire\tSZ\nstate\tAL\tAlabama\t\t3[56]\n\
        state\tAK\tAlaska\t\t99\nnames\nak\t1\nal\t0\nalabama\t0\n";

    #[test]
    fn reads_an_address_pack() -> Result<(), PackError> {
        let f = address(US)?;
        assert_eq!(f.zip, "\\d{5}");
        assert_eq!(f.zip_examples, ["95014", "22162-1010"]);
        assert!(f.requires_state && f.requires_zip);
        assert_eq!(f.states.len(), 2);
        assert_eq!(f.states[1].key(), "AK");
        assert_eq!(f.states[0].zip_prefix(), "3[56]");
        assert_eq!(f.state_names, "ak\t1\nal\t0\nalabama\t0");
        Ok(())
    }

    #[test]
    fn refuses_malformed_address_packs() {
        for bad in [
            "",
            "zip\t1\n",
            &US.replace("zipkind", "zipkinds"),
            &US.replace("ak\t1", "ak\t2"),
            &US.replace("ak\t1", "zz\t1"),
            &US.replace("\t\t99", "\t99"),
            &(US.to_string() + "names\n"),
            &US.replace("names\n", ""),
        ] {
            assert!(address(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn reads_and_refuses_psl_packs() -> Result<(), PackError> {
        let jp = "# x\naichi\n agui\nkawasaki?\n a\n";
        assert_eq!(
            psl("jp", jp)?,
            ["a.kawasaki.jp", "agui.aichi.jp", "aichi.jp"]
        );
        for bad in [
            "# x\n",
            " aichi\n",
            "aichi\n  agui\n",
            "a b\n",
            "Aichi\n",
            "?\n",
            "a?\n",
        ] {
            assert!(psl("jp", bad).is_err(), "{bad:?}");
        }
        Ok(())
    }

    #[test]
    fn reads_and_refuses_phone_packs() -> Result<(), PackError> {
        let ok = "# x\ncode\t44\nidd\t00\nnpp\t0\nrule\t\ngeneral\t600\t0\t\\d{9,10}\n\
            type\t400\t7\\d{9}\n";
        let r = phone(ok)?;
        assert_eq!((r.code, r.types.len(), r.general.lengths), (44, 1, 0x600));
        assert!(r.national_prefix_transform_rule.is_none());
        assert!(r
            .general
            .pattern
            .regex()
            .is_some_and(|p| p.is_match("7123456789")));
        assert!(r
            .international_prefix
            .as_ref()
            .and_then(Pattern::regex)
            .is_some_and(|p| p.is_match("0044")));
        for bad in [
            ok.replace("44", "x"),
            ok.replace("600", "zz"),
            ok.replace("\t\\d{9,10}", ""),
            ok.replace("type\t400\t", "type\t400\t\t"),
            ok.replace("rule\t\n", ""),
            ok.to_string() + "extra\n",
        ] {
            assert!(phone(&bad).is_err(), "{bad:?}");
        }
        Ok(())
    }
}
