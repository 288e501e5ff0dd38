//! `check`: the strict walk over an order. Every field gets its own issues (never
//! stop at the first), in canonical document order. A field that `prepare` would
//! fix is reported with the fixed value as its suggestion.

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::context::Context;
use crate::data::Country;
use crate::domain::{self, Finding, Role};
use crate::esp::{Esp, Plan};
use crate::issue::{pointer_of, Issue, IssueCode, PathSeg, Severity};
use crate::limits::{MAX_MAILBOXES_EXAMINED, MAX_STRING_BYTES};
use crate::options::Options;
use crate::prepare;
use crate::schema::{
    known_fields, label, members, near_miss, Level, DOMAIN_FIELDS, MAILBOX_FIELDS, ORDER_FIELDS,
};
use crate::text::{self, quote};
use crate::{country, email, phone, postal, state_names};

/// Walks an order, collecting issues; with a focus, only the issues at or under
/// that location are kept and only the fields on the way there are examined.
pub struct Walker<'a> {
    opts: &'a Options,
    path: Vec<Seg>,
    focus: Option<&'a [PathSeg]>,
    /// The order is `prepare`'s output: every string is already in its canonical
    /// form (normalization is idempotent), so it is not normalized a second time.
    canonical: bool,
    pub issues: Vec<Issue>,
}

/// A step of the walk's location. The schema's field names are static, so walking a
/// valid order allocates no path; an issue turns the path into `PathSeg`s.
enum Seg {
    Index(usize),
    Field(&'static str),
    Key(String),
}

impl Seg {
    fn is(&self, p: &PathSeg) -> bool {
        match (self, p) {
            (Seg::Index(i), PathSeg::Index(j)) => i == j,
            (Seg::Field(a), PathSeg::Key(b)) => a == b,
            (Seg::Key(a), PathSeg::Key(b)) => a == b,
            _ => false,
        }
    }

    fn to_path(&self) -> PathSeg {
        match self {
            Seg::Index(i) => PathSeg::Index(*i),
            Seg::Field(k) => PathSeg::Key((*k).to_string()),
            Seg::Key(k) => PathSeg::Key(k.clone()),
        }
    }
}

/// Names and addresses already seen, for duplicates (reported on the later one).
#[derive(Default)]
struct Seen {
    domains: HashSet<String>,
    emails: HashSet<String>,
}

/// What a mailbox needs to know about its domain entry.
struct DomainFacts {
    /// The canonical name when it is a valid domain to buy (no error on it).
    name: Option<String>,
}

impl<'a> Walker<'a> {
    pub fn new(opts: &'a Options, focus: Option<&'a [PathSeg]>) -> Self {
        Walker {
            opts,
            // An order is at most 5 levels deep: one allocation for every walk.
            path: Vec::with_capacity(8),
            focus,
            canonical: false,
            issues: Vec::new(),
        }
    }

    /// A walker over `prepare`'s canonical order (see `canonical`). The property
    /// tests and the `invariants` fuzz target check that it reports exactly what
    /// `check` reports on the same order.
    pub fn over_canonical(opts: &'a Options) -> Self {
        Walker {
            canonical: true,
            ..Walker::new(opts, None)
        }
    }

    /// `normalize(raw)`, or `raw` itself when the order is already canonical.
    fn canon<'r>(&self, raw: &'r str, normalize: impl FnOnce(&str) -> String) -> Cow<'r, str> {
        if self.canonical {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(normalize(raw))
        }
    }

    fn on_focus(&self) -> bool {
        match self.focus {
            None => true,
            Some(f) => f.iter().zip(&self.path).all(|(p, s)| s.is(p)),
        }
    }

    /// Runs `f` one level down when that location is on the focus path.
    fn at(&mut self, seg: Seg, f: impl FnOnce(&mut Self)) {
        self.path.push(seg);
        if self.on_focus() {
            f(self);
        }
        self.path.pop();
    }

    /// Runs `f` one level down whatever the focus (for duplicate bookkeeping).
    fn descend(&mut self, seg: Seg, f: impl FnOnce(&mut Self)) {
        self.path.push(seg);
        f(self);
        self.path.pop();
    }

    fn issue(&mut self, code: IssueCode, message: String, suggestion: Option<Value>) {
        if let Some(f) = self.focus {
            if self.path.len() < f.len() || !f.iter().zip(&self.path).all(|(p, s)| s.is(p)) {
                return;
            }
        }
        let mut severity = code.default_severity();
        if (code == IssueCode::IdnDomain && !self.opts.allow_idn) || self.opts.warnings_as_errors {
            severity = Severity::Error;
        }
        let path: Vec<PathSeg> = self.path.iter().map(Seg::to_path).collect();
        self.issues.push(Issue {
            pointer: pointer_of(&path),
            path,
            code,
            severity,
            message,
            suggestion,
        });
    }

    fn finding(&mut self, f: Finding) {
        self.issue(f.code, f.message, f.suggestion.map(Value::String));
    }

    /// The whole order.
    pub fn order(&mut self, v: &Value) {
        self.order_in(v, None);
    }

    /// The whole order, with its context when the caller already has it (`prepare`
    /// read it from the input; the normalized order gives the same one, since the
    /// context is read from each field's normalization).
    pub fn order_in(&mut self, v: &Value, known: Option<Context>) {
        let Some(obj) = v.as_object() else {
            self.issue(
                IssueCode::NotAnObject,
                format!("The order must be a JSON object, not {}.", kind(v)),
                None,
            );
            return;
        };
        let ctx = known.unwrap_or_else(|| Context::of(obj));
        let (values, others) = members(obj, &ORDER_FIELDS);
        for (key, v) in ORDER_FIELDS.into_iter().zip(values) {
            self.at(Seg::Field(key), |w| w.order_field(key, v, &ctx));
        }
        if others {
            self.unknown_keys(obj, Level::Order);
        }
    }

    fn order_field(&mut self, key: &str, v: Option<&Value>, ctx: &Context) {
        if key == "domains" {
            return self.domains(v, ctx);
        }
        let required = match key {
            "state" => ctx
                .country
                .and_then(|c| c.format)
                .is_some_and(|f| f.requires_state),
            "zipcode" => ctx
                .country
                .and_then(|c| c.format)
                .is_some_and(|f| f.requires_zip),
            "planType" | "isReplacement" | "isFreeOrder" => false,
            _ => true,
        };
        let Some(v) = self.present(key, v, required) else {
            return;
        };
        match key {
            "isReplacement" | "isFreeOrder" => self.boolean(key, v),
            _ => {
                let Some(raw) = self.string(key, v) else {
                    return;
                };
                match key {
                    "state" => self.state(raw, ctx, required),
                    "country" => self.country(raw),
                    "zipcode" => self.zipcode(raw, ctx, required),
                    "phoneNumber" => self.phone(raw, ctx),
                    "emailServiceProvider" => self.esp(raw),
                    "planType" => self.plan(raw, ctx),
                    "domainOwnerFirstname" | "domainOwnerLastname" => self.text(key, raw, 50),
                    _ => self.text(key, raw, 255),
                }
            }
        }
    }

    /// The value when present; `missing_field` when required and absent or null,
    /// `wrong_type` for a null optional field.
    fn present<'v>(
        &mut self,
        key: &str,
        v: Option<&'v Value>,
        required: bool,
    ) -> Option<&'v Value> {
        match v {
            Some(Value::Null) | None if required => {
                self.issue(
                    IssueCode::MissingField,
                    format!("{} is required.", label(key)),
                    None,
                );
                None
            }
            Some(Value::Null) => {
                self.issue(
                    IssueCode::WrongType,
                    format!("{} must be left out rather than null.", label(key)),
                    None,
                );
                None
            }
            None => None,
            Some(v) => Some(v),
        }
    }

    /// The text of a string value of examinable size.
    fn string<'v>(&mut self, key: &str, v: &'v Value) -> Option<&'v str> {
        match v {
            Value::String(s) if s.len() > MAX_STRING_BYTES => {
                self.issue(
                    IssueCode::TooLong,
                    format!(
                        "{} is {} bytes long, far over any limit.",
                        label(key),
                        s.len()
                    ),
                    None,
                );
                None
            }
            Value::String(s) => Some(s),
            other => {
                self.issue(
                    IssueCode::WrongType,
                    format!("{} must be text, not {}.", label(key), kind(other)),
                    None,
                );
                None
            }
        }
    }

    /// Reports a string field given its canonical form and the findings on that form:
    /// when the input differs and the canonical form has no error, one `fix` issue
    /// carrying the canonical form as suggestion.
    fn settle(
        &mut self,
        key: &str,
        raw: &str,
        canon: &str,
        fix: IssueCode,
        findings: Vec<Finding>,
    ) {
        let blocked = findings
            .iter()
            .any(|f| f.code.default_severity() == Severity::Error);
        if raw != canon && !blocked {
            let message = match fix {
                IssueCode::NotNormalized => {
                    format!("{} should be written {}.", label(key), quote(canon))
                }
                IssueCode::BadCharacters => format!(
                    "{} contains line breaks or invisible characters; use {}.",
                    label(key),
                    quote(canon)
                ),
                IssueCode::InvalidCountry => format!(
                    "{} is not an ISO 3166-1 country code; use {}.",
                    quote(raw),
                    quote(canon)
                ),
                IssueCode::PhoneNotE164 => format!(
                    "Phone numbers must be in international E.164 form: {}.",
                    quote(canon)
                ),
                IssueCode::InvalidEnum => format!(
                    "{} is not one of the allowed values; use {}.",
                    quote(raw),
                    quote(canon)
                ),
                IssueCode::DomainNotAscii => format!(
                    "{} must be sent in its ASCII form {}.",
                    label(key),
                    quote(canon)
                ),
                IssueCode::RedirectNotBareDomain => format!(
                    "The redirect must be a bare domain, without https:// or a path: {}.",
                    quote(canon)
                ),
                _ => format!("{} should be {}.", label(key), quote(canon)),
            };
            self.issue(fix, message, Some(Value::String(canon.to_string())));
        }
        for f in findings {
            self.finding(f);
        }
    }

    /// Free text: names, company, address, city.
    fn text(&mut self, key: &str, raw: &str, max: usize) {
        let canon = self.canon(raw, text::normalize);
        let fix = if text::has_removable_bad_char(raw) {
            IssueCode::BadCharacters
        } else {
            IssueCode::NotNormalized
        };
        let findings = text_findings(key, &canon, max, true);
        self.settle(key, raw, &canon, fix, findings);
    }

    fn state(&mut self, raw: &str, ctx: &Context, required: bool) {
        let canon = self.canon(raw, |r| prepare::normalize_state(r, ctx));
        let mut findings = text_findings("state", &canon, 255, required);
        if findings.is_empty() && !canon.is_empty() {
            if let Some(c) = ctx.country {
                let list = postal::states(c);
                if !list.is_empty() && !list.iter().any(|s| s.key == canon) {
                    findings.push(invalid_state(c, &canon));
                }
            }
        }
        self.settle("state", raw, &canon, IssueCode::NotNormalized, findings);
    }

    fn country(&mut self, raw: &str) {
        let canon = self.canon(raw, prepare::normalize_country);
        let mut findings = text_findings("country", &canon, 255, true);
        if findings.is_empty() && country::by_code(&canon).is_none() {
            findings.push(Finding {
                code: IssueCode::InvalidCountry,
                message: format!(
                    "{} is not an ISO 3166-1 alpha-2 country code (like US, GB or IN).",
                    quote(&canon)
                ),
                suggestion: None,
            });
        }
        let fix = if text::has_removable_bad_char(raw) {
            IssueCode::BadCharacters
        } else if text::normalize(raw).to_uppercase() == canon {
            IssueCode::NotNormalized
        } else {
            IssueCode::InvalidCountry
        };
        self.settle("country", raw, &canon, fix, findings);
    }

    fn zipcode(&mut self, raw: &str, ctx: &Context, required: bool) {
        let canon = self.canon(raw, |r| postal::normalize_zip(ctx.country, r));
        let mut findings = text_findings("zipcode", &canon, 255, required);
        if let (true, Some(c)) = (findings.is_empty() && !canon.is_empty(), ctx.country) {
            let fmt = c.format.filter(|f| !f.zip.is_empty());
            let name = c
                .format
                .map_or("postal code", |f| postal::zip_label(f.zip_kind));
            match fmt {
                None if c.format.is_some() => findings.push(Finding {
                    code: IssueCode::PostalCodeNotUsed,
                    message: format!("{} does not use postal codes; leave it empty.", c.name),
                    suggestion: None,
                }),
                None => {}
                Some(f) if !postal::zip_matches(c, &canon) => findings.push(Finding {
                    code: IssueCode::InvalidPostalCode,
                    message: format!(
                        "{} is not a valid {} for {}; example: {}.",
                        quote(&canon),
                        name,
                        c.name,
                        f.zip_examples.first().copied().unwrap_or("")
                    ),
                    suggestion: None,
                }),
                Some(_) => {
                    if let Some(other) = ctx
                        .state
                        .and_then(|s| postal::zip_in_other_state(c, s, &canon))
                    {
                        findings.push(Finding {
                            code: IssueCode::PostalCodeStateMismatch,
                            message: format!(
                                "{} {} is in {}, not {}.",
                                name,
                                quote(&canon),
                                other.name,
                                ctx.state.map_or("", |s| s.name)
                            ),
                            suggestion: None,
                        });
                    }
                }
            }
        }
        self.settle("zipcode", raw, &canon, IssueCode::NotNormalized, findings);
    }

    fn phone(&mut self, raw: &str, ctx: &Context) {
        let region = ctx.country.map(|c| c.code);
        let canon = self.canon(raw, |r| phone::normalize(r, region));
        let mut findings = Vec::new();
        if !phone::is_e164_shape(&canon) {
            let message = if phone::has_extension(raw, region) {
                format!(
                    "{} has an extension, which the phone number cannot carry: give the number alone, like +14155551234.",
                    quote(raw.trim())
                )
            } else {
                format!(
                    "{} is not an international number: use + and the country code, like +14155551234.",
                    quote(raw.trim())
                )
            };
            findings.push(Finding {
                code: IssueCode::PhoneNotE164,
                message,
                suggestion: None,
            });
        } else if !phone::is_valid_e164(&canon) {
            findings.push(Finding {
                code: IssueCode::InvalidPhone,
                message: format!(
                    "{} is not a valid phone number in any numbering plan.",
                    quote(&canon)
                ),
                suggestion: None,
            });
        }
        let fix = if raw.trim() == canon {
            IssueCode::NotNormalized
        } else {
            IssueCode::PhoneNotE164
        };
        self.settle("phoneNumber", raw, &canon, fix, findings);
    }

    fn esp(&mut self, raw: &str) {
        let canon =
            Esp::from_loose(raw).map_or_else(|| raw.trim().to_string(), |e| e.as_str().to_string());
        let mut findings = Vec::new();
        if Esp::from_exact(&canon).is_none() {
            findings.push(Finding {
                code: IssueCode::InvalidEnum,
                message: format!(
                    "{} is not a provider; use Google, Microsoft or Azure.",
                    quote(&canon)
                ),
                suggestion: None,
            });
        }
        let fix = enum_fix(raw, &canon);
        self.settle("emailServiceProvider", raw, &canon, fix, findings);
    }

    fn plan(&mut self, raw: &str, ctx: &Context) {
        let canon = Plan::from_loose(raw)
            .map_or_else(|| raw.trim().to_string(), |p| p.as_str().to_string());
        let mut findings = Vec::new();
        match Plan::from_exact(&canon) {
            None => findings.push(Finding {
                code: IssueCode::InvalidEnum,
                message: format!(
                    "{} is not a plan; use quarterly, annualFlexi or annualFixed.",
                    quote(&canon)
                ),
                suggestion: None,
            }),
            Some(p) if p != Plan::Quarterly && ctx.esp == Some(Esp::Azure) => {
                findings.push(Finding {
                    code: IssueCode::PlanNotSupportedByEsp,
                    message: format!("Azure only offers the quarterly plan, not {}.", p.as_str()),
                    suggestion: Some(Plan::Quarterly.as_str().to_string()),
                })
            }
            Some(_) => {}
        }
        let fix = enum_fix(raw, &canon);
        self.settle("planType", raw, &canon, fix, findings);
    }

    fn boolean(&mut self, key: &str, v: &Value) {
        if v.is_boolean() {
            return;
        }
        let fixed = prepare::normalize_bool(v);
        let suggestion = fixed.is_boolean().then_some(fixed);
        self.issue(
            IssueCode::WrongType,
            format!("{} must be true or false, not {}.", label(key), kind(v)),
            suggestion,
        );
    }

    fn domains(&mut self, v: Option<&Value>, ctx: &Context) {
        let Some(v) = self.present("domains", v, true) else {
            return;
        };
        let Some(items) = v.as_array() else {
            self.issue(
                IssueCode::WrongType,
                format!("Domains must be a list, not {}.", kind(v)),
                None,
            );
            return;
        };
        if items.is_empty() {
            self.issue(IssueCode::TooShort, "Add at least one domain.".into(), None);
        }
        if items.len() > self.opts.max_domains {
            self.issue(
                IssueCode::TooManyItems,
                format!(
                    "The order has {}; the limit is {}.",
                    count(items.len(), "domain"),
                    self.opts.max_domains
                ),
                None,
            );
        }
        let mut seen = Seen::default();
        for (i, d) in items.iter().take(self.opts.max_domains).enumerate() {
            self.descend(Seg::Index(i), |w| w.domain(d, ctx, &mut seen));
        }
    }

    fn domain(&mut self, d: &Value, ctx: &Context, seen: &mut Seen) {
        let Some(obj) = d.as_object() else {
            if self.on_focus() {
                self.issue(
                    IssueCode::NotAnObject,
                    format!(
                        "Each domain must be an object with a name and mailboxes, not {}.",
                        kind(d)
                    ),
                    None,
                );
            }
            return;
        };
        let ([name_v, redirect_v, mailboxes_v], others) = members(obj, &DOMAIN_FIELDS);
        let name = name_v
            .and_then(examinable_str)
            .map(|n| self.canon(n, domain::normalize_host));
        let duplicate = name
            .as_ref()
            .is_some_and(|n| !n.is_empty() && !seen.domains.insert(n.to_string()));
        let focused = self.on_focus();
        let (host, findings) = match &name {
            Some(n) if focused => domain::check_host(n, Role::Purchase),
            _ => (None, Vec::new()),
        };
        let buyable = host.is_some()
            && findings
                .iter()
                .all(|f| f.code.default_severity() != Severity::Error);
        let facts = DomainFacts {
            name: name.as_deref().map(str::to_string).filter(|_| buyable),
        };
        self.at(Seg::Field("name"), |w| {
            let Some(v) = w.present("name", name_v, true) else {
                return;
            };
            let Some(raw) = w.string("name", v) else {
                return;
            };
            let canon = name.as_deref().unwrap_or_default();
            let mut findings = findings;
            if let Some(h) = &host {
                if !w.opts.suffix_allowed(&h.suffix) {
                    findings.push(Finding {
                        code: IssueCode::InvalidDomain,
                        message: format!(".{} domains are not offered here.", h.suffix),
                        suggestion: None,
                    });
                }
            }
            if duplicate {
                findings.push(Finding {
                    code: IssueCode::DuplicateDomain,
                    message: format!("{} is already in this order.", quote(canon)),
                    suggestion: None,
                });
            }
            let fix = if raw.is_ascii() {
                IssueCode::NotNormalized
            } else {
                IssueCode::DomainNotAscii
            };
            w.settle("name", raw, canon, fix, findings);
        });
        self.at(Seg::Field("redirectUrl"), |w| {
            w.redirect(redirect_v, facts.name.as_deref())
        });
        let limit = self.opts.mailbox_limit(ctx.esp);
        self.descend(Seg::Field("mailboxes"), |w| {
            w.mailboxes(mailboxes_v, limit, ctx, &facts, seen)
        });
        if others {
            self.unknown_keys(obj, Level::Domain);
        }
    }

    fn redirect(&mut self, v: Option<&Value>, name: Option<&str>) {
        let Some(v) = self.present("redirectUrl", v, false) else {
            return;
        };
        let Some(raw) = self.string("redirectUrl", v) else {
            return;
        };
        let canon = self.canon(raw, domain::normalize_host);
        let (host, mut findings) = domain::check_host(&canon, Role::Redirect);
        if let (Some(_), Some(n)) = (host, name) {
            if canon == n || canon.ends_with(&format!(".{n}")) {
                findings.push(Finding {
                    code: IssueCode::RedirectLoop,
                    message: format!(
                        "The redirect {} points back at the domain being bought.",
                        quote(&canon)
                    ),
                    suggestion: None,
                });
            }
        }
        let lowered = raw.trim().to_lowercase();
        let fix = if lowered.starts_with("http://")
            || lowered.starts_with("https://")
            || lowered.ends_with('/')
        {
            IssueCode::RedirectNotBareDomain
        } else if !raw.is_ascii() {
            IssueCode::DomainNotAscii
        } else {
            IssueCode::NotNormalized
        };
        self.settle("redirectUrl", raw, &canon, fix, findings);
    }

    fn mailboxes(
        &mut self,
        v: Option<&Value>,
        limit: usize,
        ctx: &Context,
        facts: &DomainFacts,
        seen: &mut Seen,
    ) {
        let focused = self.on_focus();
        let v = if focused {
            self.present("mailboxes", v, true)
        } else {
            v.filter(|v| !v.is_null())
        };
        let Some(v) = v else { return };
        let Some(items) = v.as_array() else {
            if focused {
                self.issue(
                    IssueCode::WrongType,
                    format!("Mailboxes must be a list, not {}.", kind(v)),
                    None,
                );
            }
            return;
        };
        if focused && items.is_empty() {
            self.issue(
                IssueCode::TooShort,
                "Add at least one mailbox.".into(),
                None,
            );
        }
        if focused && items.len() > limit {
            let who = ctx.esp.map_or("The provider", Esp::as_str);
            self.issue(
                IssueCode::TooManyMailboxes,
                format!(
                    "{who} provisions at most {} per domain; this one has {}.",
                    count(limit, "mailbox"),
                    items.len()
                ),
                None,
            );
        }
        for (i, m) in items.iter().take(MAX_MAILBOXES_EXAMINED).enumerate() {
            self.descend(Seg::Index(i), |w| w.mailbox(m, ctx, facts, seen));
        }
    }

    fn mailbox(&mut self, m: &Value, ctx: &Context, facts: &DomainFacts, seen: &mut Seen) {
        let Some(obj) = m.as_object() else {
            if self.on_focus() {
                self.issue(
                    IssueCode::NotAnObject,
                    format!("Each mailbox must be an object with firstname, lastname and email, not {}.", kind(m)),
                    None,
                );
            }
            return;
        };
        let (values, others) = members(obj, &MAILBOX_FIELDS);
        let [_, _, email_v, _] = values; // firstname, lastname, email, profilePicId
        let email = email_v
            .and_then(examinable_str)
            .map(|e| self.canon(e, email::normalize));
        let duplicate = email
            .as_ref()
            .is_some_and(|e| e.contains('@') && !seen.emails.insert(e.to_string()));
        for (key, v) in MAILBOX_FIELDS.into_iter().zip(values) {
            self.at(Seg::Field(key), |w| match key {
                "email" => w.email(v, email.as_deref(), duplicate, ctx, facts),
                "profilePicId" => w.pic_id(v),
                _ => {
                    let Some(v) = w.present(key, v, true) else {
                        return;
                    };
                    if let Some(raw) = w.string(key, v) {
                        w.text(key, raw, 50);
                    }
                }
            });
        }
        if others {
            self.unknown_keys(obj, Level::Mailbox);
        }
    }

    fn email(
        &mut self,
        v: Option<&Value>,
        canon: Option<&str>,
        duplicate: bool,
        ctx: &Context,
        facts: &DomainFacts,
    ) {
        let Some(v) = self.present("email", v, true) else {
            return;
        };
        let Some(raw) = self.string("email", v) else {
            return;
        };
        let canon = canon.unwrap_or_default();
        let mut findings = email_findings(canon, ctx.esp, facts.name.as_deref());
        if duplicate {
            findings.push(Finding {
                code: IssueCode::DuplicateEmail,
                message: format!(
                    "{} is already used by another mailbox in this order.",
                    quote(canon)
                ),
                suggestion: None,
            });
        }
        self.settle("email", raw, canon, IssueCode::NotNormalized, findings);
    }

    fn pic_id(&mut self, v: Option<&Value>) {
        let Some(v) = self.present("profilePicId", v, false) else {
            return;
        };
        if prepare::whole_number(v).is_some() {
            return;
        }
        let fixed = prepare::normalize_pic_id(v);
        let suggestion = fixed.is_u64().then_some(fixed);
        self.issue(
            IssueCode::WrongType,
            format!(
                "Profile picture id must be a whole number of 0 or more, not {}.",
                kind(v)
            ),
            suggestion,
        );
    }

    fn unknown_keys(&mut self, obj: &Map<String, Value>, level: Level) {
        let known = known_fields(level);
        for k in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.at(Seg::Key(k.clone()), |w| {
                let hint = near_miss(k, level);
                let message = match hint {
                    Some(h) => format!(
                        "{} is not a field of the order; did you mean {h:?}?",
                        quote(k)
                    ),
                    None => format!("{} is not a field of the order.", quote(k)),
                };
                w.issue(IssueCode::UnknownField, message, hint.map(Value::from));
            });
        }
    }
}

/// A member's text when it is a string of examinable size.
fn examinable_str(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| s.len() <= MAX_STRING_BYTES)
}

/// `invalid_state`, with the state a near miss (`Califrnia`) clearly meant as the
/// suggestion, else a few of the keys the country's list holds.
fn invalid_state(c: &Country, canon: &str) -> Finding {
    let kind = c.format.map_or("state", |f| f.state_kind);
    let near = c.format.and_then(|f| state_names::nearest(f, canon));
    let message = match near {
        Some(s) => format!(
            "{} is not a {kind} of {}; did you mean {}?",
            quote(canon),
            c.name,
            postal::state_label(s)
        ),
        None => {
            let examples: Vec<&str> = postal::states(c).iter().take(3).map(|s| s.key).collect();
            format!(
                "{} is not a {kind} of {}; use its code or name, e.g. {}.",
                quote(canon),
                c.name,
                examples.join(", ")
            )
        }
    };
    Finding {
        code: IssueCode::InvalidState,
        message,
        suggestion: near.map(|s| s.key.to_string()),
    }
}

/// Emptiness, length and character findings for free text.
fn text_findings(key: &str, canon: &str, max: usize, required: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let n = text::char_len(canon);
    if n == 0 {
        if required {
            out.push(Finding {
                code: IssueCode::Blank,
                message: format!("{} cannot be empty.", label(key)),
                suggestion: None,
            });
        }
    } else if n > max {
        out.push(Finding {
            code: IssueCode::TooLong,
            message: format!("{} is {n} characters long; the limit is {max}.", label(key)),
            suggestion: None,
        });
    }
    if canon.chars().any(text::is_bad_char) {
        out.push(Finding {
            code: IssueCode::BadCharacters,
            message: format!(
                "{} contains control, invisible or direction-changing characters.",
                label(key)
            ),
            suggestion: None,
        });
    }
    out
}

/// Findings on a canonical mailbox address given its ESP and its domain entry.
fn email_findings(canon: &str, esp: Option<Esp>, domain: Option<&str>) -> Vec<Finding> {
    let finding = |code, message: String, suggestion: Option<String>| Finding {
        code,
        message,
        suggestion,
    };
    if canon.is_empty() {
        return vec![finding(
            IssueCode::Blank,
            "Email address cannot be empty.".into(),
            None,
        )];
    }
    if email::is_obfuscated(canon) {
        return vec![finding(
            IssueCode::ObfuscatedEmail,
            format!(
                "{} is a placeholder copied from a web page; type the real address.",
                quote(canon)
            ),
            None,
        )];
    }
    let Some((local, host)) = canon
        .rsplit_once('@')
        .filter(|(l, h)| !l.is_empty() && !h.is_empty() && !l.contains('@'))
    else {
        return vec![finding(
            IssueCode::InvalidEmail,
            format!(
                "{} is not an address of the form name@domain.",
                quote(canon)
            ),
            None,
        )];
    };
    let mut out = Vec::new();
    if canon.chars().count() > 254 || local.chars().count() > 64 {
        out.push(finding(
            IssueCode::TooLong,
            "An address may have at most 64 characters before @ and 254 in all.".into(),
            None,
        ));
    }
    let local_problem = email::local_problem(local, esp);
    if let Some(p) = &local_problem {
        out.push(finding(IssueCode::InvalidEmail, p.clone(), None));
    }
    if let Some(d) = domain {
        if host != d {
            let suggestion = local_problem.is_none().then(|| format!("{local}@{d}"));
            out.push(finding(
                IssueCode::EmailDomainMismatch,
                format!(
                    "The address must be on {}, the domain it belongs to.",
                    quote(d)
                ),
                suggestion,
            ));
        }
    }
    if local_problem.is_none() && email::is_role(local) {
        out.push(finding(
            IssueCode::RoleAddress,
            format!(
                "{} is a role address; a person's name sends better.",
                quote(local)
            ),
            None,
        ));
    }
    out
}

/// Trimming alone is `not_normalized`; a case or alias fix is `invalid_enum`.
fn enum_fix(raw: &str, canon: &str) -> IssueCode {
    if raw.trim() == canon {
        IssueCode::NotNormalized
    } else {
        IssueCode::InvalidEnum
    }
}

/// `1 domain`, `2 domains`, `0 mailboxes`.
fn count(n: usize, word: &str) -> String {
    match (n, word.ends_with('x')) {
        (1, _) => format!("1 {word}"),
        (_, true) => format!("{n} {word}es"),
        _ => format!("{n} {word}s"),
    }
}

/// The JSON type of a value, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
