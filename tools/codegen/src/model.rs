//! The types the bindings declare, read from the core: the order's JSON Schema (from
//! the field table), the JSON Schemas `schemars` derives from the public serde types,
//! `IssueCode::ALL` and the field table's enumerations. Each language renders this
//! model (`typescript.rs`, `python.rs`).

use mailinfra::fields::{EMAIL_SERVICE_PROVIDER, PLAN_TYPE};
use mailinfra::{order_json_schema, IssueCode, SchemaOf};
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

/// A type, as much of it as TypeScript and Python typing can both say.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Str,
    Int,
    Bool,
    Unknown,
    Literals(Vec<String>),
    Named(String),
    List(Box<Ty>),
    Nullable(Box<Ty>),
    Union(Vec<Ty>),
}

pub struct Prop {
    pub name: String,
    pub ty: Ty,
    pub required: bool,
    pub doc: Option<String>,
    pub default: Option<Value>,
}

/// Whether a type describes what the core returns or what it takes: a binding may
/// accept more (any iterable where the core writes a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Output,
    Input,
    /// What a form holds while the user types: every member optional and untyped
    /// except the nesting, other keys allowed.
    Draft,
}

pub enum Def {
    Alias {
        name: String,
        doc: String,
        ty: Ty,
    },
    Object {
        name: String,
        doc: String,
        side: Side,
        props: Vec<Prop>,
    },
}

/// Enumerations named once and referred to by name wherever their values appear.
fn named_enums() -> Vec<(Vec<String>, &'static str)> {
    [
        (EMAIL_SERVICE_PROVIDER.values, "EmailServiceProvider"),
        (PLAN_TYPE.values, "PlanType"),
    ]
    .into_iter()
    .map(|(v, n)| (v.iter().map(|s| s.to_string()).collect(), n))
    .collect()
}

/// Every type the bindings declare, in the order they are written.
pub fn defs() -> Vec<Def> {
    let output = schemas::<Output>(SchemaSettings::draft2020_12().for_serialize());
    let input = schemas::<Input>(SchemaSettings::draft2020_12().for_deserialize());
    let order = order_json_schema(SchemaOf::Order);
    let draft = order_json_schema(SchemaOf::PrepareInput);
    let enums = named_enums();
    let mut defs = vec![
        Def::Alias {
            name: "IssueCode".into(),
            doc: "Stable issue codes (a public, versioned vocabulary), in the contract's order."
                .into(),
            ty: Ty::Literals(
                IssueCode::ALL
                    .iter()
                    .map(|c| c.as_str().to_string())
                    .collect(),
            ),
        },
        alias(&output, "Severity", "Severity", &enums),
    ];
    for (values, name) in &enums {
        defs.push(Def::Alias {
            name: (*name).into(),
            doc: format!("The values of `{}`.", field_of(name)),
            ty: Ty::Literals(values.clone()),
        });
    }
    defs.push(alias(&output, "PathSeg", "PathSegment", &enums));
    for (name, schema) in [
        ("Mailbox", &order["$defs"]["Mailbox"]),
        ("Domain", &order["$defs"]["Domain"]),
        ("Order", &order),
    ] {
        defs.push(object(name, schema, Side::Output, &enums));
    }
    for (name, schema) in [
        ("MailboxInput", &draft["$defs"]["Mailbox"]),
        ("DomainInput", &draft["$defs"]["Domain"]),
        ("OrderInput", &draft),
    ] {
        defs.push(object(name, schema, Side::Draft, &enums));
    }
    defs.push(object("Options", &input["Options"], Side::Input, &enums));
    for name in [
        "Issue",
        "Report",
        "StateOption",
        "AddressFormat",
        "CountryOption",
        "DataVersions",
        "Suggestions",
        "RowIssue",
        "BuildReport",
    ] {
        defs.push(object(name, &output[name], Side::Output, &enums));
    }
    defs
}

fn field_of(enum_name: &str) -> &'static str {
    if enum_name == "PlanType" {
        PLAN_TYPE.name
    } else {
        EMAIL_SERVICE_PROVIDER.name
    }
}

/// Roots whose schemas (and those they refer to) the binding types need.
struct Output;
struct Input;
trait Roots {
    fn add(g: &mut schemars::SchemaGenerator);
}
impl Roots for Output {
    fn add(g: &mut schemars::SchemaGenerator) {
        g.subschema_for::<mailinfra::Report>();
        g.subschema_for::<mailinfra::BuildReport>();
        g.subschema_for::<mailinfra::AddressFormat>();
        g.subschema_for::<mailinfra::CountryOption>();
        g.subschema_for::<mailinfra::DataVersions>();
        g.subschema_for::<mailinfra::Suggestions>();
    }
}
impl Roots for Input {
    fn add(g: &mut schemars::SchemaGenerator) {
        g.subschema_for::<mailinfra::Options>();
    }
}

fn schemas<R: Roots>(settings: SchemaSettings) -> Map<String, Value> {
    let mut g = settings.into_generator();
    R::add(&mut g);
    g.take_definitions(true)
}

fn alias(defs: &Map<String, Value>, key: &str, name: &str, enums: &[(Vec<String>, &str)]) -> Def {
    let s = &defs[key];
    Def::Alias {
        name: name.into(),
        doc: doc_of(s).unwrap_or_default(),
        ty: ty_of(s, enums),
    }
}

fn object(name: &str, s: &Value, side: Side, enums: &[(Vec<String>, &str)]) -> Def {
    let required: Vec<&str> = s["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let props = s["properties"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, p)| {
                    let required = side != Side::Draft && required.contains(&k.as_str());
                    let mut ty = ty_of(p, enums);
                    // Not required on output means `skip_serializing_if`: absent, never null.
                    if let (Side::Output, false, Ty::Nullable(inner)) = (side, required, &ty) {
                        ty = (**inner).clone();
                    }
                    // A draft's lists hold drafts.
                    if let (Side::Draft, Ty::List(item)) = (side, &ty) {
                        if let Ty::Named(n) = &**item {
                            ty = Ty::List(Box::new(Ty::Named(format!("{n}Input"))));
                        }
                    }
                    Prop {
                        name: k.clone(),
                        ty,
                        required,
                        doc: doc_of(p),
                        default: p.get("default").cloned(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let doc = match (side, doc_of(s)) {
        (Side::Draft, _) => format!(
            "What a form may hold for {title_lc} while the user types: any member missing \
             or loosely typed (prepare fixes spellings), other keys allowed.",
            title_lc = article(name.trim_end_matches("Input"))
        ),
        (_, Some(d)) if s.get("$schema").is_none() => d,
        _ => default_doc(name),
    };
    Def::Object {
        name: name.into(),
        doc,
        side,
        props,
    }
}

fn article(name: &str) -> String {
    match name {
        "Order" => "the order".into(),
        other => format!("a {}", other.to_lowercase()),
    }
}

fn default_doc(title: &str) -> String {
    match title {
        "Order" => "A `POST /v1/domain` body, as `prepare` writes it.".into(),
        "Domain" => "One domain to buy with its mailboxes.".into(),
        "Mailbox" => "One mailbox on a domain.".into(),
        other => other.into(),
    }
}

fn doc_of(s: &Value) -> Option<String> {
    s.get("description")
        .and_then(Value::as_str)
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The type a JSON Schema (of the subset the core's schemas use) describes.
pub fn ty_of(s: &Value, enums: &[(Vec<String>, &str)]) -> Ty {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return Ty::Named(
            if name == "PathSeg" {
                "PathSegment"
            } else {
                name
            }
            .into(),
        );
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect();
        return match enums.iter().find(|(v, _)| *v == values) {
            Some((_, name)) => Ty::Named((*name).into()),
            None => Ty::Literals(values),
        };
    }
    if let Some(c) = s.get("const").and_then(Value::as_str) {
        return Ty::Literals(vec![c.into()]);
    }
    if let Some(alts) = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array)
    {
        let mut lits = Vec::new();
        let mut others = Vec::new();
        for t in alts.iter().map(|a| ty_of(a, enums)) {
            match t {
                Ty::Literals(l) => lits.extend(l),
                t => others.push(t),
            }
        }
        if !lits.is_empty() {
            others.insert(0, Ty::Literals(lits));
        }
        return if others.len() == 1 {
            others.remove(0)
        } else {
            Ty::Union(others)
        };
    }
    match s.get("type") {
        Some(Value::Array(types)) => {
            let non_null: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
            let mut one = s.clone();
            if let (Some(obj), [t]) = (one.as_object_mut(), non_null.as_slice()) {
                obj.insert("type".into(), (*t).clone());
            }
            let inner = ty_of(&one, enums);
            if non_null.len() < types.len() {
                Ty::Nullable(Box::new(inner))
            } else {
                inner
            }
        }
        Some(Value::String(t)) => match t.as_str() {
            "string" => Ty::Str,
            "integer" | "number" => Ty::Int,
            "boolean" => Ty::Bool,
            "array" => Ty::List(Box::new(
                s.get("items").map_or(Ty::Unknown, |i| ty_of(i, enums)),
            )),
            _ => Ty::Unknown,
        },
        _ => Ty::Unknown,
    }
}
