//! ISO 3166-1 countries: lookup by code, and the certain fixes for what people type.

use crate::data::{Country, COUNTRIES};

/// The country with this exact alpha-2 code (upper case).
pub fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.get(index_of(code)?)
}

/// The row of `country` in `COUNTRIES`, from its address: every country we hold is a
/// row of that table, and an order asks about ten times, so no search by code.
pub fn row_of(country: &Country) -> Option<usize> {
    let offset = (country as *const Country as usize).checked_sub(COUNTRIES.as_ptr() as usize)?;
    let i = offset / std::mem::size_of::<Country>().max(1);
    COUNTRIES
        .get(i)
        .filter(|row| std::ptr::eq(*row, country))
        .map(|_| i)
}

/// The row of the country with this code in `COUNTRIES`.
pub fn index_of(code: &str) -> Option<usize> {
    let key = code_key(code)?;
    COUNTRIES
        .binary_search_by_key(&key, |c| code_key(c.code).unwrap_or_default())
        .ok()
}

/// A code of two or three characters (`GB`, the phone metadata's `001`) as one number
/// in the codes' order, so that a search compares numbers, not byte strings (`memcmp`
/// is a byte loop in wasm).
pub(crate) fn code_key(code: &str) -> Option<u32> {
    match *code.as_bytes() {
        [a, b] => Some(u32::from_be_bytes([0, a, b, 0])),
        [a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    }
}

/// Every assigned country, sorted by code.
pub fn all() -> &'static [Country] {
    COUNTRIES
}

/// What a person typed -> the certain alpha-2 code: any case, `UK`, `EL`,
/// alpha-3 codes, and English names (ISO short, common or official).
pub fn resolve(input: &str) -> Option<&'static Country> {
    // Already a code (what a form's select sends): nothing to normalize.
    if let Some(c) = by_code(input) {
        return Some(c);
    }
    let normalized = crate::text::normalize(input);
    let t = &*normalized;
    let upper = mailinfra_unicode::upper(t).into_owned();
    if let Some(c) = by_code(&upper) {
        return Some(c);
    }
    match upper.as_str() {
        "UK" => return by_code("GB"),
        "EL" => return by_code("GR"),
        _ => {}
    }
    if upper.len() == 3 {
        if let Some(c) = COUNTRIES.iter().find(|c| c.alpha3 == upper) {
            return Some(c);
        }
    }
    let key = name_key(t);
    if key.is_empty() {
        return None;
    }
    COUNTRIES
        .iter()
        .find(|c| name_key(c.name) == key || c.other_names.iter().any(|n| name_key(n) == key))
}

/// Case- and punctuation-insensitive key for country names
/// ("united states", "United-States." -> "unitedstates").
fn name_key(s: &str) -> String {
    let kept: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
    mailinfra_unicode::lower_each(&kept).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_keys_keep_the_tables_order_and_find_every_row() {
        let ids = crate::data::PHONE_IDS.iter().map(|(k, _)| *k);
        for codes in [
            COUNTRIES.iter().map(|c| c.code).collect::<Vec<_>>(),
            ids.collect(),
        ] {
            let keys: Vec<_> = codes.iter().map(|c| code_key(c)).collect();
            assert!(keys.iter().all(Option::is_some));
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        }
        for (i, c) in COUNTRIES.iter().enumerate() {
            assert_eq!(index_of(c.code), Some(i));
            assert_eq!(row_of(c), Some(i));
        }
        // A country that is not a row of the table (a copy) has none.
        let copy: &'static Country = Box::leak(Box::new(Country { ..COUNTRIES[0] }));
        assert_eq!(row_of(copy), None);
        for miss in ["", "G", "gb", "GBR", "ZZ", "\u{e9}"] {
            assert!(by_code(miss).is_none(), "{miss:?}");
        }
    }

    #[test]
    fn resolves_codes_aliases_and_names() {
        assert_eq!(resolve(" us ").map(|c| c.code), Some("US"));
        assert_eq!(resolve("UK").map(|c| c.code), Some("GB"));
        assert_eq!(resolve("USA").map(|c| c.code), Some("US"));
        assert_eq!(resolve("germany").map(|c| c.code), Some("DE"));
        assert_eq!(resolve("United Kingdom").map(|c| c.code), Some("GB"));
        assert!(resolve("XX").is_none());
        assert!(resolve("").is_none());
    }
}
