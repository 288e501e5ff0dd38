//! The two enumerations of the order: email service provider and plan.

/// Who provisions the mailboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Esp {
    Google,
    Microsoft,
    Azure,
}

impl Esp {
    pub fn as_str(self) -> &'static str {
        match self {
            Esp::Google => "Google",
            Esp::Microsoft => "Microsoft",
            Esp::Azure => "Azure",
        }
    }

    /// Exact wire value only.
    pub fn from_exact(s: &str) -> Option<Esp> {
        match s {
            "Google" => Some(Esp::Google),
            "Microsoft" => Some(Esp::Microsoft),
            "Azure" => Some(Esp::Azure),
            _ => None,
        }
    }

    /// Case-insensitive, with the product names people type.
    pub fn from_loose(s: &str) -> Option<Esp> {
        // The exact spelling is the common case (every canonical order): no allocation.
        if let Some(e) = Esp::from_exact(s) {
            return Some(e);
        }
        let k = squash(s);
        match k.as_str() {
            "google" | "googleworkspace" | "gsuite" | "gmail" | "workspace" => Some(Esp::Google),
            "microsoft" | "microsoft365" | "office365" | "m365" | "o365" | "outlook" => {
                Some(Esp::Microsoft)
            }
            "azure" => Some(Esp::Azure),
            _ => None,
        }
    }
}

/// Billing cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plan {
    Quarterly,
    AnnualFlexi,
    AnnualFixed,
}

impl Plan {
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Quarterly => "quarterly",
            Plan::AnnualFlexi => "annualFlexi",
            Plan::AnnualFixed => "annualFixed",
        }
    }

    pub fn from_exact(s: &str) -> Option<Plan> {
        match s {
            "quarterly" => Some(Plan::Quarterly),
            "annualFlexi" => Some(Plan::AnnualFlexi),
            "annualFixed" => Some(Plan::AnnualFixed),
            _ => None,
        }
    }

    /// Case-insensitive; `annual_flexi`, `annual-fixed`, `Annual Flexi` spellings.
    pub fn from_loose(s: &str) -> Option<Plan> {
        if let Some(p) = Plan::from_exact(s) {
            return Some(p);
        }
        match squash(s).as_str() {
            "quarterly" => Some(Plan::Quarterly),
            "annualflexi" => Some(Plan::AnnualFlexi),
            "annualfixed" => Some(Plan::AnnualFixed),
            _ => None,
        }
    }
}

/// Lower case with spaces, `_` and `-` removed: the key loose matching compares.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-') && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_matching() {
        assert_eq!(Esp::from_loose(" Google Workspace "), Some(Esp::Google));
        assert_eq!(Esp::from_loose("Office 365"), Some(Esp::Microsoft));
        assert_eq!(Esp::from_loose("yahoo"), None);
        assert_eq!(Plan::from_loose("annual_flexi"), Some(Plan::AnnualFlexi));
        assert_eq!(Plan::from_loose("Annual-Fixed"), Some(Plan::AnnualFixed));
        assert_eq!(Plan::from_exact("Quarterly"), None);
    }
}
