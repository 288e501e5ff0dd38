//! The text side of reading a phone number: which characters are digits, plus signs
//! and punctuation, where the number starts and ends in the text, whether the text is
//! viable and carries an extension, and the folding the grammar's regexes match.

use std::borrow::Cow;
use std::sync::OnceLock;

use mailinfra_unicode::is_mark;
use regex_lite::Regex;

use super::*;
use crate::data::PHONE_DIGIT_ZEROS;

pub(super) fn is_plus(c: char) -> bool {
    matches!(c, '+' | '\u{FF0B}')
}

/// The value of a Unicode decimal digit (category Nd).
pub(super) fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii() {
        return c.is_ascii_digit().then(|| c as u8 - b'0');
    }
    let cp = u32::from(c);
    let i = PHONE_DIGIT_ZEROS.partition_point(|&z| z <= cp);
    let zero = *PHONE_DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    u8::try_from(cp - zero).ok().filter(|&d| d < 10)
}

/// A letter or a number (Unicode categories L and N), which is what libphonenumber
/// keeps at the end of a number. std's alphanumeric adds `Other_Alphabetic`: combining
/// marks and the enclosed Latin letters, taken out again here.
pub(super) fn is_letter_or_number(c: char) -> bool {
    c.is_alphanumeric()
        && !is_mark(c)
        && !matches!(c, '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F149}' | '\u{1F150}'..='\u{1F169}' | '\u{1F170}'..='\u{1F189}')
}

/// `_build_national_number_for_parsing`: the number part of RFC 3966 text
/// (`tel:...;phone-context=...`), else the possible number in the text; without an
/// ISDN subaddress. `None` for an invalid phone context.
pub(super) fn national_number_for_parsing(input: &str) -> Option<Cow<'_, str>> {
    // Both markers (`;phone-context=`, `;isub=`) start with `;`, which most numbers lack:
    // one byte search instead of setting up two substring searches.
    if !input.contains(';') {
        return Some(Cow::Borrowed(extract_possible_number(input)));
    }
    let number = match input.find(PHONE_CONTEXT) {
        None => Cow::Borrowed(extract_possible_number(input)),
        Some(at) => {
            let after = input.get(at + PHONE_CONTEXT.len()..).unwrap_or_default();
            let context = after.split(';').next().unwrap_or_default();
            if !(is_global_number_digits(context) || is_domain_name(context)) {
                return None;
            }
            let from = input.find("tel:").map_or(0, |i| i + "tel:".len());
            let mut n = if context.starts_with('+') {
                context.to_string()
            } else {
                String::new()
            };
            n.push_str(input.get(from..at).unwrap_or_default());
            Cow::Owned(n)
        }
    };
    match number.find(";isub=") {
        Some(i) if i > 0 => Some(Cow::Owned(number.get(..i).unwrap_or_default().to_string())),
        _ => Some(number),
    }
}

/// RFC 3966 `global-number-digits`: `+`, then digits and visual separators, a digit among them.
pub(super) fn is_global_number_digits(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|rest| {
        rest.chars()
            .all(|c| digit_value(c).is_some() || matches!(c, '-' | '.' | '(' | ')'))
            && rest.chars().any(|c| digit_value(c).is_some())
    })
}

/// RFC 3966 `domainname` as libphonenumber checks it: labels of letters and digits with
/// inner hyphens, the last starting with a letter, an optional final dot.
pub(super) fn is_domain_name(s: &str) -> bool {
    let alnum = |c: char| c.is_ascii_alphabetic() || digit_value(c).is_some();
    let label = |l: &str| {
        l.starts_with(alnum) && l.ends_with(alnum) && l.chars().all(|c| alnum(c) || c == '-')
    };
    let s = s.strip_suffix('.').unwrap_or(s);
    let (labels, top) = match s.rsplit_once('.') {
        Some((labels, top)) => (Some(labels), top),
        None => (None, s),
    };
    labels.is_none_or(|l| l.split('.').all(label))
        && top.starts_with(|c: char| c.is_ascii_alphabetic())
        && label(top)
}

/// `_extract_possible_number`: from the first `+` or digit, without trailing characters
/// that are neither letters nor numbers (nor `#`), and cut before a second number
/// (`\` or `/`, spaces, `x`).
pub(super) fn extract_possible_number(s: &str) -> &str {
    let Some(start) = s.find(|c| is_plus(c) || digit_value(c).is_some()) else {
        return "";
    };
    let s = s.get(start..).unwrap_or_default();
    let s = s.trim_end_matches(|c: char| c == '_' || (c != '#' && !is_letter_or_number(c)));
    let second = s.char_indices().find(|&(i, c)| {
        matches!(c, '\\' | '/')
            && s.get(i + 1..)
                .unwrap_or_default()
                .trim_start_matches(' ')
                .starts_with('x')
    });
    match second {
        Some((i, _)) => s.get(..i).unwrap_or_default(),
        None => s,
    }
}

/// libphonenumber's `VALID_PUNCTUATION`, as inclusive ranges.
pub(super) const PUNCTUATION: &[(char, char)] = &[
    ('-', '-'),
    ('x', 'x'),
    ('\u{2010}', '\u{2015}'),
    ('\u{2212}', '\u{2212}'),
    ('\u{30FC}', '\u{30FC}'),
    ('\u{FF0D}', '\u{FF0F}'),
    (' ', ' '),
    ('\u{A0}', '\u{A0}'),
    ('\u{AD}', '\u{AD}'),
    ('\u{200B}', '\u{200B}'),
    ('\u{2060}', '\u{2060}'),
    ('\u{3000}', '\u{3000}'),
    ('(', ')'),
    ('\u{FF08}', '\u{FF09}'),
    ('\u{FF3B}', '\u{FF3B}'),
    ('\u{FF3D}', '\u{FF3D}'),
    ('.', '.'),
    ('[', '['),
    (']', ']'),
    ('/', '/'),
    ('~', '~'),
    ('\u{2053}', '\u{2053}'),
    ('\u{223C}', '\u{223C}'),
    ('\u{FF5E}', '\u{FF5E}'),
];

pub(super) fn is_punctuation(c: char) -> bool {
    PUNCTUATION.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Digits, plus signs and punctuation other than `x`, `~`, `～`: what people type, and
/// text that holds no extension label, so it is read without folding (allocating).
pub(super) fn is_plain(s: &str) -> bool {
    s.chars().all(|c| {
        digit_value(c).is_some()
            || is_plus(c)
            || (is_punctuation(c) && !matches!(c, 'x' | '~' | '\u{FF5E}'))
    })
}

/// Whether folded text has what every extension pattern needs: a label (`x`, `~`,
/// `int`, `доб`, full-width forms; `ext` and `anexo` have an `x`) or `#`, `,`, `;`
/// acting as one. Text without is read by hand; text with, by the grammar's regexes.
pub(super) fn may_have_extension(folded: &str) -> bool {
    folded.contains(['x', '\u{FF58}', '#', '\u{FF03}', '~', '\u{FF5E}', ',', ';'])
        || ["int", "\u{FF49}\u{FF4E}\u{FF54}", "\u{434}\u{43E}\u{431}"]
            .iter()
            .any(|label| folded.contains(label))
}

/// `_is_viable_phone_number`: two digits alone, or optional `+` signs, then at least
/// three digits among punctuation (and `*`), then punctuation, letters and digits, then
/// optionally an extension.
pub(super) fn is_viable_phone_number(s: &str) -> bool {
    if s.chars().count() < MIN_NSN {
        return false;
    }
    if is_plain(s) {
        return is_viable_without_extension(s.chars().map(fold_char));
    }
    let folded = fold(s);
    if !may_have_extension(&folded) {
        return is_viable_without_extension(folded.chars());
    }
    grammar().is_some_and(|g| g.viable.is_match(&folded))
}

/// The viability pattern without its extension, by hand, over folded characters.
pub(super) fn is_viable_without_extension(folded: impl Iterator<Item = char>) -> bool {
    let (mut len, mut digits, mut fits, mut leading) = (0, 0, true, true);
    for c in folded {
        len += 1;
        if leading && is_plus(c) {
            continue;
        }
        leading = false;
        if c.is_ascii_digit() {
            digits += 1;
        } else if !(c == '*' || is_punctuation(c) || (c.is_ascii_lowercase() && digits >= 3)) {
            // A plus sign after the start, a letter before the third digit, or other text.
            fits = false;
        }
    }
    (len == 2 && digits == 2) || (fits && digits >= 3)
}

/// Whether libphonenumber reads an extension at the end of `s` (`_maybe_strip_extension`:
/// an extension pattern at the end, and a viable number before it).
pub(super) fn has_extension(s: &str) -> bool {
    if is_plain(s) {
        return false;
    }
    let folded = fold(s);
    if !may_have_extension(&folded) {
        return false;
    }
    let Some(m) = grammar().and_then(|g| g.extension_at_end.find(&folded)) else {
        return false;
    };
    // Folding keeps one character for one, so the match starts at the same character.
    let chars = folded.get(..m.start()).unwrap_or_default().chars().count();
    let end = s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i);
    is_viable_phone_number(s.get(..end).unwrap_or_default())
}

/// `_normalize`: with three or more ASCII letters, letters become their keypad digits
/// (a vanity number) and everything else but ASCII digits goes; otherwise the digits
/// (any script) are kept as ASCII digits and everything else goes.
pub(super) fn normalize(s: &str) -> String {
    let letters = s.chars().filter(char::is_ascii_alphabetic).count();
    if letters >= 3 && !s.contains('\n') {
        s.chars().filter_map(keypad_digit).collect()
    } else {
        s.chars()
            .filter_map(|c| digit_value(c).map(|d| char::from(b'0' + d)))
            .collect()
    }
}

/// The digit of a character on an E.161 keypad (libphonenumber upper-cases first, so
/// dotless `ı` is `I` and long `ſ` is `S`).
pub(super) fn keypad_digit(c: char) -> Option<char> {
    let upper = match c {
        '\u{131}' => 'I',
        '\u{17F}' => 'S',
        _ => c.to_ascii_uppercase(),
    };
    Some(match upper {
        d @ '0'..='9' => d,
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    })
}

/// One character for one, so that the grammar's patterns (written for this form) can
/// match with `regex-lite`: Unicode decimal digits become ASCII digits and letters are
/// lower-cased as libphonenumber's case-insensitive matching folds them (`İ`, `ı` are
/// `i`, `ſ` is `s`, the Kelvin sign is `k`).
pub(super) fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

pub(super) fn fold_char(c: char) -> char {
    if let Some(d) = digit_value(c) {
        return char::from(b'0' + d);
    }
    match c {
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        '\u{130}' | '\u{131}' => 'i',
        '\u{17F}' => 's',
        _ => {
            let lower = mailinfra_unicode::lower_each(c.encode_utf8(&mut [0; 4])).into_owned();
            let mut lower = lower.chars();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

pub(super) struct Grammar {
    /// `_VALID_PHONE_NUMBER_PATTERN`, full match.
    viable: Regex,
    /// `_EXTN_PATTERN`: an extension at the end.
    extension_at_end: Regex,
}

pub(super) fn grammar() -> Option<&'static Grammar> {
    static GRAMMAR: OnceLock<Option<Grammar>> = OnceLock::new();
    GRAMMAR
        .get_or_init(|| {
            let ext = extension_pattern();
            // The punctuation as a class body (folded text: `X` is `x`).
            let p: String = PUNCTUATION
                .iter()
                .map(|&(lo, hi)| {
                    let esc = |c: char| match c {
                        '-' | '[' | ']' | '\\' => format!("\\{c}"),
                        _ => c.to_string(),
                    };
                    if lo == hi {
                        esc(lo)
                    } else {
                        format!("{}-{}", esc(lo), esc(hi))
                    }
                })
                .collect();
            Some(Grammar {
                viable: Regex::new(&format!(
                    "^(?:[0-9]{{2}}|[+\u{FF0B}]*(?:[{p}*]*[0-9]){{3,}}[{p}*a-z0-9]*(?:{ext})?)$"
                ))
                .ok()?,
                extension_at_end: Regex::new(&format!("(?:{ext})$")).ok()?,
            })
        })
        .as_ref()
}

/// `_create_extn_pattern(for_parsing=True)` over folded text: RFC 3966 `;ext=`,
/// explicit labels (`ext`, `extensión`, `доб`, `anexo`, full-width `ｅｘｔ`), ambiguous
/// ones (`x`, `#`, `~`, `int`), an American `- 503#`, and auto-dialling `,,` or `;`.
pub(super) fn extension_pattern() -> String {
    let digits = |max: u8| format!("([0-9]{{1,{max}}})");
    let sep = "[ \u{A0}\t,]*";
    let sep_no_comma = "[ \u{A0}\t]*";
    let after_label = "[.:\u{FF0E}]?[ \u{A0}\t,\\-]*";
    let explicit = "(?:e?xt(?:ensi(?:o\u{301}?|\u{F3}))?n?|\u{FF45}?\u{FF58}\u{FF54}\u{FF4E}?|\u{434}\u{43E}\u{431}|anexo)";
    let ambiguous = "(?:[x\u{FF58}#\u{FF03}~\u{FF5E}]|int|\u{FF49}\u{FF4E}\u{FF54})";
    [
        format!(";ext={}", digits(20)),
        format!("{sep}{explicit}{after_label}{}#?", digits(20)),
        format!("{sep}{ambiguous}{after_label}{}#?", digits(9)),
        format!("[\\- ]+{}#", digits(6)),
        format!("{sep_no_comma}(?:,{{2}}|;){after_label}{}#?", digits(15)),
        format!("{sep_no_comma}(?:,)+{after_label}{}#?", digits(9)),
    ]
    .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_read_by_hand_is_read_as_the_grammar_reads_it() -> crate::test_support::TestResult {
        let grammar = grammar().ok_or("the grammar does not compile")?;
        // Digits (two scripts), plus signs, punctuation, `*` and letters (no label).
        let alphabet = ['1', '+', '\u{FF0B}', ' ', '\u{663}', '*', 'a', 'Z'];
        // Every string of one to five of these characters.
        let mut strings: Vec<String> = Vec::new();
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |&c| format!("{s}{c}")))
                .collect();
            strings.extend(last.iter().cloned());
        }
        assert_eq!(strings.len(), 8 + 64 + 512 + 4096 + 32768);
        for s in &strings {
            let folded = fold(s);
            assert!(!may_have_extension(&folded), "{s:?}");
            let viable = s.chars().count() >= MIN_NSN && grammar.viable.is_match(&folded);
            assert_eq!(is_viable_phone_number(s), viable, "{s:?}");
            assert!(grammar.extension_at_end.find(&folded).is_none(), "{s:?}");
        }
        Ok(())
    }

    #[test]
    fn digits_of_every_script() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('\u{0667}'), Some(7));
        assert_eq!(digit_value('\u{FF17}'), Some(7));
        assert_eq!(digit_value('\u{00B2}'), None);
        assert_eq!(digit_value('a'), None);
    }
}
