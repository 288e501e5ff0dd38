//! Mailbox addresses: the ESP username rules (one table), role names, placeholders.

use crate::esp::Esp;

/// One provider's conservative username rules.
struct LocalRules {
    /// Punctuation allowed besides ASCII letters and digits.
    punctuation: &'static [char],
    /// Punctuation that may not start or end the name.
    not_at_ends: &'static [char],
    /// Names the provider reserves (an error, not a warning).
    reserved: &'static [&'static str],
}

const GOOGLE: LocalRules = LocalRules {
    punctuation: &['.', '_', '-', '\''],
    not_at_ends: &['.'],
    reserved: &["abuse", "postmaster"],
};

const MICROSOFT: LocalRules = LocalRules {
    punctuation: &['.', '_', '-'],
    not_at_ends: &['.', '-'],
    reserved: &["admin"],
};

/// Without a known ESP: the widest character set and no reserved names, so an
/// unknown provider never causes a false alarm.
const ANY: LocalRules = LocalRules {
    punctuation: &['.', '_', '-', '\''],
    not_at_ends: &['.'],
    reserved: &[],
};

fn rules(esp: Option<Esp>) -> &'static LocalRules {
    match esp {
        Some(Esp::Google) => &GOOGLE,
        Some(Esp::Microsoft) | Some(Esp::Azure) => &MICROSOFT,
        None => &ANY,
    }
}

/// RFC 2142 mailbox names and common shared-inbox names: poor senders for outreach.
const ROLE_NAMES: &[&str] = &[
    "abuse",
    "admin",
    "administrator",
    "billing",
    "careers",
    "contact",
    "do-not-reply",
    "donotreply",
    "ftp",
    "help",
    "hostmaster",
    "hr",
    "info",
    "jobs",
    "mailer-daemon",
    "marketing",
    "news",
    "no-reply",
    "noc",
    "noreply",
    "office",
    "postmaster",
    "press",
    "root",
    "sales",
    "security",
    "support",
    "usenet",
    "uucp",
    "webmaster",
    "www",
];

/// Whether the local part is a role name (case-insensitive).
pub fn is_role(local: &str) -> bool {
    ROLE_NAMES.contains(&local.to_ascii_lowercase().as_str())
}

/// Why the local part breaks the provider's username rules, if it does.
pub fn local_problem(local: &str, esp: Option<Esp>) -> Option<String> {
    let r = rules(esp);
    let who = esp.map_or("the provider", Esp::as_str);
    if local.is_empty() {
        return Some("The part before @ is empty.".into());
    }
    if let Some(c) = local
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || r.punctuation.contains(c)))
    {
        let allowed: String = r.punctuation.iter().map(|p| format!(" {p}")).collect();
        return Some(format!(
            "{who} usernames may only use letters, digits and{allowed}; {c:?} is not allowed."
        ));
    }
    let first = local.chars().next();
    let last = local.chars().last();
    if let Some(c) = [first, last]
        .into_iter()
        .flatten()
        .find(|c| r.not_at_ends.contains(c))
    {
        return Some(format!("{who} usernames cannot start or end with {c:?}."));
    }
    if local.contains("..") {
        return Some(format!("{who} usernames cannot contain two dots in a row."));
    }
    if r.reserved.contains(&local.to_ascii_lowercase().as_str()) {
        return Some(format!("{who} reserves the username {local:?}."));
    }
    None
}

/// A placeholder pasted from a page that hides addresses (Cloudflare and others).
pub fn is_obfuscated(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.contains("[email") && l.contains("protected]")
        || l.contains("email-protection")
        || l.contains("[at]")
        || l.contains("(at)")
}

/// The safe normalization: trim, lower-case, Unicode domain part -> A-label.
pub fn normalize(raw: &str) -> String {
    let t = raw.trim().to_lowercase();
    match t.rsplit_once('@') {
        Some((local, domain)) if !domain.is_ascii() => match crate::domain::to_ascii(domain) {
            Some(a) => format!("{local}@{a}"),
            None => t,
        },
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_rules() {
        assert_eq!(local_problem("john.smith", Some(Esp::Google)), None);
        assert_eq!(local_problem("o'brien", Some(Esp::Google)), None);
        assert!(local_problem("o'brien", Some(Esp::Microsoft)).is_some());
        assert!(local_problem("-john", Some(Esp::Microsoft)).is_some());
        assert_eq!(local_problem("-john", Some(Esp::Google)), None);
        assert!(local_problem(".john", Some(Esp::Google)).is_some());
        assert!(local_problem("jo..hn", None).is_some());
        assert!(local_problem("postmaster", Some(Esp::Google)).is_some());
        assert_eq!(local_problem("postmaster", Some(Esp::Microsoft)), None);
        assert!(local_problem("admin", Some(Esp::Azure)).is_some());
        assert!(local_problem("jöhn", None).is_some());
    }

    #[test]
    fn placeholders_and_roles() {
        assert!(is_obfuscated("[email\u{a0}protected]"));
        assert!(is_obfuscated("[email protected]"));
        assert!(!is_obfuscated("john@acme.com"));
        assert!(is_role("Info"));
        assert!(!is_role("john"));
        assert_eq!(normalize(" John@BÜCHER.de "), "john@xn--bcher-kva.de");
    }
}
