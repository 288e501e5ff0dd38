//! The order's shape: field names in canonical order, which are required, their
//! defaults, and the words a person sees for each.

use serde_json::{Map, Value};

/// Order fields, in the canonical (document) order issues and output follow.
pub const ORDER_FIELDS: [&str; 14] = [
    "domainOwnerFirstname",
    "domainOwnerLastname",
    "companyName",
    "address",
    "city",
    "state",
    "country",
    "zipcode",
    "phoneNumber",
    "emailServiceProvider",
    "planType",
    "domains",
    "isReplacement",
    "isFreeOrder",
];

/// Fields of one `domains[]` entry.
pub const DOMAIN_FIELDS: [&str; 3] = ["name", "redirectUrl", "mailboxes"];

/// Fields of one `mailboxes[]` entry.
pub const MAILBOX_FIELDS: [&str; 4] = ["firstname", "lastname", "email", "profilePicId"];

/// The members of `obj` in the order of `fields` (`None` where absent), and whether it
/// has members of other names. One pass over the object, comparing names (an order's
/// members mostly differ in length): cheaper than hashing each field name to look it
/// up, which the object's map would do.
pub fn members<'v, const N: usize>(
    obj: &'v Map<String, Value>,
    fields: &[&str; N],
) -> ([Option<&'v Value>; N], bool) {
    let mut out = [None; N];
    let mut others = false;
    for (k, v) in obj {
        match fields.iter().position(|f| f == k) {
            Some(i) => out[i] = Some(v),
            None => others = true,
        }
    }
    (out, others)
}

/// Every field name, for near-miss suggestions on unknown keys.
pub fn known_fields(level: Level) -> &'static [&'static str] {
    match level {
        Level::Order => &ORDER_FIELDS,
        Level::Domain => &DOMAIN_FIELDS,
        Level::Mailbox => &MAILBOX_FIELDS,
    }
}

/// Which object of the order a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Order,
    Domain,
    Mailbox,
}

/// The field's name as a form would label it.
pub fn label(key: &str) -> &'static str {
    match key {
        "domainOwnerFirstname" => "Owner first name",
        "domainOwnerLastname" => "Owner last name",
        "companyName" => "Company name",
        "address" => "Address",
        "city" => "City",
        "state" => "State or province",
        "country" => "Country",
        "zipcode" => "Postal code",
        "phoneNumber" => "Phone number",
        "emailServiceProvider" => "Email service provider",
        "planType" => "Plan",
        "domains" => "Domains",
        "isReplacement" => "isReplacement",
        "isFreeOrder" => "isFreeOrder",
        "name" => "Domain",
        "redirectUrl" => "Redirect",
        "mailboxes" => "Mailboxes",
        "firstname" => "First name",
        "lastname" => "Last name",
        "email" => "Email address",
        "profilePicId" => "Profile picture id",
        _ => "This field",
    }
}

/// The key the user probably meant: same letters ignoring case, or within two edits (transpositions count once).
pub fn near_miss(key: &str, level: Level) -> Option<&'static str> {
    let known = known_fields(level);
    let lower = key.to_lowercase();
    if let Some(k) = known.iter().find(|k| k.to_lowercase() == lower) {
        return Some(k);
    }
    let mut best: Option<(&'static str, usize)> = None;
    let mut tie = false;
    for k in known {
        let d = strsim::osa_distance(&lower, &k.to_lowercase());
        if d <= 2 && d * 3 <= k.len() {
            match best {
                Some((_, bd)) if bd == d => tie = true,
                Some((_, bd)) if bd < d => {}
                _ => {
                    best = Some((k, d));
                    tie = false;
                }
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(k, _)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses() {
        assert_eq!(
            near_miss("domainOwnerFirstName", Level::Order),
            Some("domainOwnerFirstname")
        );
        assert_eq!(near_miss("redirectURL", Level::Domain), Some("redirectUrl"));
        assert_eq!(near_miss("zipcod", Level::Order), Some("zipcode"));
        assert_eq!(near_miss("emial", Level::Mailbox), Some("email"));
        assert_eq!(near_miss("favouriteColour", Level::Order), None);
    }
}
