//! The Python package's generated `_types.py`: TypedDicts and `Literal`s.
//!
//! The Python binding's own conventions, applied here: the order, issues and reports
//! keep their wire names (they are JSON payloads), while the helpers' dicts
//! (`address_format`, `data_versions`) and the options (keyword arguments) take
//! snake_case; `Issue` and `Report` are classes, so their dict forms (`to_dict()`)
//! are `IssueDict` and `ReportDict`, and `suggest_mailboxes` returns `Issue` objects.

use std::fmt::Write;

use crate::model::{Def, Prop, Side, Ty};
use crate::HEADER;

/// The TypedDicts and Literals of the package, under their Python names.
const TYPES: [(&str, &str); 14] = [
    ("IssueCode", "IssueCode"),
    ("Severity", "Severity"),
    ("EmailServiceProvider", "Esp"),
    ("PlanType", "PlanType"),
    ("PathSegment", "PathSegment"),
    ("Mailbox", "Mailbox"),
    ("Domain", "Domain"),
    ("Order", "Order"),
    ("Issue", "IssueDict"),
    ("Report", "ReportDict"),
    ("StateOption", "StateOption"),
    ("AddressFormat", "AddressFormat"),
    ("CountryOption", "CountryOption"),
    ("DataVersions", "DataVersions"),
];

/// Keyword arguments, not exported from `mailinfra` (the stubs and `mailinfra.pydantic` use it).
const OPTIONS: &str = "Options";

/// Dicts the binding builds with snake_case keys.
const SNAKE_CASE: [&str; 3] = ["AddressFormat", "DataVersions", "Options"];

fn py_name(core: &str, owner: &str) -> String {
    if owner == "Suggestions" && core == "Issue" {
        return "Issue".into();
    }
    TYPES
        .iter()
        .find(|(c, _)| *c == core)
        .map_or(core, |(_, p)| p)
        .to_string()
}

pub fn types(defs: &[Def]) -> String {
    let mut names: Vec<String> = TYPES.iter().map(|(_, p)| p.to_string()).collect();
    names.extend(["OrderInput".to_string(), "Suggestions".to_string()]);
    names.sort();
    let mut out = format!(
        "# {HEADER}\n\"\"\"Typing helpers: the order shape as TypedDicts and the issue vocabulary as Literals.\n\n\
         Importable at run time (``from mailinfra import Order``); ``mailinfra`` loads this\n\
         module on first use only.\n\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from typing import TYPE_CHECKING, Any, Iterable, List, Literal, Mapping, Optional, TypedDict, Union\n\n\
         if TYPE_CHECKING:\n    from ._mailinfra import Issue\n\n__all__ = [\n"
    );
    for n in &names {
        let _ = writeln!(out, "    \"{n}\",");
    }
    out.push_str("]\n");
    for def in defs {
        let owner = match def {
            Def::Alias { name, .. } | Def::Object { name, .. } => name.as_str(),
        };
        let wanted =
            TYPES.iter().any(|(c, _)| *c == owner) || owner == "Suggestions" || owner == OPTIONS;
        if !wanted {
            continue;
        }
        let name = py_name(owner, "");
        match def {
            Def::Alias { doc, ty, .. } => {
                out.push('\n');
                if !doc.is_empty() {
                    let _ = writeln!(out, "#: {doc}");
                }
                let _ = writeln!(out, "{name} = {}", py(ty, owner, Side::Output));
            }
            Def::Object {
                doc, side, props, ..
            } => object(&mut out, &name, owner, doc, *side, props),
        }
        if owner == "Order" {
            out.push_str(
                "\n\n#: What the functions accept as an order: a Mapping tree (dicts from json.load, csv,\n\
                 #: pydantic's model_dump()) or JSON text as str/bytes (parsed by the core under\n\
                 #: ``max_input_bytes``). Other objects are accepted too and reported (not_an_object).\n\
                 OrderInput = Union[Order, Mapping[str, Any], str, bytes, bytearray]\n",
            );
        }
    }
    out
}

fn object(out: &mut String, name: &str, owner: &str, doc: &str, side: Side, props: &[Prop]) {
    let snake = SNAKE_CASE.contains(&owner);
    let (required, optional): (Vec<&Prop>, Vec<&Prop>) = props.iter().partition(|p| p.required);
    let body = |out: &mut String, props: &[&Prop]| {
        for p in props {
            let mut doc = p.doc.clone().unwrap_or_default();
            if let (Some(d), false) = (&p.default, doc.contains("default")) {
                let _ = write!(doc, " (default: {d})");
            }
            if !doc.trim().is_empty() {
                let _ = writeln!(out, "    #: {}", doc.trim());
            }
            let key = if snake {
                snake_case(&p.name)
            } else {
                p.name.clone()
            };
            let _ = writeln!(out, "    {key}: {}", py(&p.ty, owner, side));
        }
    };
    let docstring = format!("    \"\"\"{}\"\"\"\n\n", doc.replace('\\', "\\\\"));
    out.push_str("\n\n");
    match (required.is_empty(), optional.is_empty()) {
        (false, false) => {
            let _ = writeln!(out, "class _{name}Required(TypedDict):");
            body(out, &required);
            let _ = writeln!(out, "\n\nclass {name}(_{name}Required, total=False):");
            out.push_str(&docstring);
            body(out, &optional);
        }
        (true, _) => {
            let _ = writeln!(out, "class {name}(TypedDict, total=False):");
            out.push_str(&docstring);
            body(out, &optional);
        }
        (false, true) => {
            let _ = writeln!(out, "class {name}(TypedDict):");
            out.push_str(&docstring);
            body(out, &required);
        }
    }
}

fn py(ty: &Ty, owner: &str, side: Side) -> String {
    match ty {
        Ty::Str => "str".into(),
        Ty::Int => "int".into(),
        Ty::Bool => "bool".into(),
        Ty::Unknown => "Any".into(),
        Ty::Literals(v) if v.len() > 3 => {
            let lines: Vec<String> = v.iter().map(|s| format!("    {s:?},\n")).collect();
            format!("Literal[\n{}]", lines.concat())
        }
        Ty::Literals(v) => format!(
            "Literal[{}]",
            v.iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Ty::Named(n) => py_name(n, owner),
        // The binding takes any iterable where the core reads a list.
        Ty::List(item) if side == Side::Input => format!("Iterable[{}]", py(item, owner, side)),
        Ty::List(item) => format!("List[{}]", py(item, owner, side)),
        Ty::Nullable(inner) => format!("Optional[{}]", py(inner, owner, side)),
        Ty::Union(alts) => format!(
            "Union[{}]",
            alts.iter()
                .map(|t| py(t, owner, side))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn snake_case(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
