//! `check`'s traversal: objects and lists of the order's shape, in the field table's
//! order, with a focus (`check_field`) and the path of every issue. Each field is
//! handed to its row's rule (`rules/`); no rule lives here. Every field gets its own
//! issues (never stop at the first).

use serde_json::{Map, Value};

use crate::context::Context;
use crate::fields::{members, table, Field, Level, MAX_FIELDS, ORDER};
use crate::issue::{pointer_of, Issue, IssueCode, PathSeg, Severity};
use crate::options::Options;
use crate::problem::{JsonKind, Problem};
use crate::rules::{self, examinable_str, unknown_key, Cx, Facts, Kind, ListRule, Scope, Seen};

/// An object's members in the order of its table, and whether it has others.
type Members<'v> = ([Option<&'v Value>; MAX_FIELDS], bool);

/// Walks an order, collecting issues; with a focus, only the issues at or under
/// that location are kept and only the fields on the way there are examined.
pub struct Walker<'a> {
    opts: &'a Options,
    path: Vec<Seg>,
    focus: Option<&'a [PathSeg]>,
    /// How many leading steps of `path` agree with the focus (at most its length),
    /// kept as the path grows and shrinks: `on_focus` is asked at every step.
    agree: usize,
    /// The order is `prepare`'s output: every string is already in its canonical
    /// form (normalization is idempotent), so it is not normalized a second time.
    canonical: bool,
    /// What the current field's rule found, before it becomes issues at the path.
    found: Vec<Problem>,
    pub issues: Vec<Issue>,
}

/// A step of the walk's location. The table's field names are static, so walking a
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

impl<'a> Walker<'a> {
    pub fn new(opts: &'a Options, focus: Option<&'a [PathSeg]>) -> Self {
        Walker {
            opts,
            // An order is at most 5 levels deep: one allocation for every walk.
            path: Vec::with_capacity(8),
            focus,
            agree: 0,
            canonical: false,
            found: Vec::new(),
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

    /// Whether the path and the focus agree as far as both go.
    fn on_focus(&self) -> bool {
        match self.focus {
            None => true,
            Some(f) => self.agree == self.path.len().min(f.len()),
        }
    }

    /// Whether the path is at or under the focus.
    fn under_focus(&self) -> bool {
        self.focus.is_none_or(|f| self.agree == f.len())
    }

    fn push(&mut self, seg: Seg) {
        let depth = self.path.len();
        if let Some(step) = self.focus.and_then(|f| f.get(depth)) {
            if self.agree == depth && seg.is(step) {
                self.agree += 1;
            }
        }
        self.path.push(seg);
    }

    fn pop(&mut self) {
        self.path.pop();
        self.agree = self.agree.min(self.path.len());
    }

    /// Whether the member `key`, one level down, is off the focus path: there `at` would
    /// only push and pop. A field check skips every field but the ones on its way so.
    fn off_focus(&self, key: &str) -> bool {
        self.focus.is_some_and(|f| {
            !self.on_focus()
                || f.get(self.path.len())
                    .is_some_and(|step| !matches!(step, PathSeg::Key(k) if k == key))
        })
    }

    /// Runs `f` one level down when that location is on the focus path.
    fn at(&mut self, seg: Seg, f: impl FnOnce(&mut Self)) {
        self.push(seg);
        if self.on_focus() {
            f(self);
        }
        self.pop();
    }

    /// Runs `f` one level down whatever the focus (for duplicate bookkeeping).
    fn descend(&mut self, seg: Seg, f: impl FnOnce(&mut Self)) {
        self.push(seg);
        f(self);
        self.pop();
    }

    /// Turns what the rules found into issues at the current path (at or under the
    /// focus only), with the severity the options give.
    fn report(&mut self) {
        if self.found.is_empty() {
            return;
        }
        if !self.under_focus() {
            self.found.clear();
            return;
        }
        for problem in std::mem::take(&mut self.found) {
            let code = problem.code();
            let mut severity = code.default_severity();
            if (code == IssueCode::IdnDomain && !self.opts.allow_idn)
                || self.opts.warnings_as_errors
            {
                severity = Severity::Error;
            }
            let path: Vec<PathSeg> = self.path.iter().map(Seg::to_path).collect();
            self.issues.push(Issue {
                pointer: pointer_of(&path),
                path,
                code,
                severity,
                message: problem.message(),
                suggestion: problem.suggestion(),
            });
        }
    }

    /// What the rules of an object's fields read.
    fn cx<'c>(&self, order: &'c Context, facts: &'c Facts<'c>, domain: Option<&'c str>) -> Cx<'c>
    where
        'a: 'c,
    {
        Cx {
            opts: self.opts,
            order,
            facts,
            domain,
            canonical: self.canonical,
        }
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
            self.found.push(Problem::NotAnObject {
                level: Level::Order,
                found: JsonKind::of(v),
            });
            return self.report();
        };
        let ctx = known.unwrap_or_else(|| Context::of(obj));
        let facts = Facts::default();
        let cx = self.cx(&ctx, &facts, None);
        self.fields(obj, members(obj, &ORDER), Level::Order, &cx, None);
    }

    /// Every field of an object, then its unknown members. `seen` is the duplicate
    /// bookkeeping of the domains list (absent at the order's level).
    fn fields<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        (values, others): Members<'v>,
        level: Level,
        cx: &Cx,
        mut seen: Option<&mut Seen<'v>>,
    ) {
        let fields = table(level);
        for (field, v) in fields.iter().zip(values) {
            match field.kind {
                Kind::List(rule) => self.list(field, rule, v, cx, seen.as_deref_mut()),
                _ => {
                    if !self.off_focus(field.name) {
                        self.at(Seg::Field(field.name), |w| {
                            rules::check(field, v, cx, &mut w.found);
                            w.report();
                        });
                    }
                }
            }
        }
        if others {
            for k in obj.keys().filter(|k| !fields.iter().any(|f| f.name == *k)) {
                if self.off_focus(k) {
                    continue;
                }
                self.at(Seg::Key(k.clone()), |w| {
                    w.found.push(unknown_key::problem(k, level));
                    w.report();
                });
            }
        }
    }

    /// A list and its entries. Inside the domains list (a mailbox list) the entries are
    /// walked whatever the focus: their keys count for duplicates in later entries.
    fn list<'v>(
        &mut self,
        field: &'static Field,
        rule: &dyn ListRule,
        v: Option<&'v Value>,
        cx: &Cx,
        seen: Option<&mut Seen<'v>>,
    ) {
        let Some((_, level)) = field.items else {
            return;
        };
        let walk = |w: &mut Self, seen: &mut Seen<'v>| {
            let items = if w.on_focus() {
                let items = rules::check_list(field, rule, v, cx, &mut w.found);
                w.report();
                items
            } else {
                v.and_then(Value::as_array).map(Vec::as_slice)
            };
            for (i, item) in items
                .unwrap_or_default()
                .iter()
                .take(rule.examined(w.opts))
                .enumerate()
            {
                w.descend(Seg::Index(i), |w| w.entry(item, level, cx, seen));
            }
        };
        match seen {
            Some(seen) => self.descend(Seg::Field(field.name), |w| walk(w, seen)),
            None => self.at(Seg::Field(field.name), |w| walk(w, &mut Seen::default())),
        }
    }

    /// One entry of a list: what its key member tells (`Facts`), then its fields.
    fn entry<'v>(&mut self, v: &'v Value, level: Level, parent: &Cx, seen: &mut Seen<'v>) {
        let Some(obj) = v.as_object() else {
            if self.on_focus() {
                self.found.push(Problem::NotAnObject {
                    level,
                    found: JsonKind::of(v),
                });
                self.report();
            }
            return;
        };
        let mut facts = Facts::default();
        let mut scope = Scope {
            seen,
            focused: self.on_focus(),
            canonical: self.canonical,
        };
        let fields = table(level);
        let members = members(obj, fields);
        for (field, v) in fields.iter().zip(members.0) {
            if let Kind::Text(rule) = field.kind {
                rule.enter(v.and_then(examinable_str), &mut scope, &mut facts);
            }
        }
        // A domain entry's own name when valid to buy, else the parent's (mailboxes).
        let domain = facts.buyable().or(parent.domain);
        let seen = scope.seen;
        let cx = self.cx(parent.order, &facts, domain);
        self.fields(obj, members, level, &cx, Some(seen));
    }
}
