//! What a form needs to adapt its address fields when the country changes.

use serde::Serialize;

use crate::{country, postal};

/// One selectable state or province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StateOption {
    /// What `prepare` writes into `state`.
    pub key: String,
    /// What a person reads.
    pub name: String,
}

/// Address-form hints for one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AddressFormat {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// English name.
    pub name: String,
    pub state_required: bool,
    /// Label for the state field: "State", "Province", "County", "Prefecture"...
    pub state_label: String,
    /// The valid states; empty when the country has no list (free text then).
    pub states: Vec<StateOption>,
    /// Whether the country uses postal codes at all.
    pub postal_code_used: bool,
    pub postal_code_required: bool,
    /// "ZIP code", "Postal code", "PIN code", "Eircode".
    pub postal_code_label: String,
    /// A valid example, e.g. "94105"; empty when the country has none.
    pub postal_code_example: String,
}

/// A country code and its English name, for a country select.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountryOption {
    pub code: String,
    pub name: String,
}

/// Hints for a country, by code or anything `prepare` resolves (`uk`, `Germany`).
pub fn address_format(country_input: &str) -> Option<AddressFormat> {
    let c = country::resolve(country_input)?;
    let f = c.format();
    let zip_used = postal::uses_zip(c);
    let mut label =
        crate::messages::postal_code_name(f.map_or("postal", |f| &f.zip_kind)).to_string();
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    Some(AddressFormat {
        country: c.code.into(),
        name: c.name.into(),
        state_required: f.is_some_and(|f| f.requires_state),
        state_label: title(f.map_or("province", |f| &f.state_kind)),
        states: postal::states(c)
            .iter()
            .map(|s| StateOption {
                key: s.key().into(),
                name: if s.latin_name().is_empty() || s.latin_name() == s.name() {
                    s.name().into()
                } else {
                    format!("{} ({})", s.latin_name(), s.name())
                },
            })
            .collect(),
        postal_code_used: zip_used,
        postal_code_required: zip_used && f.is_some_and(|f| f.requires_zip),
        postal_code_label: label,
        postal_code_example: f
            .filter(|_| zip_used)
            .and_then(|f| f.zip_examples.first())
            .map_or_else(String::new, |e| e.to_string()),
    })
}

/// Every assigned country, sorted by code.
pub fn countries() -> Vec<CountryOption> {
    country::all()
        .iter()
        .map(|c| CountryOption {
            code: c.code.into(),
            name: c.name.into(),
        })
        .collect()
}

/// Google's `state_name_type` as a label: `do_si` -> "Do/Si", `state` -> "State".
fn title(kind: &str) -> String {
    let s = kind.replace('_', "/");
    let mut out = String::with_capacity(s.len());
    let mut up = true;
    for c in s.chars() {
        out.extend(if up {
            mailinfra_unicode::upper(c.encode_utf8(&mut [0; 4]))
                .chars()
                .collect::<Vec<_>>()
        } else {
            vec![c]
        });
        up = c == '/';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_and_gb() -> Result<(), &'static str> {
        let us = address_format("US").ok_or("US")?;
        assert!(us.state_required && us.postal_code_required);
        assert_eq!(us.postal_code_label, "ZIP code");
        assert!(us
            .states
            .iter()
            .any(|s| s.key == "CA" && s.name == "California"));
        let gb = address_format("uk").ok_or("uk")?;
        assert_eq!(gb.country, "GB");
        assert!(!gb.state_required && gb.states.is_empty());
        assert!(gb.postal_code_required);
        let jp = address_format("JP").ok_or("JP")?;
        assert_eq!(jp.state_label, "Prefecture");
        assert!(jp.states.iter().any(|s| s.name == "Tokyo (東京都)"));
        assert!(address_format("ZZ").is_none());
        assert_eq!(countries().len(), 249);
        Ok(())
    }
}
