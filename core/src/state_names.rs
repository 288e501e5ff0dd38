//! Every name a state may be typed as, from the reference data: the keys and names of
//! each of Google's language records (`CA--fr`: `Colombie-Britannique`), ISO 3166-2
//! codes and names, iso-codes' translations in the country's languages and English,
//! and the few former, short and English names in `tools/state-aliases.tsv`.
//! `tools/gen_data.py` folds them (as `fold` does), leaves out any that would name two
//! states of one country, and sorts them per country; a lookup is one fold and a
//! binary search.

use mailinfra_unicode::is_mark;

use crate::data::{AddressFormat, State, STATE_DESIGNATORS};

/// The form state names are compared in, as `tools/gen_data.py` (`fold_state_name`)
/// writes them: lower case (`ı` -> `i`, `ß` -> `ss`, `ς` -> `σ`), compatibility forms
/// with the Latin, Greek and Cyrillic accents (U+0300-U+036F) removed, recomposed;
/// every run of characters other than letters, marks and numbers splits words,
/// designator words (`county`, `province`, `shi`...) are dropped unless no other word
/// is left (`CO` is Colorado), and the words are joined without spaces: `Co. Dublin`
/// -> `dublin`, `Nouvelle-Écosse` -> `nouvelleecosse`.
pub fn fold(s: &str) -> String {
    let plain: String = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        let mut lower = String::with_capacity(s.len());
        for c in mailinfra_unicode::lower_each(s).chars() {
            match c {
                'ı' => lower.push('i'),
                'ß' => lower.push_str("ss"),
                'ς' => lower.push('σ'),
                _ => lower.push(c),
            }
        }
        // Two steps, not one iterator chain: the chain's instance was 2.7 KB more of
        // the wasm module's code.
        let decomposed: String = mailinfra_unicode::nfkd(&lower)
            .chars()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .collect();
        mailinfra_unicode::nfc(&decomposed).into_owned()
    };
    let words = || {
        plain
            .split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
            .filter(|w| !w.is_empty())
    };
    let mut out = String::with_capacity(plain.len());
    for word in words().filter(|w| !STATE_DESIGNATORS.contains(w)) {
        out.push_str(word);
    }
    if out.is_empty() {
        out.extend(words());
    }
    out
}

/// A line of the table (`name<TAB>index`): the name and the state it names.
fn entry(
    fmt: &'static AddressFormat,
    line: &'static str,
) -> Option<(&'static str, &'static State)> {
    let (name, index) = line.split_once('\t')?;
    Some((name, fmt.states.get(index.parse::<usize>().ok()?)?))
}

/// The state whose folded name is exactly `folded`: a binary search over the table's
/// bytes, each probe widened to the line around it.
pub fn lookup(fmt: &'static AddressFormat, folded: &str) -> Option<&'static State> {
    let table = &fmt.state_names;
    let bytes = table.as_bytes();
    // [lo, hi) always starts at a line start; a newline never occurs inside a
    // multi-byte character, so line bounds are character bounds.
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes
            .get(lo..mid)?
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let end = bytes
            .get(start..)?
            .iter()
            .position(|&b| b == b'\n')
            .map_or(table.len(), |p| start + p);
        let (name, state) = entry(fmt, table.get(start..end)?)?;
        match name.cmp(folded) {
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return Some(state),
        }
    }
    None
}

/// The one state with a name clearly nearest to `raw` (which names none): an edit
/// distance over the folded names of at most 1 (2 from six characters on), and every
/// other state's names farther. `None` for inputs under three characters, which are
/// near too many codes to guess from.
pub fn nearest(fmt: &'static AddressFormat, raw: &str) -> Option<&'static State> {
    let typed: Vec<char> = fold(raw).chars().collect();
    if typed.len() < 3 {
        return None;
    }
    let max = if typed.len() < 6 { 1 } else { 2 };
    // (best distance, its state's index as written), and the best distance of any
    // other state; names farther than `max` change neither.
    let mut best: Option<(usize, &str)> = None;
    let mut runner_up = max + 1;
    let mut row = Vec::with_capacity(typed.len() + 1);
    let table = fmt.state_names.as_str();
    let bytes = table.as_bytes();
    let mut start = 0;
    // Each line read once, byte by byte: its name up to the tab, its index to the
    // newline (a tab and a newline never occur inside a multi-byte character).
    while let Some(tab) = bytes
        .get(start..)
        .and_then(|b| b.iter().position(|&c| c == b'\t'))
    {
        let tab = start + tab;
        let end = bytes
            .get(tab..)
            .and_then(|b| b.iter().position(|&c| c == b'\n'))
            .map_or(bytes.len(), |p| tab + p);
        let (Some(name), Some(index)) = (table.get(start..tab), table.get(tab + 1..end)) else {
            break;
        };
        start = end + 1;
        // Only a distance below the best so far (or equal to it, while no other state
        // ties it) can change the answer: anything farther is cut off early.
        let cap = best.map_or(max + 1, |(b, _)| (b + 1).min(runner_up));
        let d = bounded_distance(&typed, name, cap, &mut row);
        if d >= cap {
            continue;
        }
        match best {
            Some((b, i)) if i == index => best = Some((b.min(d), i)),
            Some((b, _)) if d < b => {
                runner_up = runner_up.min(b);
                best = Some((d, index));
            }
            Some(_) => runner_up = runner_up.min(d),
            None => best = Some((d, index)),
        }
    }
    let (d, index) = best?;
    if d >= runner_up {
        return None;
    }
    fmt.states.get(index.parse::<usize>().ok()?)
}

/// The Levenshtein distance between `a` and `b` in characters, or `cap` when it is at
/// least `cap`. Names whose lengths differ by `cap` or more are not compared at all
/// (a character is 1 to 4 bytes, so the byte length bounds the count before it is
/// counted), nor are names with `cap` or more characters that the other lacks (each
/// takes an edit of its own; sets of `c mod 64` bits, where a missing bit is a missing
/// character: most names of a typo's length fail here, before any row is computed).
/// A row computes only the cells less than `cap` from its diagonal (the others are at
/// least `cap`), and the comparison stops at the first row whose every cell, plus the
/// difference of the lengths still to go, reaches `cap`.
fn bounded_distance(a: &[char], b: &str, cap: usize, row: &mut Vec<usize>) -> usize {
    if b.len() + cap <= a.len() || b.len() >= 4 * (a.len() + cap) {
        return cap;
    }
    let bit = |c: char| 1u64 << (u32::from(c) % 64);
    let a_set = a.iter().fold(0, |set, &c| set | bit(c));
    let (mut b_len, mut b_set, mut b_only) = (0, 0, 0);
    for c in b.chars() {
        b_len += 1;
        b_set |= bit(c);
        b_only += usize::from(a_set & bit(c) == 0);
    }
    if a.len().abs_diff(b_len) >= cap || b_only >= cap {
        return cap;
    }
    if a.iter().filter(|&&c| b_set & bit(c) == 0).count() >= cap {
        return cap;
    }
    // row[i]: the distance between a[..i] and the part of `b` read so far, exact where
    // below `cap`; cells never written keep their first values, at least `cap`.
    row.clear();
    row.extend(0..=a.len());
    for (j, cb) in b.chars().enumerate() {
        // This row's band: cells i with |i - (j + 1)| < cap, past the first.
        let lo = (j + 2).saturating_sub(cap).max(1);
        let hi = (j + cap).min(a.len());
        if lo > hi + 1 {
            return cap;
        }
        let b_rest = b_len.saturating_sub(j + 1);
        let mut diagonal = row.get(lo - 1).copied().unwrap_or(cap);
        let mut left = if lo == 1 { j + 1 } else { cap };
        let mut bound = left + (a.len() + 1 - lo).abs_diff(b_rest);
        if let Some(cell) = row.get_mut(lo - 1) {
            *cell = left;
        }
        let (Some(chars), Some(cells)) = (a.get(lo - 1..hi), row.get_mut(lo..=hi)) else {
            return cap;
        };
        for (i, (ca, cell)) in (lo..).zip(chars.iter().zip(cells)) {
            let d = (diagonal + usize::from(*ca != cb))
                .min(left + 1)
                .min(*cell + 1);
            diagonal = *cell;
            *cell = d;
            left = d;
            bound = bound.min(d + (a.len() - i).abs_diff(b_rest));
        }
        if bound >= cap {
            return cap;
        }
    }
    row.last().copied().unwrap_or(cap).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::by_code;
    use crate::data::COUNTRIES;

    /// The countries these tests name, each with a format (asserted below).
    const NAMED: [&str; 6] = ["CA", "ES", "IN", "IT", "TW", "US"];

    fn fmt(code: &str) -> Option<&'static AddressFormat> {
        by_code(code).and_then(|c| c.format())
    }

    fn key(code: &str, typed: &str) -> Option<&'static str> {
        lookup(fmt(code)?, &fold(typed)).map(|s| s.key())
    }

    #[test]
    fn every_country_named_here_has_a_format() {
        for code in NAMED {
            assert!(fmt(code).is_some_and(|f| !f.states.is_empty()), "{code}");
        }
    }

    #[test]
    fn folds_case_accents_spacing_and_designators() {
        assert_eq!(fold("Co. Dublin"), "dublin");
        assert_eq!(fold("  Nouvelle-Écosse "), "nouvelleecosse");
        assert_eq!(fold("NOUVELLE ECOSSE"), "nouvelleecosse");
        assert_eq!(fold("KIRKLARELİ"), fold("Kırklareli"));
        assert_eq!(fold("Beijing Shi"), "beijing");
        assert_eq!(fold("ＴＯＫＹＯ"), "tokyo");
        // Marks of other scripts are part of the letter, not accents.
        assert_eq!(fold("दिल्ली"), "दिल्ली");
        assert_eq!(fold("Co."), "co");
        assert_eq!(fold(" - "), "");
    }

    /// The generator folds in Python what `fold` folds here: every stored name must
    /// be a fixed point, the table sorted without duplicates, every line well formed,
    /// and every name found by `lookup`.
    #[test]
    fn every_table_is_folded_sorted_and_consistent() {
        for country in COUNTRIES {
            let Some(f) = country.format() else { continue };
            assert_eq!(
                f.state_names.is_empty(),
                f.states.is_empty(),
                "{}",
                country.code
            );
            let mut last = "";
            for line in f.state_names.lines() {
                let read = entry(f, line);
                assert!(read.is_some(), "{}: {line:?}", country.code);
                let Some((name, state)) = read else { continue };
                assert_eq!(fold(name), name, "{}", country.code);
                assert!(last < name, "{}: {last} !< {name}", country.code);
                assert_eq!(lookup(f, name).map(|s| s.key()), Some(state.key()));
                // Names just before and after it in byte order are not in the table.
                assert!(lookup(f, &format!("{name}\u{0}")).is_none());
                last = name;
            }
        }
    }

    #[test]
    fn names_in_every_language_of_the_reference_data() {
        assert_eq!(key("CA", "Colombie-Britannique"), Some("BC"));
        assert_eq!(key("CA", "nouvelle-ecosse"), Some("NS"));
        assert_eq!(key("IN", "दिल्ली"), Some("Delhi"));
        assert_eq!(key("ES", "Illes Balears"), Some("PM"));
        assert_eq!(key("IT", "Rome"), Some("RM"));
        assert_eq!(key("IN", "Orissa"), Some("Odisha"));
        assert_eq!(key("IN", "OD"), Some("Odisha"));
        assert_eq!(key("IN", "Pondicherry"), Some("Puducherry"));
        assert_eq!(key("US", "Washington D.C."), Some("DC"));
        assert_eq!(key("US", "Narnia"), None);
        assert_eq!(key("US", ""), None);
        assert_eq!(key("US", "\u{10FFFF}"), None);
        // Two states of one country share the name: never guessed.
        assert_eq!(key("TW", "Hsinchu"), None);
    }

    #[test]
    fn near_misses_only_when_one_state_is_clearly_nearest() {
        let near = |code: &str, typed: &str| nearest(fmt(code)?, typed).map(|s| s.key());
        assert_eq!(near("US", "Califrnia"), Some("CA"));
        assert_eq!(near("US", "Texs"), Some("TX"));
        assert_eq!(near("CA", "Colombie Britanique"), Some("BC"));
        assert_eq!(near("US", "ZZ"), None);
        assert_eq!(near("US", "Narnia"), None);
        assert_eq!(near("US", "Virginiaa"), Some("VA"));
        assert_eq!(near("US", "Nw York"), Some("NY"));
    }

    #[test]
    fn bounded_distance_is_levenshtein_up_to_the_cap() {
        let d = |a: &str, b: &str, cap| {
            let a: Vec<char> = a.chars().collect();
            bounded_distance(&a, b, cap, &mut Vec::new())
        };
        assert_eq!(d("kitten", "sitting", 9), 3);
        assert_eq!(d("kitten", "sitting", 2), 2);
        assert_eq!(d("", "abc", 9), 3);
        assert_eq!(d("abc", "", 9), 3);
        assert_eq!(d("abc", "abc", 9), 0);
        assert_eq!(d("écosse", "ecosse", 9), 1);
        assert_eq!(d("ab", "ba", 9), 2);
    }

    /// The banded, cut-off comparison against the textbook full matrix, over every
    /// pair of short strings of a three-letter alphabet (with a 2-byte and a 3-byte
    /// letter, for the byte-length bound) and every cap.
    #[test]
    fn bounded_distance_matches_the_full_matrix() {
        fn full(a: &[char], b: &[char]) -> usize {
            let mut prev: Vec<usize> = (0..=a.len()).collect();
            for (j, cb) in b.iter().enumerate() {
                let mut cur = vec![j + 1];
                for (i, ca) in a.iter().enumerate() {
                    let d = (prev[i] + usize::from(ca != cb))
                        .min(prev[i + 1] + 1)
                        .min(cur[i] + 1);
                    cur.push(d);
                }
                prev = cur;
            }
            prev[a.len()]
        }
        let letters = ['a', 'é', '東'];
        let mut words = vec![Vec::new()];
        for len in 1..=5 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w: &&Vec<char>| w.len() == len - 1) {
                for c in letters {
                    let mut w = w.clone();
                    w.push(c);
                    next.push(w);
                }
            }
            words.extend(next);
        }
        let mut row = Vec::new();
        for a in &words {
            for b in &words {
                let b_text: String = b.iter().collect();
                let exact = full(a, b);
                for cap in 0..=4 {
                    assert_eq!(
                        bounded_distance(a, &b_text, cap, &mut row),
                        exact.min(cap),
                        "{a:?} {b_text} {cap}"
                    );
                }
            }
        }
    }
}
