//! Options shared by every surface, with the contract's names and defaults, and the
//! one reader of options given as a JSON object (every binding's options).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::text::near_miss;

/// The contract's options; each has a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Safety limit on `domains` (default 500).
    pub max_domains: usize,
    /// Provisioning limit per domain; unset (null) means the ESP's default (Google 5,
    /// Microsoft/Azure 100).
    pub max_mailboxes_per_domain: Option<usize>,
    /// Entry points taking text or bytes refuse larger inputs (default 1 MiB).
    pub max_input_bytes: usize,
    /// Restrict domains to these TLDs (lower case, no dot); unset (null) allows any TLD in
    /// IANA's list.
    pub allowed_tlds: Option<Vec<String>>,
    /// `false` turns `idn_domain` into an error.
    pub allow_idn: bool,
    /// Every warning becomes an error.
    pub warnings_as_errors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_domains: 500,
            max_mailboxes_per_domain: None,
            max_input_bytes: 1 << 20,
            allowed_tlds: None,
            allow_idn: true,
            warnings_as_errors: false,
        }
    }
}

/// The option names, as the contract (and JSON) spells them.
const NAMES: [&str; 6] = [
    "maxDomains",
    "maxMailboxesPerDomain",
    "maxInputBytes",
    "allowedTlds",
    "allowIdn",
    "warningsAsErrors",
];

/// The same names in `snake_case`, as Python's keyword arguments spell them.
const SNAKE_NAMES: [&str; 6] = [
    "max_domains",
    "max_mailboxes_per_domain",
    "max_input_bytes",
    "allowed_tlds",
    "allow_idn",
    "warnings_as_errors",
];

/// The one spelling of option names a surface reads (a surface that names its
/// options one way should refuse the other rather than read two dialects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// `maxDomains`: JSON, JavaScript.
    Camel,
    /// `max_domains`: Python's keyword arguments.
    Snake,
}

impl Spelling {
    fn names(self) -> &'static [&'static str; 6] {
        match self {
            Spelling::Camel => &NAMES,
            Spelling::Snake => &SNAKE_NAMES,
        }
    }
}

/// Why options given as a value cannot be read (the sentence: `messages.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    /// The option as the caller spelt it (empty for `NotAnObject`).
    pub option: String,
    pub kind: OptionsErrorKind,
    /// The option names in the caller's spelling, for the message.
    pub names: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsErrorKind {
    NotAnObject,
    /// No option has this name; the nearest one, when one is clearly meant.
    Unknown {
        nearest: Option<&'static str>,
    },
    /// A count that is not a number.
    NotACount,
    /// A count that is negative, fractional or too large.
    OutOfRange,
    NotABool,
    /// `allowedTlds` that is not a list of strings.
    NotTlds,
}

impl OptionsError {
    /// A value of the right type but outside the option's range (a binding raises its
    /// `ValueError`); every other error is a wrong type or name (`TypeError`).
    pub fn is_out_of_range(&self) -> bool {
        self.kind == OptionsErrorKind::OutOfRange
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// The option names as the contract (and JSON) spells them, in its order.
    pub const NAMES: [&'static str; 6] = NAMES;
    /// The same names in `snake_case` (Python's keyword arguments).
    pub const SNAKE_NAMES: [&'static str; 6] = SNAKE_NAMES;

    /// Reads options from a JSON object of the contract's names (or their `snake_case`
    /// forms); `null` gives the defaults. Unknown names and wrong types are errors, an
    /// unknown name with the option it most likely means.
    pub fn from_value(v: &Value) -> Result<Options, OptionsError> {
        match v {
            Value::Null => Ok(Options::default()),
            Value::Object(m) => Options::from_map(m),
            _ => Err(OptionsError {
                option: String::new(),
                kind: OptionsErrorKind::NotAnObject,
                names: &NAMES,
            }),
        }
    }

    /// [`Options::from_value`] reading only one spelling of the names: a name in the
    /// other spelling is unknown, with its own option in `spelling` as the near miss.
    pub fn from_value_in(v: &Value, spelling: Spelling) -> Result<Options, OptionsError> {
        match v {
            Value::Null => Ok(Options::default()),
            Value::Object(m) => Options::read(m, Some(spelling)),
            _ => Err(OptionsError {
                option: String::new(),
                kind: OptionsErrorKind::NotAnObject,
                names: spelling.names(),
            }),
        }
    }

    /// [`Options::from_value`] on the members of an object.
    pub fn from_map(m: &Map<String, Value>) -> Result<Options, OptionsError> {
        Options::read(m, None)
    }

    /// The members of an object in `spelling`, or in either spelling.
    fn read(m: &Map<String, Value>, spelling: Option<Spelling>) -> Result<Options, OptionsError> {
        let mut o = Options::default();
        for (key, v) in m {
            let position = |names: &[&str]| names.iter().position(|n| n == key);
            let (index, names) = match spelling {
                Some(s) => (position(s.names()), s.names()),
                None => (
                    position(&NAMES).or_else(|| position(&SNAKE_NAMES)),
                    if key.contains('_') {
                        &SNAKE_NAMES
                    } else {
                        &NAMES
                    },
                ),
            };
            let err = |kind| OptionsError {
                option: key.clone(),
                kind,
                names,
            };
            let count = |v: &Value| match v {
                Value::Number(n) => n
                    .as_u64()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| err(OptionsErrorKind::OutOfRange)),
                _ => Err(err(OptionsErrorKind::NotACount)),
            };
            let flag = |v: &Value| v.as_bool().ok_or_else(|| err(OptionsErrorKind::NotABool));
            match index {
                Some(0) => o.max_domains = count(v)?,
                Some(1) if v.is_null() => o.max_mailboxes_per_domain = None,
                Some(1) => o.max_mailboxes_per_domain = Some(count(v)?),
                Some(2) => o.max_input_bytes = count(v)?,
                Some(3) => {
                    o.allowed_tlds = match v {
                        Value::Null => None,
                        Value::Array(items) => Some(
                            items
                                .iter()
                                .map(|t| t.as_str().map(String::from))
                                .collect::<Option<_>>()
                                .ok_or_else(|| err(OptionsErrorKind::NotTlds))?,
                        ),
                        _ => return Err(err(OptionsErrorKind::NotTlds)),
                    }
                }
                Some(4) => o.allow_idn = flag(v)?,
                Some(5) => o.warnings_as_errors = flag(v)?,
                _ => {
                    // A name near one in either spelling means that option: suggest
                    // it as the caller spells options.
                    let same_option = |n: &str| {
                        NAMES
                            .iter()
                            .position(|x| *x == n)
                            .or_else(|| SNAKE_NAMES.iter().position(|x| *x == n))
                            .and_then(|i| names.get(i).copied())
                    };
                    let nearest = near_miss(key, names.iter().copied()).or_else(|| {
                        near_miss(key, NAMES.iter().chain(&SNAKE_NAMES).copied())
                            .and_then(same_option)
                    });
                    return Err(err(OptionsErrorKind::Unknown { nearest }));
                }
            }
        }
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_both_spellings_and_refuses_mistakes() {
        let o = Options::from_value(&json!({"maxDomains": 3, "allow_idn": false}));
        assert_eq!(
            o,
            Ok(Options {
                max_domains: 3,
                allow_idn: false,
                ..Options::default()
            })
        );
        let e = Options::from_value(&json!({"maxDomain": 3})).err();
        assert_eq!(
            e.map(|e| e.kind),
            Some(OptionsErrorKind::Unknown {
                nearest: Some("maxDomains")
            })
        );
        let e = Options::from_value(&json!({"max_domain": 3})).err();
        assert_eq!(
            e.map(|e| e.kind),
            Some(OptionsErrorKind::Unknown {
                nearest: Some("max_domains")
            })
        );
        let e = Options::from_value(&json!({"maxDomains": -1})).err();
        assert!(e.is_some_and(|e| e.is_out_of_range()));
        let e = Options::from_value(&json!({"allowIdn": "no"})).err();
        assert_eq!(e.map(|e| e.kind), Some(OptionsErrorKind::NotABool));
        let e = Options::from_value(&json!({"allowedTlds": "com"})).err();
        assert_eq!(e.map(|e| e.kind), Some(OptionsErrorKind::NotTlds));
        assert_eq!(Options::from_value(&json!(null)), Ok(Options::default()));
    }

    #[test]
    fn one_spelling_refuses_the_other_with_its_option_as_near_miss() {
        let snake = |v| Options::from_value_in(&v, Spelling::Snake);
        assert_eq!(
            snake(json!({"max_domains": 3})).map(|o| o.max_domains),
            Ok(3)
        );
        for (key, nearest) in [
            ("maxDomains", "max_domains"),
            ("maxMailboxesPerDomain", "max_mailboxes_per_domain"),
            ("max_domain", "max_domains"),
            ("maxInputByte", "max_input_bytes"),
        ] {
            let e = snake(json!({ key: 1 })).err();
            assert_eq!(
                e.map(|e| (e.kind, e.names)),
                Some((
                    OptionsErrorKind::Unknown {
                        nearest: Some(nearest)
                    },
                    &SNAKE_NAMES[..]
                )),
                "{key}"
            );
        }
        let e = Options::from_value_in(&json!({"allow_idn": true}), Spelling::Camel).err();
        assert_eq!(
            e.map(|e| e.kind),
            Some(OptionsErrorKind::Unknown {
                nearest: Some("allowIdn")
            })
        );
        let e = Options::from_value_in(&json!(5), Spelling::Snake).err();
        assert_eq!(
            e.map(|e| (e.kind, e.names)),
            Some((OptionsErrorKind::NotAnObject, &SNAKE_NAMES[..]))
        );
    }

    /// The reader and serde agree on every valid object.
    #[test]
    fn agrees_with_serde() {
        let v = json!({"maxDomains": 7, "maxMailboxesPerDomain": null, "maxInputBytes": 10,
            "allowedTlds": ["com"], "allowIdn": false, "warningsAsErrors": true});
        let serde: Options = serde_json::from_value(v.clone()).unwrap_or_default();
        assert_eq!(Options::from_value(&v), Ok(serde));
    }
}
