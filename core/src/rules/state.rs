//! # state
//! **What**: the key of one of the country's first-level subdivisions (`CA`, `ON`,
//! `東京都`) where Google's address data lists them; free text elsewhere. Required
//! where the country's address format requires it (the field table).
//! **Why**: a registrar validates the state against the country.
//! **Example**: `"california"` for `US` -> `"CA"` (`not_normalized`, with the fix);
//! `"Califrnia"` -> `invalid_state` suggesting `CA`.
//! **Fix safety**: only a name, code or ISO 3166-2 code that names exactly one state of
//! the country is rewritten; a near miss is a suggestion, never a fix.
//! **Source**: Google's address metadata, ISO 3166-2 (iso-codes), `tools/state-aliases.tsv`.

use std::borrow::Cow;

use crate::context::Context;
use crate::problem::{Problem, StateName};
use crate::rules::{Cx, Kind, TextRule};
use crate::{postal, state_names, text};

pub const RULE: Kind = Kind::Text(&State);

/// How many of the country's keys a message shows when no near miss is certain.
const EXAMPLES: usize = 3;

pub struct State;

impl TextRule for State {
    fn normalize<'a>(&self, raw: &'a str, order: &Context) -> Cow<'a, str> {
        match order.country.and_then(|c| postal::resolve_state(c, raw)) {
            Some(st) => Cow::Borrowed(st.key()),
            None => text::normalize(raw),
        }
    }

    fn findings(&self, _: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        let Some(c) = cx.order.country else { return };
        let list = postal::states(c);
        if list.is_empty() || list.iter().any(|s| s.key() == canon) {
            return;
        }
        let nearest = c.format().and_then(|f| state_names::nearest(f, canon));
        out.push(Problem::InvalidState {
            value: canon.to_string(),
            kind: c.format().map_or("state", |f| &f.state_kind),
            country: c.name,
            nearest: nearest.map(|s| StateName {
                key: s.key(),
                name: if s.latin_name().is_empty() {
                    s.name()
                } else {
                    s.latin_name()
                },
            }),
            examples: if nearest.is_none() {
                list.iter().take(EXAMPLES).map(|s| s.key()).collect()
            } else {
                Vec::new()
            },
        });
    }
}
