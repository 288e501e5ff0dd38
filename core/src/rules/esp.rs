//! # emailServiceProvider, planType — and every fact about the providers
//! **What**: the provider (`Google`, `Microsoft`, `Azure`) and the billing plan
//! (`quarterly`, `annualFlexi`, `annualFixed`; `quarterly` when absent), a plan the
//! provider offers. The providers' mailbox limits and username rules live here too:
//! the mailbox and address rules read them.
//! **Why**: the server takes these exact spellings; Azure bills quarterly only; each
//! provider caps mailboxes per domain and has its own username rules.
//! **Example**: `"google workspace"` -> `"Google"`, `"annual_flexi"` -> `"annualFlexi"`
//! (`invalid_enum`, with the fix); `annualFixed` with `Azure` ->
//! `plan_not_supported_by_esp` suggesting `quarterly`.
//! **Fix safety**: case, spacing and the product names people type each name one
//! provider or plan; an unknown value is only trimmed. The plan is never switched.
//! **Source**: the order contract (enumerations, Azure's plan, mailbox limits); the
//! providers' published username rules.

use std::borrow::Cow;

use crate::context::Context;
use crate::options::Options;
use crate::problem::{Fix, Problem, Username};
use crate::rules::{Cx, Kind, TextRule};

/// Who provisions the mailboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Esp {
    Google,
    Microsoft,
    Azure,
}

/// Billing cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plan {
    Quarterly,
    AnnualFlexi,
    AnnualFixed,
}

/// The wire values, in the contract's order.
pub const ESP_NAMES: [&str; 3] = [
    Esp::ALL[0].as_str(),
    Esp::ALL[1].as_str(),
    Esp::ALL[2].as_str(),
];
pub const PLAN_NAMES: [&str; 3] = [
    Plan::ALL[0].as_str(),
    Plan::ALL[1].as_str(),
    Plan::ALL[2].as_str(),
];
pub const DEFAULT_PLAN: &str = Plan::Quarterly.as_str();

/// The plans a provider bills (Azure: quarterly only).
fn plans_offered(esp: Esp) -> &'static [Plan] {
    match esp {
        Esp::Azure => &[Plan::Quarterly],
        Esp::Google | Esp::Microsoft => &Plan::ALL,
    }
}

/// Mailboxes a provider provisions per domain by default; without a known provider,
/// the most generous, so an unknown provider never causes a false alarm.
fn default_mailbox_limit(esp: Option<Esp>) -> usize {
    match esp {
        Some(Esp::Google) => 5,
        Some(Esp::Microsoft) | Some(Esp::Azure) | None => 100,
    }
}

/// The mailbox limit per domain: the option when given, else the provider's.
pub fn mailbox_limit(opts: &Options, esp: Option<Esp>) -> usize {
    opts.max_mailboxes_per_domain
        .unwrap_or_else(|| default_mailbox_limit(esp))
}

impl Esp {
    pub const ALL: [Esp; 3] = [Esp::Google, Esp::Microsoft, Esp::Azure];

    pub const fn as_str(self) -> &'static str {
        match self {
            Esp::Google => "Google",
            Esp::Microsoft => "Microsoft",
            Esp::Azure => "Azure",
        }
    }

    /// Exact wire value only.
    pub fn from_exact(s: &str) -> Option<Esp> {
        Esp::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// Case-insensitive, with the product names people type.
    pub fn from_loose(s: &str) -> Option<Esp> {
        // The exact spelling is the common case (every canonical order): no allocation.
        if let Some(e) = Esp::from_exact(s) {
            return Some(e);
        }
        match squash(s).as_str() {
            "google" | "googleworkspace" | "gsuite" | "gmail" | "workspace" => Some(Esp::Google),
            "microsoft" | "microsoft365" | "office365" | "m365" | "o365" | "outlook" => {
                Some(Esp::Microsoft)
            }
            "azure" => Some(Esp::Azure),
            _ => None,
        }
    }
}

impl Plan {
    pub const ALL: [Plan; 3] = [Plan::Quarterly, Plan::AnnualFlexi, Plan::AnnualFixed];

    pub const fn as_str(self) -> &'static str {
        match self {
            Plan::Quarterly => "quarterly",
            Plan::AnnualFlexi => "annualFlexi",
            Plan::AnnualFixed => "annualFixed",
        }
    }

    pub fn from_exact(s: &str) -> Option<Plan> {
        Plan::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Case-insensitive; `annual_flexi`, `annual-fixed`, `Annual Flexi` spellings.
    pub fn from_loose(s: &str) -> Option<Plan> {
        if let Some(p) = Plan::from_exact(s) {
            return Some(p);
        }
        let key = squash(s);
        Plan::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(&key))
    }
}

/// Lower case with spaces, `_` and `-` removed: the key loose matching compares.
fn squash(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-') && !c.is_whitespace())
        .collect();
    mailinfra_unicode::lower_each(&kept).into_owned()
}

/// Trimming alone is `not_normalized`; a case or alias fix is `invalid_enum`.
fn enum_fix(raw: &str, canon: &str) -> Fix {
    if raw.trim() == canon {
        Fix::Spelling
    } else {
        Fix::EnumValue
    }
}

pub const ESP_RULE: Kind = Kind::Text(&EspRule);
pub const PLAN_RULE: Kind = Kind::Text(&PlanRule);

pub struct EspRule;

impl TextRule for EspRule {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        Cow::Borrowed(Esp::from_loose(raw).map_or_else(|| raw.trim(), |e| e.as_str()))
    }

    fn fix(&self, raw: &str, canon: &str) -> Fix {
        enum_fix(raw, canon)
    }

    fn findings(&self, _: &str, canon: &str, _: &Cx, out: &mut Vec<Problem>) {
        if Esp::from_exact(canon).is_none() {
            out.push(Problem::UnknownEsp {
                value: canon.to_string(),
            });
        }
    }
}

pub struct PlanRule;

impl TextRule for PlanRule {
    fn normalize<'a>(&self, raw: &'a str, _: &Context) -> Cow<'a, str> {
        Cow::Borrowed(Plan::from_loose(raw).map_or_else(|| raw.trim(), |p| p.as_str()))
    }

    fn fix(&self, raw: &str, canon: &str) -> Fix {
        enum_fix(raw, canon)
    }

    fn findings(&self, _: &str, canon: &str, cx: &Cx, out: &mut Vec<Problem>) {
        match (Plan::from_exact(canon), cx.order.esp) {
            (None, _) => out.push(Problem::UnknownPlan {
                value: canon.to_string(),
            }),
            (Some(plan), Some(esp)) if !plans_offered(esp).contains(&plan) => {
                out.push(Problem::PlanNotOffered {
                    esp,
                    plan,
                    offered: plans_offered(esp)[0],
                })
            }
            _ => {}
        }
    }
}

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

fn local_rules(esp: Option<Esp>) -> &'static LocalRules {
    match esp {
        Some(Esp::Google) => &GOOGLE,
        Some(Esp::Microsoft) | Some(Esp::Azure) => &MICROSOFT,
        None => &ANY,
    }
}

/// Why the username (the part before `@`) breaks the provider's rules, if it does.
pub fn username_problem(local: &str, esp: Option<Esp>) -> Option<Username> {
    let r = local_rules(esp);
    if local.is_empty() {
        return Some(Username::Empty);
    }
    if let Some(c) = local
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || r.punctuation.contains(c)))
    {
        return Some(Username::Character {
            found: c,
            allowed: r.punctuation,
        });
    }
    let first = local.chars().next();
    let last = local.chars().last();
    if let Some(c) = [first, last]
        .into_iter()
        .flatten()
        .find(|c| r.not_at_ends.contains(c))
    {
        return Some(Username::AtEnd(c));
    }
    if local.as_bytes().windows(2).any(|w| w == b"..") {
        return Some(Username::DoubleDot);
    }
    // Reserved names are lower-case ASCII (a test holds them to it): no lower-cased copy.
    if r.reserved.iter().any(|n| n.eq_ignore_ascii_case(local)) {
        return Some(Username::Reserved(local.to_string()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_names_are_lower_case_ascii() {
        for r in [&GOOGLE, &MICROSOFT, &ANY] {
            assert!(r
                .reserved
                .iter()
                .all(|n| n.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert_eq!(
            username_problem("PostMaster", Some(Esp::Google)),
            Some(Username::Reserved("PostMaster".to_string()))
        );
        assert_eq!(username_problem("admins", Some(Esp::Microsoft)), None);
    }

    #[test]
    fn loose_matching() {
        assert_eq!(Esp::from_loose(" Google Workspace "), Some(Esp::Google));
        assert_eq!(Esp::from_loose("Office 365"), Some(Esp::Microsoft));
        assert_eq!(Esp::from_loose("yahoo"), None);
        assert_eq!(Plan::from_loose("annual_flexi"), Some(Plan::AnnualFlexi));
        assert_eq!(Plan::from_loose("Annual-Fixed"), Some(Plan::AnnualFixed));
        assert_eq!(Plan::from_exact("Quarterly"), None);
    }

    #[test]
    fn provider_username_rules() {
        let p = username_problem;
        assert_eq!(p("john.smith", Some(Esp::Google)), None);
        assert_eq!(p("o'brien", Some(Esp::Google)), None);
        assert!(p("o'brien", Some(Esp::Microsoft)).is_some());
        assert!(p("-john", Some(Esp::Microsoft)).is_some());
        assert_eq!(p("-john", Some(Esp::Google)), None);
        assert!(p(".john", Some(Esp::Google)).is_some());
        assert!(p("jo..hn", None).is_some());
        assert!(p("postmaster", Some(Esp::Google)).is_some());
        assert_eq!(p("postmaster", Some(Esp::Microsoft)), None);
        assert!(p("admin", Some(Esp::Azure)).is_some());
        assert!(p("jöhn", None).is_some());
    }

    #[test]
    fn mailbox_limits() {
        let opts = Options::default();
        assert_eq!(mailbox_limit(&opts, Some(Esp::Google)), 5);
        assert_eq!(mailbox_limit(&opts, None), 100);
    }
}
