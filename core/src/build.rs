//! Bulk orders from a spreadsheet: a registrant record plus one row per mailbox
//! (`domain`, `firstname`, `lastname`, optional `email`, `redirectUrl`,
//! `profilePicId`), grouped by domain in first-seen order, then prepared. Every issue
//! points back to the row and column a person must fix. Rows arrive one at a time
//! (the caller streams the file); memory grows with the order, not the file.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::fields::{
    DOMAINS, EMAIL, EMAIL_SERVICE_PROVIDER, FIRSTNAME, LASTNAME, MAILBOXES, NAME, PLAN_TYPE,
    PROFILE_PIC_ID, REDIRECT_URL,
};
use crate::issue::{Issue, PathSeg, Severity};
use crate::options::Options;
use crate::problem::Problem;
use crate::rules::{email, esp::Esp};
use crate::suggest::{suggest_excluding, SuggestRequest};
use crate::{host, prepare};

/// The column naming a row's domain (the domain entry's `name`).
const DOMAIN_COLUMN: &str = "domain";

/// The spreadsheet's columns, as the contract's mailbox and domain fields name them.
const COLUMNS: [&str; 6] = [
    DOMAIN_COLUMN,
    FIRSTNAME.name,
    LASTNAME.name,
    EMAIL.name,
    REDIRECT_URL.name,
    PROFILE_PIC_ID.name,
];
const REQUIRED_COLUMNS: [&str; 3] = [DOMAIN_COLUMN, FIRSTNAME.name, LASTNAME.name];

/// An order issue located in the sheet too: `row` counts like a spreadsheet (the
/// header is row 1); both are absent for the registrant and the order as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RowIssue {
    #[serde(flatten)]
    pub issue: Issue,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

/// The built and prepared order with every issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildReport {
    pub valid: bool,
    pub issues: Vec<RowIssue>,
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::json_schema::order_ref")
    )]
    pub order: Value,
}

/// One domain being assembled from its rows.
struct DomainRows {
    name: String,
    first_row: u64,
    redirect: Option<(String, u64)>,
    mailboxes: Vec<(Map<String, Value>, u64)>,
}

/// Assembles an order row by row.
pub struct OrderBuilder {
    registrant: Map<String, Value>,
    options: Options,
    domains: Vec<DomainRows>,
    by_key: HashMap<String, usize>,
    issues: Vec<RowIssue>,
}

/// The canonical column a header names (`First Name`, `redirecturl` -> the field).
fn column_of(header: &str) -> Option<&'static str> {
    let kept: String = header.chars().filter(|c| c.is_alphanumeric()).collect();
    let key = mailinfra_unicode::lower_each(&kept);
    COLUMNS
        .iter()
        .copied()
        .find(|c| mailinfra_unicode::lower(c) == key)
}

fn row_issue(problem: Problem, row: Option<u64>, column: Option<&str>) -> RowIssue {
    RowIssue {
        issue: Issue::new(Vec::new(), &problem),
        row,
        column: column.map(String::from),
    }
}

impl OrderBuilder {
    /// Starts from the registrant record (an object of the order's top-level fields);
    /// `esp` and `plan`, when given, override its `emailServiceProvider` and `planType`.
    pub fn new(
        registrant: &Value,
        esp: Option<&str>,
        plan: Option<&str>,
        options: &Options,
    ) -> Self {
        let mut issues = Vec::new();
        let mut reg = match registrant {
            Value::Object(m) => m.clone(),
            _ => {
                issues.push(row_issue(Problem::RegistrantNotObject, None, None));
                Map::new()
            }
        };
        if reg.remove(DOMAINS.name).is_some() {
            issues.push(row_issue(Problem::RegistrantHasDomains, None, None));
        }
        if let Some(e) = esp {
            reg.insert(EMAIL_SERVICE_PROVIDER.name.into(), e.into());
        }
        if let Some(p) = plan {
            reg.insert(PLAN_TYPE.name.into(), p.into());
        }
        OrderBuilder {
            registrant: reg,
            options: options.clone(),
            domains: Vec::new(),
            by_key: HashMap::new(),
            issues,
        }
    }

    /// Checks the header: every required column present, no unknown column.
    pub fn columns<S: AsRef<str>>(&mut self, header: &[S]) {
        let known: HashSet<&str> = header
            .iter()
            .filter_map(|h| column_of(h.as_ref()))
            .collect();
        for h in header {
            let h = h.as_ref();
            if column_of(h).is_none() && !h.trim().is_empty() {
                self.issues.push(row_issue(
                    Problem::UnknownColumn {
                        header: h.to_string(),
                        columns: &COLUMNS,
                    },
                    Some(1),
                    Some(h),
                ));
            }
        }
        for c in REQUIRED_COLUMNS {
            if !known.contains(c) {
                self.issues.push(row_issue(
                    Problem::MissingColumn { column: c },
                    Some(1),
                    Some(c),
                ));
            }
        }
    }

    /// Reports a row with more cells than the header has columns (their values are
    /// not read: nothing says which field they are).
    pub fn extra_cells(&mut self, row: u64, extra: usize) {
        self.issues.push(row_issue(
            Problem::ExtraCells { count: extra },
            Some(row),
            None,
        ));
    }

    /// Adds one row (`row` counts like a spreadsheet). Cells are keyed by header.
    pub fn push_row(&mut self, row: u64, cells: &Map<String, Value>) {
        let mut mailbox = Map::new();
        let mut domain_cell: Option<String> = None;
        let mut redirect: Option<String> = None;
        let mut any = false;
        for (header, v) in cells {
            let Some(col) = column_of(header) else {
                continue;
            };
            if v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()) {
                continue;
            }
            any = true;
            match col {
                DOMAIN_COLUMN => {
                    domain_cell = Some(v.as_str().map_or_else(|| v.to_string(), String::from))
                }
                c if c == REDIRECT_URL.name => {
                    redirect = Some(v.as_str().map_or_else(|| v.to_string(), String::from))
                }
                field => {
                    mailbox.insert(field.to_string(), v.clone());
                }
            }
        }
        if !any {
            return;
        }
        let Some(name) = domain_cell else {
            self.issues.push(row_issue(
                Problem::RowWithoutDomain,
                Some(row),
                Some(DOMAIN_COLUMN),
            ));
            return;
        };
        let key = host::normalize_host(&name).into_owned();
        let idx = *self.by_key.entry(key).or_insert_with(|| {
            self.domains.push(DomainRows {
                name,
                first_row: row,
                redirect: None,
                mailboxes: Vec::new(),
            });
            self.domains.len() - 1
        });
        let d = &mut self.domains[idx];
        if let Some(r) = redirect {
            match &d.redirect {
                None => d.redirect = Some((r, row)),
                Some((prev, prev_row))
                    if host::normalize_host(prev) != host::normalize_host(&r) =>
                {
                    self.issues.push(row_issue(
                        Problem::ConflictingRedirect {
                            first_row: *prev_row,
                            first: prev.clone(),
                            this: r,
                        },
                        Some(row),
                        Some(REDIRECT_URL.name),
                    ));
                }
                Some(_) => {}
            }
        }
        d.mailboxes.push((mailbox, row));
    }

    /// Suggests the missing addresses, prepares the order and locates every issue.
    pub fn finish(mut self) -> BuildReport {
        let esp = self
            .registrant
            .get(EMAIL_SERVICE_PROVIDER.name)
            .and_then(Value::as_str)
            .and_then(Esp::from_loose);
        self.fill_emails(esp);
        let mut order = std::mem::take(&mut self.registrant);
        // The rows' cells move into the order; only their row numbers stay behind.
        let domains: Vec<Value> = self
            .domains
            .iter_mut()
            .map(|d| {
                let mut m = Map::new();
                m.insert(NAME.name.into(), d.name.clone().into());
                if let Some((r, _)) = &d.redirect {
                    m.insert(REDIRECT_URL.name.into(), r.clone().into());
                }
                let boxes = d
                    .mailboxes
                    .iter_mut()
                    .map(|(b, _)| Value::Object(std::mem::take(b)));
                m.insert(MAILBOXES.name.into(), Value::Array(boxes.collect()));
                Value::Object(m)
            })
            .collect();
        order.insert(DOMAINS.name.into(), Value::Array(domains));
        // The order is assembled here, not handed over: the size limit guards what a
        // caller passes in (the registrant, each row), while a sheet streams in rows
        // and may well build an order larger than `max_input_bytes`.
        let options = Options {
            max_input_bytes: usize::MAX,
            ..self.options.clone()
        };
        let report = prepare(&Value::Object(order), &options);
        let mut issues = std::mem::take(&mut self.issues);
        issues.extend(report.issues.into_iter().map(|i| self.locate(i)));
        let valid = !issues.iter().any(|i| i.issue.severity == Severity::Error);
        BuildReport {
            valid,
            issues,
            order: report.order.unwrap_or(Value::Null),
        }
    }

    /// Suggests an address for every row without one, never one already in the order.
    fn fill_emails(&mut self, esp: Option<Esp>) {
        let mut taken: HashSet<String> = self
            .domains
            .iter()
            .flat_map(|d| &d.mailboxes)
            .filter_map(|(b, _)| b.get(EMAIL.name).and_then(Value::as_str))
            .map(|e| email::normalize(e).into_owned())
            .collect();
        for d in &mut self.domains {
            for (b, _) in &mut d.mailboxes {
                if b.contains_key(EMAIL.name) {
                    continue;
                }
                let name = |k: &str| {
                    b.get(k)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                let req = SuggestRequest {
                    first_name: &name(FIRSTNAME.name),
                    last_name: &name(LASTNAME.name),
                    domain: &d.name,
                    count: 1,
                    esp,
                    exclude: &[],
                };
                let s = suggest_excluding(&req, &taken);
                if let Some(a) = s.addresses.into_iter().next() {
                    taken.insert(a.clone());
                    b.insert(EMAIL.name.into(), a.into());
                }
            }
        }
    }

    /// The row and column of an order issue.
    fn locate(&self, issue: Issue) -> RowIssue {
        let (row, column) = match issue.path.as_slice() {
            [PathSeg::Key(k), PathSeg::Index(i), rest @ ..] if k == DOMAINS.name => {
                match (self.domains.get(*i), rest) {
                    (Some(d), [PathSeg::Key(f), PathSeg::Index(j), PathSeg::Key(c), ..])
                        if f == MAILBOXES.name =>
                    {
                        (d.mailboxes.get(*j).map(|(_, r)| *r), Some(c.clone()))
                    }
                    (Some(d), [PathSeg::Key(f), ..]) if f == REDIRECT_URL.name => (
                        d.redirect.as_ref().map(|(_, r)| *r),
                        Some(REDIRECT_URL.name.to_string()),
                    ),
                    (Some(d), _) => (Some(d.first_row), Some(DOMAIN_COLUMN.to_string())),
                    (None, _) => (None, None),
                }
            }
            _ => (None, None),
        };
        RowIssue { issue, row, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssueCode;
    use serde_json::json;

    fn cells(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    fn registrant() -> Value {
        let mut o: Value =
            serde_json::from_str(include_str!("../../examples/order.json")).unwrap_or(Value::Null);
        if let Some(m) = o.as_object_mut() {
            m.remove("domains");
        }
        o
    }

    #[test]
    fn groups_rows_by_domain_and_suggests_addresses() {
        let mut b = OrderBuilder::new(&registrant(), None, None, &Options::default());
        b.columns(&["domain", "firstname", "lastname", "email"]);
        b.push_row(2, &cells(json!({"domain": "acme.com", "firstname": "John", "lastname": "Smith", "email": ""})));
        b.push_row(3, &cells(json!({"domain": "beta.io", "firstname": "Ana", "lastname": "Diaz", "email": "ana@beta.io"})));
        b.push_row(4, &cells(json!({"domain": "ACME.com", "firstname": "Jane", "lastname": "Doe", "email": "john@acme.com"})));
        let r = b.finish();
        assert!(r.valid, "{:?}", r.issues);
        assert_eq!(r.order["domains"][0]["name"], "acme.com");
        assert_eq!(
            r.order["domains"][0]["mailboxes"][0]["email"],
            "john.smith@acme.com"
        );
        assert_eq!(
            r.order["domains"][0]["mailboxes"][1]["email"],
            "john@acme.com"
        );
        assert_eq!(
            r.order["domains"][1]["mailboxes"][0]["email"],
            "ana@beta.io"
        );
    }

    #[test]
    fn issues_point_to_rows_and_columns() {
        let mut b = OrderBuilder::new(&registrant(), None, None, &Options::default());
        b.columns(&["domain", "firstname", "lastname", "email", "colour"]);
        b.push_row(2, &cells(json!({"domain": "acme.com", "firstname": "John", "lastname": "Smith", "email": "john@other.com"})));
        b.push_row(3, &cells(json!({"domain": "acme.com", "firstname": "", "lastname": "Doe", "redirectUrl": "x.com"})));
        b.push_row(4, &cells(json!({"domain": "acme.com", "firstname": "Al", "lastname": "Doe", "redirectUrl": "y.com"})));
        let r = b.finish();
        let located: Vec<_> = r
            .issues
            .iter()
            .map(|i| (i.issue.code, i.row, i.column.as_deref()))
            .collect();
        assert!(located.contains(&(IssueCode::UnknownField, Some(1), Some("colour"))));
        assert!(located.contains(&(IssueCode::ConflictingValue, Some(4), Some("redirectUrl"))));
        assert!(located.contains(&(IssueCode::EmailDomainMismatch, Some(2), Some("email"))));
        assert!(located.contains(&(IssueCode::MissingField, Some(3), Some("firstname"))));
    }
}
