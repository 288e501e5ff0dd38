//! What other fields tell a field's check: the country (for state, postal code and
//! phone), the state (for postal prefixes) and the ESP (for mailboxes and plans).
//! Read from the certain normalization of each field, so a fixable spelling in one
//! field never causes false alarms in another.

use serde_json::{Map, Value};

use crate::data::{Country, State};
use crate::esp::Esp;
use crate::schema::members;
use crate::{country, postal};

#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    pub country: Option<&'static Country>,
    pub state: Option<&'static State>,
    pub esp: Option<Esp>,
}

/// The members a context is read from, in the order `Context::of` reads them.
pub const CONTEXT_FIELDS: [&str; 3] = ["country", "state", "emailServiceProvider"];

impl Context {
    pub fn of(order: &Map<String, Value>) -> Context {
        let [country, state, esp] = members(order, &CONTEXT_FIELDS).0.map(|v| v?.as_str());
        let country = country.and_then(country::resolve);
        Context {
            country,
            state: country.and_then(|c| postal::resolve_state(c, state?)),
            esp: esp.and_then(Esp::from_loose),
        }
    }
}
