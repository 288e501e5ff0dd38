//! What other fields tell a field's check: the country (for state, postal code and
//! phone), the state (for postal prefixes) and the ESP (for mailboxes and plans).
//! Read from the certain normalization of each field, so a fixable spelling in one
//! field never causes false alarms in another.

use serde_json::{Map, Value};

use crate::data::{Country, State};
use crate::fields::CONTEXT;
use crate::rules::esp::Esp;
use crate::{country, postal};

#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    pub country: Option<&'static Country>,
    pub state: Option<&'static State>,
    pub esp: Option<Esp>,
}

impl Context {
    pub fn of(order: &Map<String, Value>) -> Context {
        // One pass over the members, comparing names (see `fields::members`).
        let [mut country, mut state, mut esp] = [None; 3];
        for (k, v) in order {
            let slot = match CONTEXT.iter().position(|c| c == k) {
                Some(0) => &mut country,
                Some(1) => &mut state,
                Some(_) => &mut esp,
                None => continue,
            };
            *slot = v.as_str();
        }
        let country = country.and_then(country::resolve);
        Context {
            country,
            state: country.and_then(|c| postal::resolve_state(c, state?)),
            esp: esp.and_then(Esp::from_loose),
        }
    }
}
