//! The field table: one row per field of the order, its domains and its mailboxes,
//! in the canonical (document) order that issues and `prepare`'s output follow.
//! `check` and `prepare` both iterate it; each row names the rule (`rules/`) that
//! normalizes and checks its value. Field names are written here and nowhere else.

use serde_json::{Map, Value};

use crate::rules::{
    country, domain_name, domains, email, esp, flag, free_text, mailboxes, name, phone,
    postal_code, profile_pic, redirect, state, Kind,
};

/// Which object of the order a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Order,
    Domain,
    Mailbox,
}

/// When a field must be present (neither absent nor null).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    Always,
    Never,
    /// When the order's country's address format requires a state.
    IfCountryRequiresState,
    /// When the order's country's address format requires a postal code.
    IfCountryRequiresPostalCode,
}

/// The JSON type a field's value has in a valid order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    String,
    Boolean,
    /// A whole number of 0 or more.
    Integer,
    Array,
}

/// What `prepare` writes for an optional field that is absent or null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultValue {
    Text(&'static str),
    Bool(bool),
    Integer(u64),
}

impl DefaultValue {
    pub fn to_value(self) -> Value {
        match self {
            DefaultValue::Text(s) => Value::from(s),
            DefaultValue::Bool(b) => Value::Bool(b),
            DefaultValue::Integer(n) => Value::from(n),
        }
    }
}

/// One field: its wire name, where it lives, the words a person sees, whether it is
/// required, its default and limits, and its rule.
pub struct Field {
    pub name: &'static str,
    pub level: Level,
    /// The field's name as a form would label it (messages start with it).
    pub label: &'static str,
    pub required: Required,
    pub default: Option<DefaultValue>,
    pub json: JsonType,
    /// Most characters (Unicode scalar values) of free text; `None` when the rule
    /// bounds the value itself (a phone number, a domain, an address).
    pub max_chars: Option<usize>,
    /// The only values allowed, for an enumeration.
    pub values: &'static [&'static str],
    /// A regular expression every valid value matches (the E.164 shape).
    pub pattern: Option<&'static str>,
    /// For a list: the least number of items, and the level of its items.
    pub items: Option<(usize, Level)>,
    pub(crate) kind: Kind,
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Field({:?} of {:?})", self.name, self.level)
    }
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.level == other.level
    }
}

/// A row with the defaults of a required string field.
const fn row(name: &'static str, level: Level, label: &'static str, kind: Kind) -> Field {
    Field {
        name,
        level,
        label,
        required: Required::Always,
        default: None,
        json: JsonType::String,
        max_chars: None,
        values: &[],
        pattern: None,
        items: None,
        kind,
    }
}

/// A person's name: text of at most `name::MAX_CHARS`.
const fn person(name: &'static str, level: Level, label: &'static str) -> Field {
    Field {
        max_chars: Some(name::MAX_CHARS),
        ..row(name, level, label, name::RULE)
    }
}

/// An order field of free text (at most `free_text::MAX_CHARS`) under `rule`.
const fn free(name: &'static str, label: &'static str, rule: Kind) -> Field {
    Field {
        max_chars: Some(free_text::MAX_CHARS),
        ..row(name, Level::Order, label, rule)
    }
}

const fn optional(field: Field, required: Required, default: Option<DefaultValue>) -> Field {
    Field {
        required,
        default,
        ..field
    }
}

use Level::{Domain as D, Mailbox as M, Order as O};

pub const OWNER_FIRSTNAME: Field = person("domainOwnerFirstname", O, "Owner first name");
pub const OWNER_LASTNAME: Field = person("domainOwnerLastname", O, "Owner last name");
pub const COMPANY_NAME: Field = free("companyName", "Company name", free_text::RULE);
pub const ADDRESS: Field = free("address", "Address", free_text::RULE);
pub const CITY: Field = free("city", "City", free_text::RULE);
pub const STATE: Field = optional(
    free("state", "State or province", state::RULE),
    Required::IfCountryRequiresState,
    None,
);
pub const COUNTRY: Field = free("country", "Country", country::RULE);
pub const ZIPCODE: Field = optional(
    free("zipcode", "Postal code", postal_code::RULE),
    Required::IfCountryRequiresPostalCode,
    None,
);
pub const PHONE_NUMBER: Field = Field {
    pattern: Some(phone::E164_PATTERN),
    ..row("phoneNumber", O, "Phone number", phone::RULE)
};
pub const EMAIL_SERVICE_PROVIDER: Field = Field {
    values: &esp::ESP_NAMES,
    ..row(
        "emailServiceProvider",
        O,
        "Email service provider",
        esp::ESP_RULE,
    )
};
pub const PLAN_TYPE: Field = Field {
    values: &esp::PLAN_NAMES,
    ..optional(
        row("planType", O, "Plan", esp::PLAN_RULE),
        Required::Never,
        Some(DefaultValue::Text(esp::DEFAULT_PLAN)),
    )
};
pub const DOMAINS: Field = Field {
    json: JsonType::Array,
    items: Some((1, D)),
    ..row("domains", O, "Domains", domains::RULE)
};
pub const IS_REPLACEMENT: Field = Field {
    json: JsonType::Boolean,
    ..optional(
        row("isReplacement", O, "isReplacement", flag::RULE),
        Required::Never,
        Some(DefaultValue::Bool(false)),
    )
};
pub const IS_FREE_ORDER: Field = Field {
    json: JsonType::Boolean,
    ..optional(
        row("isFreeOrder", O, "isFreeOrder", flag::RULE),
        Required::Never,
        Some(DefaultValue::Bool(false)),
    )
};

pub const NAME: Field = row("name", D, "Domain", domain_name::RULE);
pub const REDIRECT_URL: Field = optional(
    row("redirectUrl", D, "Redirect", redirect::RULE),
    Required::Never,
    None,
);
pub const MAILBOXES: Field = Field {
    json: JsonType::Array,
    items: Some((1, M)),
    ..row("mailboxes", D, "Mailboxes", mailboxes::RULE)
};

pub const FIRSTNAME: Field = person("firstname", M, "First name");
pub const LASTNAME: Field = person("lastname", M, "Last name");
pub const EMAIL: Field = row("email", M, "Email address", email::RULE);
pub const PROFILE_PIC_ID: Field = Field {
    json: JsonType::Integer,
    ..optional(
        row("profilePicId", M, "Profile picture id", profile_pic::RULE),
        Required::Never,
        Some(DefaultValue::Integer(0)),
    )
};

/// The order's fields, in canonical order.
pub static ORDER: [Field; 14] = [
    OWNER_FIRSTNAME,
    OWNER_LASTNAME,
    COMPANY_NAME,
    ADDRESS,
    CITY,
    STATE,
    COUNTRY,
    ZIPCODE,
    PHONE_NUMBER,
    EMAIL_SERVICE_PROVIDER,
    PLAN_TYPE,
    DOMAINS,
    IS_REPLACEMENT,
    IS_FREE_ORDER,
];

/// The fields of one `domains[]` entry.
pub static DOMAIN: [Field; 3] = [NAME, REDIRECT_URL, MAILBOXES];

/// The fields of one `mailboxes[]` entry.
pub static MAILBOX: [Field; 4] = [FIRSTNAME, LASTNAME, EMAIL, PROFILE_PIC_ID];

/// The top-level fields other fields' rules read (`Context`), in the order it reads them.
pub const CONTEXT: [&str; 3] = [COUNTRY.name, STATE.name, EMAIL_SERVICE_PROVIDER.name];

/// The fields of an object at `level`.
pub fn table(level: Level) -> &'static [Field] {
    match level {
        Level::Order => &ORDER,
        Level::Domain => &DOMAIN,
        Level::Mailbox => &MAILBOX,
    }
}

/// The most fields of one level (the order's).
pub const MAX_FIELDS: usize = 14;

/// The members of `obj` in the order of `fields` (`None` where absent), and whether it
/// has members of other names. One pass over the object, comparing names (an order's
/// members mostly differ in length): cheaper than hashing each field name to look it
/// up, which the object's map would do.
pub fn members<'v>(
    obj: &'v Map<String, Value>,
    fields: &[Field],
) -> ([Option<&'v Value>; MAX_FIELDS], bool) {
    let mut out = [None; MAX_FIELDS];
    let mut others = false;
    let mut hint = 0;
    for (k, v) in obj {
        match row_of_key(fields, k, hint) {
            Some(i) => {
                hint = i + 1;
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(v);
                }
            }
            None => others = true,
        }
    }
    (out, others)
}

/// The row of `key` in `fields`, tried at `hint` first: an order's members mostly come
/// in the table's order, so the row after the last one found is the likely one.
pub fn row_of_key(fields: &[Field], key: &str, hint: usize) -> Option<usize> {
    if fields.get(hint).is_some_and(|f| f.name == key) {
        return Some(hint);
    }
    fields.iter().position(|f| f.name == key)
}
