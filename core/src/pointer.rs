//! JSON Pointers (RFC 6901) into an order: parsed only in the one spelling
//! `issue::pointer_of` gives a path, and only when they name a field of the order's
//! shape (the field table), so a typo in a form's pointer fails loudly.

use crate::fields::{table, Field, Level};
use crate::issue::{pointer_of, PathSeg};
use crate::part::{self, Part};
use crate::text::near_miss;

/// Why a pointer names nothing [`crate::check_field`] can check (the sentence:
/// `messages.rs`). `nearest` is the pointer the caller most likely meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointerError {
    /// Not a JSON Pointer in its one spelling (no leading `/`, a bad `~` escape, an
    /// index with a leading zero).
    Malformed {
        pointer: String,
        nearest: Option<String>,
    },
    /// A pointer to no field of the order, a domain or a mailbox.
    NoSuchField {
        pointer: String,
        nearest: Option<String>,
    },
}

impl std::error::Error for PointerError {}

/// A pointer parsed and checked against the order's shape once, for a caller that
/// checks the same field again and again (a form's keystrokes): see
/// [`crate::check_field_at`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPointer(Vec<PathSeg>);

impl FieldPointer {
    /// The field `pointer` names, or why it names none (as [`crate::check_field`]).
    pub fn parse(pointer: &str) -> Result<Self, PointerError> {
        parse(pointer).map(FieldPointer)
    }

    pub(crate) fn path(&self) -> &[PathSeg] {
        &self.0
    }

    /// What of an order the field's check reads: an order holding only that part gives
    /// the same field issues as the whole order, as long as the whole order is within
    /// the input limits (a refused order has no field issues). `None` for `""`, which
    /// reads the whole order.
    pub fn part(&self) -> Option<Part> {
        part::of(&self.0)
    }
}

/// The path a pointer names, when it is one the order's shape has: `""`, a field,
/// a list, an entry of a list, or a field of an entry.
pub fn parse(pointer: &str) -> Result<Vec<PathSeg>, PointerError> {
    let Some(path) = syntax(pointer) else {
        let nearest = syntax(&format!("/{pointer}"))
            .and_then(|p| fit(&p))
            .map(|p| pointer_of(&p));
        return Err(PointerError::Malformed {
            pointer: pointer.to_string(),
            nearest,
        });
    };
    if names_a_field(&path) {
        return Ok(path);
    }
    Err(PointerError::NoSuchField {
        pointer: pointer.to_string(),
        nearest: fit(&path).map(|p| pointer_of(&p)),
    })
}

/// Whether every step of `path` names a field of the shape (a key of the level's
/// table, an index into a list) and nothing goes below a scalar field.
fn names_a_field(path: &[PathSeg]) -> bool {
    let mut level = Level::Order;
    let mut list: Option<&Field> = None;
    for (i, seg) in path.iter().enumerate() {
        match (seg, list.take()) {
            (PathSeg::Index(_), Some(f)) => match f.items {
                Some((_, items)) => level = items,
                None => return false,
            },
            (PathSeg::Key(k), None) => {
                let Some(f) = table(level).iter().find(|f| f.name == k) else {
                    return false;
                };
                if f.items.is_none() {
                    return i + 1 == path.len();
                }
                list = Some(f);
            }
            _ => return false,
        }
    }
    true
}

/// The path with each misspelt field name replaced by its near miss, when that gives
/// a path of the shape.
fn fit(path: &[PathSeg]) -> Option<Vec<PathSeg>> {
    let mut out = Vec::with_capacity(path.len());
    let mut level = Level::Order;
    let mut list: Option<&Field> = None;
    for seg in path {
        match (seg, list.take()) {
            (PathSeg::Index(i), Some(f)) => {
                out.push(PathSeg::Index(*i));
                level = f.items?.1;
            }
            (PathSeg::Key(k), None) => {
                let fields = table(level);
                let f = match fields.iter().find(|f| f.name == k) {
                    Some(f) => f,
                    None => {
                        let name = near_miss(k, fields.iter().map(|f| f.name))?;
                        fields.iter().find(|f| f.name == name)?
                    }
                };
                out.push(PathSeg::Key(f.name.to_string()));
                list = Some(f).filter(|f| f.items.is_some());
                if list.is_none() && out.len() < path.len() {
                    return None; // a step below a scalar field
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// RFC 6901 pointer -> path; all-digit segments are indices. `None` if malformed or
/// not in the one spelling `pointer_of` gives the path (an index with a leading
/// zero, a `~` not followed by `0` or `1`), so a pointer names exactly one location.
pub fn syntax(p: &str) -> Option<Vec<PathSeg>> {
    if p.is_empty() {
        return Some(Vec::new());
    }
    let rest = p.strip_prefix('/')?;
    rest.split('/')
        .map(|s| {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                if s.len() > 1 && s.starts_with('0') {
                    return None;
                }
                s.parse().ok().map(PathSeg::Index)
            } else if s.contains('~') {
                let escapes_ok = s
                    .match_indices('~')
                    .all(|(i, _)| matches!(s.as_bytes().get(i + 1), Some(b'0' | b'1')));
                escapes_ok.then(|| PathSeg::Key(s.replace("~1", "/").replace("~0", "~")))
            } else {
                Some(PathSeg::Key(s.to_string()))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pointer parses exactly when it is the one spelling of its path.
    #[test]
    fn pointers_parse_only_in_their_canonical_spelling() {
        let good = [
            "",
            "/",
            "/phoneNumber",
            "/domains/0/name",
            "/domains/10",
            "/a~1b",
            "/a~0b",
            "/~01",
            "/~10",
            "/0",
            "//",
            "/é",
            "/x/",
            "/18446744073709551615",
        ];
        for p in good {
            let path = syntax(p);
            assert_eq!(path.as_deref().map(pointer_of).as_deref(), Some(p), "{p:?}");
        }
        let bad = [
            "x",
            "/01",
            "/00",
            "/~",
            "/a~2",
            "/a~",
            "/~~0",
            "/18446744073709551616",
        ];
        for p in bad {
            assert_eq!(syntax(p), None, "{p:?}");
        }
    }

    #[test]
    fn only_fields_of_the_shape() {
        for p in [
            "",
            "/zipcode",
            "/domains",
            "/domains/3",
            "/domains/0/redirectUrl",
            "/domains/0/mailboxes",
            "/domains/0/mailboxes/1",
            "/domains/0/mailboxes/1/profilePicId",
        ] {
            assert!(parse(p).is_ok(), "{p:?}");
        }
        let near = |p: &str| match parse(p) {
            Err(PointerError::NoSuchField { nearest, .. })
            | Err(PointerError::Malformed { nearest, .. }) => nearest,
            Ok(_) => Some("(valid)".into()),
        };
        assert_eq!(near("/zipCode").as_deref(), Some("/zipcode"));
        assert_eq!(near("zipcode").as_deref(), Some("/zipcode"));
        assert_eq!(near("/domains/0/nme").as_deref(), Some("/domains/0/name"));
        assert_eq!(
            near("/domains/0/mailboxes/0/emial").as_deref(),
            Some("/domains/0/mailboxes/0/email")
        );
        for p in [
            "/coupon",
            "/x",
            "/domains/x",
            "/zipcode/0",
            "/domains/0/name/x",
            "/0",
            "/",
            "/domains/0/mailboxes/0/email/0",
        ] {
            assert!(
                matches!(
                    parse(p),
                    Err(PointerError::NoSuchField { nearest: None, .. })
                ),
                "{p:?}"
            );
        }
        assert!(matches!(
            parse("/01"),
            Err(PointerError::Malformed { nearest: None, .. })
        ));
    }
}
