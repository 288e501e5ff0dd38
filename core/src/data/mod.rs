//! Generated reference tables. The `*.rs` files beside this one are written by
//! `tools/gen_data.py` from pinned public sources (see `SOURCES`); never edit them
//! by hand — regenerate with `tools/gen-data.sh`. `phone.rs` is written by
//! `tools/gen_phone.py` from libphonenumber's metadata in the pinned `phonenumbers` wheel.

mod countries;
#[rustfmt::skip]
mod phone;
mod psl;

pub use countries::{COUNTRIES, COUNTRY_SOURCE, STATE_DESIGNATORS};
pub use phone::{
    PHONE_CODES, PHONE_DIGIT_ZEROS, PHONE_IDS, PHONE_PATTERNS, PHONE_PATTERN_COUNT, PHONE_REGIONS,
    PHONE_SOURCE,
};
pub use psl::{PSL_EXCEPTIONS, PSL_SOURCE, PSL_TREE, PSL_WILDCARDS, TLDS};

/// One territory of libphonenumber's metadata: what parsing and validity read, no
/// formatting rules. Patterns are indices into `PHONE_PATTERNS` (compiled lazily).
#[derive(Debug)]
pub struct PhoneRegion {
    /// Country calling code.
    pub code: u16,
    /// Which national numbers belong to this region when several share `code` (prefix).
    pub leading_digits: Option<u16>,
    /// International (IDD) prefix, e.g. `011` for the US (prefix).
    pub international_prefix: Option<u16>,
    /// The national prefix (and carrier code) to strip from a national number (prefix).
    pub national_prefix_for_parsing: Option<u16>,
    /// Replacement for the national prefix match (`\1`...), when it rewrites.
    pub national_prefix_transform_rule: Option<&'static str>,
    /// Every valid number matches this.
    pub general: PhoneDesc,
    /// Lengths only dialable locally (bit n = length n).
    pub general_local_lengths: u32,
    /// The number types (fixed line, mobile, toll free, ...); valid = general and one of these.
    pub types: &'static [PhoneDesc],
}

/// A number-type description: a pattern the whole national number must match, and
/// its possible lengths.
#[derive(Debug, Clone, Copy)]
pub struct PhoneDesc {
    /// Index into `PHONE_PATTERNS` (a full-match pattern).
    pub pattern: u16,
    /// Possible lengths, bit n = length n; 0 when the metadata gives none.
    pub lengths: u32,
}

impl PhoneDesc {
    /// For the generated tables: `D::new(pattern, lengths)`.
    pub const fn new(pattern: u16, lengths: u32) -> Self {
        Self { pattern, lengths }
    }
}

/// One ISO 3166-1 country with its postal-address format.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// ISO 3166-1 alpha-3 code, upper case.
    pub alpha3: &'static str,
    /// English short name for display (ISO `common_name` when it has one, else `name`).
    pub name: &'static str,
    /// Every other English name a person may type (ISO `name`, `official_name`), as written.
    pub other_names: Strings,
    /// Google address metadata; `None` when Google has no entry for the country.
    pub format: Option<&'static AddressFormat>,
}

/// A country's postal-address rules, from Google's address metadata.
#[derive(Debug)]
pub struct AddressFormat {
    /// Postal-code regex (Google syntax, to be full-matched); `""` when the country has none.
    pub zip: &'static str,
    /// Comma-free list of example postal codes (Google `zipex`), first is the most typical.
    pub zip_examples: Strings,
    /// Google `zip_name_type`: `"zip"`, `"postal"`, `"pin"` or `"eircode"`.
    pub zip_kind: &'static str,
    /// What may be written before a postal code (`CH-8001`, `D-10115`): the ISO 3166-1
    /// code, Google's `postprefix` and the old vehicle sign (`tools/gen_data.py`).
    pub country_signs: Strings,
    /// Google `state_name_type`: `"state"`, `"province"`, `"county"`, ...
    pub state_kind: &'static str,
    /// Google `require` contains `S`.
    pub requires_state: bool,
    /// Google `require` contains `Z`.
    pub requires_zip: bool,
    /// The country's first-level subdivisions, in Google's order.
    pub states: &'static [State],
    /// Every name a state may be typed as, one `name<TAB>index into states` a line,
    /// sorted byte-wise by name, names `state_names::fold`ed: keys, names in each of
    /// Google's language records, ISO 3166-2 codes, names and carried translations,
    /// `tools/state-aliases.tsv`. One string, not an array: 3,600 names of 9 bytes
    /// average would carry 8 more bytes each of pointer and length in wasm.
    pub state_names: &'static str,
}

/// A generated list of non-empty strings in one, joined by U+001F: one pointer and
/// length in wasm instead of one per entry plus the slice's.
#[derive(Debug, Clone, Copy)]
pub struct Strings(&'static str);

impl Strings {
    /// For the generated tables: the entries joined by U+001F (`""`: none).
    pub const fn new(joined: &'static str) -> Self {
        Self(joined)
    }

    /// The entries, in order.
    pub fn iter(self) -> Parts {
        Parts {
            rest: self.0,
            done: self.0.is_empty(),
        }
    }

    /// The first entry.
    pub fn first(self) -> Option<&'static str> {
        self.iter().next()
    }
}

/// The parts of a generated string between U+001F separators. A byte search, not
/// `str::split`: a state's key is read on every check of a state field, and the
/// byte 0x1F never occurs inside a multi-byte UTF-8 character.
#[derive(Debug, Clone)]
pub struct Parts {
    rest: &'static str,
    done: bool,
}

impl Iterator for Parts {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        if self.done {
            return None;
        }
        match self.rest.bytes().position(|b| b == 0x1F) {
            Some(i) => {
                let part = self.rest.get(..i)?;
                self.rest = self.rest.get(i + 1..)?;
                Some(part)
            }
            None => {
                self.done = true;
                Some(self.rest)
            }
        }
    }
}

/// One first-level subdivision (state, province, ...): its key, display name, Latin
/// name and postal prefix in one string, joined by U+001F. One pointer and length in
/// wasm instead of four: 1,382 states, 33 KB of the form module's data
/// (docs/benchmarks-wasm.md).
#[derive(Debug)]
pub struct State(&'static str);

impl State {
    /// For the generated tables: the four parts joined by U+001F.
    pub const fn new(packed: &'static str) -> Self {
        Self(packed)
    }

    fn part(&self, i: usize) -> &'static str {
        Parts {
            rest: self.0,
            done: false,
        }
        .nth(i)
        .unwrap_or_default()
    }

    /// The key the postal format uses (`sub_keys`): what `prepare` writes.
    pub fn key(&self) -> &'static str {
        self.part(0)
    }

    /// Display name (`sub_names`, falling back to the key).
    pub fn name(&self) -> &'static str {
        self.part(1)
    }

    /// Latin-script name (`sub_lnames`) or `""`.
    pub fn latin_name(&self) -> &'static str {
        self.part(2)
    }

    /// Regex for the postal-code prefixes of this state (`sub_zips`), `""` when unknown.
    pub fn zip_prefix(&self) -> &'static str {
        self.part(3)
    }
}
