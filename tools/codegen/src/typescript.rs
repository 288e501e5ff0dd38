//! The npm package's generated files: the types (`types.d.ts`), the constants the
//! wrapper needs (`constants.js`) and the order's JSON Schemas as a module
//! (`order-schema.js`).

use std::fmt::Write;

use serde_json::Value;

use crate::model::{Def, Prop, Side, Ty};
use crate::HEADER;

pub fn types(defs: &[Def]) -> String {
    let mut out =
        format!("// {HEADER}\n// The package's types, from the core's Rust definitions.\n");
    for def in defs {
        out.push('\n');
        match def {
            Def::Alias { name, doc, ty } => {
                doc_comment(&mut out, "", doc);
                match ty {
                    Ty::Literals(values) if values.len() > 3 => {
                        let _ = writeln!(out, "export type {name} =");
                        for v in values {
                            let _ = writeln!(out, "  | {}", literal(v));
                        }
                        out.pop();
                        out.push_str(";\n");
                    }
                    ty => {
                        let _ = writeln!(out, "export type {name} = {};", ts(ty));
                    }
                }
            }
            Def::Object {
                name,
                doc,
                side,
                props,
            } => {
                doc_comment(&mut out, "", doc);
                let _ = writeln!(out, "export interface {name} {{");
                for p in props {
                    prop(&mut out, p, *side);
                }
                if *side == Side::Draft {
                    out.push_str("  [key: string]: unknown;\n");
                }
                out.push_str("}\n");
            }
        }
    }
    out
}

fn prop(out: &mut String, p: &Prop, side: Side) {
    let mut doc = p.doc.clone().unwrap_or_default();
    if let Some(d) = &p.default {
        let _ = write!(doc, "\n@default {d}");
    }
    doc_comment(out, "  ", doc.trim());
    let ty = match (&p.ty, side) {
        (Ty::List(item), Side::Draft) => format!("Array<{}>", ts(item)),
        (_, Side::Draft) => "unknown".into(),
        (ty, _) => ts(ty),
    };
    let opt = if p.required { "" } else { "?" };
    let _ = writeln!(out, "  {}{opt}: {ty};", p.name);
}

fn ts(ty: &Ty) -> String {
    match ty {
        Ty::Str => "string".into(),
        Ty::Int => "number".into(),
        Ty::Bool => "boolean".into(),
        Ty::Unknown => "unknown".into(),
        Ty::Literals(v) => v.iter().map(|s| literal(s)).collect::<Vec<_>>().join(" | "),
        Ty::Named(n) => n.clone(),
        Ty::List(item) => match **item {
            Ty::Union(_) | Ty::Literals(_) | Ty::Nullable(_) => format!("Array<{}>", ts(item)),
            _ => format!("{}[]", ts(item)),
        },
        Ty::Nullable(inner) => format!("{} | null", ts(inner)),
        Ty::Union(alts) => alts.iter().map(ts).collect::<Vec<_>>().join(" | "),
    }
}

fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn doc_comment(out: &mut String, indent: &str, doc: &str) {
    if doc.is_empty() {
        return;
    }
    let doc = doc.replace("*/", "*\\/");
    let lines: Vec<&str> = doc.lines().collect();
    if let [one] = lines.as_slice() {
        let _ = writeln!(out, "{indent}/** {one} */");
    } else {
        let _ = writeln!(out, "{indent}/**");
        for l in lines {
            let _ = writeln!(out, "{indent} * {l}");
        }
        let _ = writeln!(out, "{indent} */");
    }
}

/// The core's constants `api.js` needs (its scan stops where the core would).
pub fn constants() -> String {
    format!(
        "// {HEADER}\n\
         // The core's limits the wrapper's input scan (api.js) shares.\n\n\
         /** Deepest nesting the core accepts (mailinfra::limits::MAX_DEPTH). */\n\
         export const MAX_DEPTH = {};\n",
        mailinfra::limits::MAX_DEPTH,
    )
}

/// The order's JSON Schemas as an ES module, for the Standard JSON Schema slot and
/// the `orderJsonSchema` export (a JSON import needs import attributes, which not
/// every bundler reads). Compact: every form loads it (`order.schema.json` is the
/// readable copy).
pub fn schema_module(order: &Value, input: &Value) -> String {
    let compact = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    format!(
        "// {HEADER}\n\
         // The order's JSON Schemas (draft 2020-12), from the core's field table: the shape\n\
         // and the simple limits; the rules run in mailinfra.\n\n\
         /** A canonical order: what `prepare` writes and `check` accepts, as far as a schema can say. */\n\
         export const orderJsonSchema = {};\n\n\
         /** What `prepare` takes: the same shape, with no constraint on values it may still fix. */\n\
         export const orderInputJsonSchema = {};\n",
        compact(order),
        compact(input),
    )
}
