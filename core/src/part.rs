//! The part of an order a field check reads ([`crate::FieldPointer::part`]): a form
//! that checks one field per keystroke sends only that part, so that a keystroke in a
//! long order costs about what it costs in a short one. What each field reads follows
//! the walk (`walk.rs`): an entry's key member (a domain's name, a mailbox's address)
//! is read in every earlier entry for duplicates, a mailbox's address also reads its
//! domain's name and the ESP, and nothing under `domains` reads the country or state.
//! The vector and property tests compare every part with the whole order.

use serde_json::{Map, Value};

use crate::fields::{
    self, Field, CONTEXT, DOMAINS, EMAIL, EMAIL_SERVICE_PROVIDER, MAILBOXES, NAME,
};
use crate::issue::PathSeg;

/// What of a JSON value is read. As JSON ([`Part::to_json`]): `true` the whole value,
/// `false` nothing, `{"member": part, ...}` those members of an object, `[part]` every
/// entry of a list, `[earlier, index, at]` the entries before `index` in part `earlier`,
/// entry `index` in part `at` and none after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Whole,
    /// Written as `0`: not an object, list or text, so it tells the walk nothing, and
    /// no longer than the value it replaces (the part is within the input limits
    /// whenever the order is).
    Nothing,
    /// Of an object, these members when present; anything else is read as `Nothing`.
    Members(Vec<(&'static str, Part)>),
    /// Of a list, every entry; anything else is read as `Nothing`.
    Each(Box<Part>),
    /// Of a list, the entries up to `index`; anything else is read as `Nothing`.
    Entries {
        earlier: Box<Part>,
        index: usize,
        at: Box<Part>,
    },
}

impl Part {
    /// The part of `v` (as a wrapper builds it).
    pub fn select(&self, v: &Value) -> Value {
        match (self, v) {
            (Part::Whole, v) => v.clone(),
            (Part::Members(members), Value::Object(o)) => Value::Object(
                members
                    .iter()
                    .filter_map(|(k, p)| o.get(*k).map(|x| ((*k).to_string(), p.select(x))))
                    .collect::<Map<_, _>>(),
            ),
            (Part::Each(each), Value::Array(items)) => {
                items.iter().map(|x| each.select(x)).collect()
            }
            (Part::Entries { earlier, index, at }, Value::Array(items)) => items
                .iter()
                .take(index.saturating_add(1))
                .enumerate()
                .map(|(i, x)| {
                    if i < *index {
                        earlier.select(x)
                    } else {
                        at.select(x)
                    }
                })
                .collect(),
            _ => Value::from(0),
        }
    }

    /// The JSON form the npm wrapper reads (see [`Part`]).
    pub fn to_json(&self) -> Value {
        match self {
            Part::Whole => Value::Bool(true),
            Part::Nothing => Value::Bool(false),
            Part::Members(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, p)| ((*k).to_string(), p.to_json()))
                    .collect(),
            ),
            Part::Each(each) => Value::Array(vec![each.to_json()]),
            Part::Entries { earlier, index, at } => {
                Value::Array(vec![earlier.to_json(), Value::from(*index), at.to_json()])
            }
        }
    }

    /// The top-level members the part holds, for [`crate::check_field_reads`].
    pub(crate) fn members(&self) -> Vec<String> {
        match self {
            Part::Members(members) => members.iter().map(|(k, _)| (*k).to_string()).collect(),
            _ => Vec::new(),
        }
    }
}

/// The part a check of the field at `path` reads; `None` for the whole order (`""`) or
/// a path of no field (the caller parsed it: [`crate::FieldPointer::parse`]).
pub(crate) fn of(path: &[PathSeg]) -> Option<Part> {
    use Part::{Each, Entries, Members, Nothing, Whole};
    let [PathSeg::Key(top), rest @ ..] = path else {
        return None;
    };
    let field = fields::ORDER.iter().find(|f| f.name == top)?;
    let (index, entry) = match rest {
        // A top-level field reads itself and the context (country, state, ESP).
        [] if field.name != DOMAINS.name => {
            let context = CONTEXT.into_iter().filter(|c| *c != field.name);
            let members = std::iter::once(field.name).chain(context);
            return Some(Members(members.map(|k| (k, Whole)).collect()));
        }
        // The list reads its entries and the ESP (mailbox limits).
        [] => {
            return Some(Members(vec![
                (DOMAINS.name, Whole),
                (EMAIL_SERVICE_PROVIDER.name, Whole),
            ]))
        }
        [PathSeg::Index(index), entry @ ..] => (*index, entry),
        _ => return None,
    };
    let member = |f: &'static Field, p: Part| (f.name, p);
    let email = || Members(vec![member(&EMAIL, Whole)]);
    // Earlier entries' addresses: a duplicate is reported on the later one.
    let emails = || Members(vec![member(&MAILBOXES, Each(Box::new(email())))]);
    let (earlier, at, esp) = match entry {
        [] => (
            Members(vec![
                member(&NAME, Whole),
                member(&MAILBOXES, Each(Box::new(email()))),
            ]),
            Whole,
            true,
        ),
        [PathSeg::Key(k)] if k == NAME.name => (
            Members(vec![member(&NAME, Whole)]),
            Members(vec![member(&NAME, Whole)]),
            false,
        ),
        [PathSeg::Key(k)] if k == MAILBOXES.name => (
            emails(),
            Members(vec![member(&NAME, Whole), member(&MAILBOXES, Whole)]),
            true,
        ),
        [PathSeg::Key(k)] => {
            // The redirect reads the entry's name (a loop to the domain bought).
            let f = fields::DOMAIN.iter().find(|f| f.name == k)?;
            (
                Nothing,
                Members(vec![member(&NAME, Whole), member(f, Whole)]),
                false,
            )
        }
        [PathSeg::Key(k), PathSeg::Index(j), mailbox @ ..] if k == MAILBOXES.name => {
            let (at, keyed) = match mailbox {
                [] => (Whole, true),
                [PathSeg::Key(m)] if m == EMAIL.name => (email(), true),
                [PathSeg::Key(m)] => {
                    let f = fields::MAILBOX.iter().find(|f| f.name == m)?;
                    (Members(vec![member(f, Whole)]), false)
                }
                _ => return None,
            };
            let mailboxes = Entries {
                earlier: Box::new(if keyed { email() } else { Nothing }),
                index: *j,
                at: Box::new(at),
            };
            if keyed {
                // An address reads its domain's name and the ESP's username rules.
                (
                    emails(),
                    Members(vec![member(&NAME, Whole), member(&MAILBOXES, mailboxes)]),
                    true,
                )
            } else {
                (Nothing, Members(vec![member(&MAILBOXES, mailboxes)]), false)
            }
        }
        _ => return None,
    };
    let domains = Entries {
        earlier: Box::new(earlier),
        index,
        at: Box::new(at),
    };
    let mut members = vec![(DOMAINS.name, domains)];
    if esp {
        members.push((EMAIL_SERVICE_PROVIDER.name, Whole));
    }
    Some(Members(members))
}
