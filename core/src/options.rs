//! Options shared by every surface, with the contract's names and defaults.

use serde::{Deserialize, Serialize};

use crate::esp::Esp;

/// Contract options. `Default` gives the contract's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Safety limit on `domains` (default 500).
    pub max_domains: usize,
    /// Provisioning limit; `None` means the ESP's default (Google 5, Microsoft/Azure 100).
    pub max_mailboxes_per_domain: Option<usize>,
    /// Entry points taking text or bytes refuse larger inputs (default 1 MiB).
    pub max_input_bytes: usize,
    /// Restrict domains to these TLDs (lower case, no dot); `None` allows any TLD in IANA's list.
    pub allowed_tlds: Option<Vec<String>>,
    /// `false` turns `idn_domain` into an error.
    pub allow_idn: bool,
    /// Every warning becomes an error.
    pub warnings_as_errors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_domains: 500,
            max_mailboxes_per_domain: None,
            max_input_bytes: 1 << 20,
            allowed_tlds: None,
            allow_idn: true,
            warnings_as_errors: false,
        }
    }
}

impl Options {
    /// The mailbox limit for an ESP; without a known ESP, the most generous default
    /// so an unknown provider never causes a false alarm.
    pub fn mailbox_limit(&self, esp: Option<Esp>) -> usize {
        self.max_mailboxes_per_domain.unwrap_or(match esp {
            Some(Esp::Google) => 5,
            Some(Esp::Microsoft) | Some(Esp::Azure) | None => 100,
        })
    }

    /// Whether a domain under the public suffix `suffix` (A-label: `com`, `co.uk`)
    /// may be bought: an entry names either that suffix or its last label (`uk`
    /// allows `acme.co.uk`; `co.uk` allows it but not `acme.uk`). Entries are
    /// compared without a leading dot, in any case and in Unicode or A-label form
    /// (`.COM` = `com`, `рф` = `xn--p1ai`).
    pub fn suffix_allowed(&self, suffix: &str) -> bool {
        let tld = suffix.rsplit('.').next().unwrap_or(suffix);
        match &self.allowed_tlds {
            None => true,
            Some(list) => list.iter().any(|t| {
                let t = t.trim().trim_start_matches('.');
                let a = crate::domain::to_ascii(t);
                let t = a.as_deref().unwrap_or(t);
                t.eq_ignore_ascii_case(suffix) || t.eq_ignore_ascii_case(tld)
            }),
        }
    }
}
