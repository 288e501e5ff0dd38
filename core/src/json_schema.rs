//! The order's shape as a JSON Schema (draft 2020-12), written from the field table,
//! for tools that speak JSON Schema (form generators, OpenAPI). It carries what a
//! schema can say (types, required fields, enumerations, lengths, the E.164 shape,
//! defaults, no other keys); the rules themselves (countries, states, postal codes,
//! phone validity, domains, mailbox limits...) run only in mailinfra.

use serde_json::{json, Map, Value};

use crate::fields::{table, Field, JsonType, Level, Required};

/// What the schema says of itself: a validator of it is not a validator of orders.
const DESCRIPTION: &str = "The shape of a mailinfra order (POST /v1/domain) and its \
simple limits: types, required fields, enumerations, lengths, the E.164 shape, \
defaults. It is not the validation: the rules (countries, states, postal codes, phone \
numbers, domains, mailbox addresses and limits) run in mailinfra, whose check and \
prepare report them.";

/// Required free text is never blank (the contract's `blank`): at least one character.
const MIN_TEXT_CHARS: usize = 1;

/// Which side of `prepare` a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaOf {
    /// A canonical order: what `prepare` writes and `check` accepts, as far as a
    /// schema can say it.
    Order,
    /// What `prepare` takes: the same members, nesting and required fields, with no
    /// constraint on the values themselves, which `prepare` may still fix (`" uk "`,
    /// `"google"`, `"(415) 555-0100"`, `"true"`, `"3"`, `null` for a default).
    PrepareInput,
}

/// The order's JSON Schema (draft 2020-12).
pub fn order_json_schema(of: SchemaOf) -> Value {
    let (title, what) = match of {
        SchemaOf::Order => ("Order", ""),
        SchemaOf::PrepareInput => (
            "OrderInput",
            " This is what prepare takes: the values are not constrained, since prepare \
             may still fix their spelling.",
        ),
    };
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": format!("{DESCRIPTION}{what}"),
        "type": "object",
        "properties": properties(Level::Order, of),
        "required": required(Level::Order),
        "additionalProperties": false,
        "$defs": {
            def_name(Level::Domain): object(Level::Domain, of),
            def_name(Level::Mailbox): object(Level::Mailbox, of),
        },
    })
}

/// The name under `$defs` (and of the generated types) of a level's object.
fn def_name(level: Level) -> &'static str {
    match level {
        Level::Order => "Order",
        Level::Domain => "Domain",
        Level::Mailbox => "Mailbox",
    }
}

fn object(level: Level, of: SchemaOf) -> Value {
    json!({
        "type": "object",
        "properties": properties(level, of),
        "required": required(level),
        "additionalProperties": false,
    })
}

fn properties(level: Level, of: SchemaOf) -> Map<String, Value> {
    table(level)
        .iter()
        .map(|f| (f.name.to_string(), property(f, of)))
        .collect()
}

fn required(level: Level) -> Vec<&'static str> {
    table(level)
        .iter()
        .filter(|f| f.required == Required::Always)
        .map(|f| f.name)
        .collect()
}

fn property(f: &Field, of: SchemaOf) -> Value {
    let mut p = Map::new();
    p.insert("description".into(), description(f).into());
    match f.json {
        JsonType::Array => {
            p.insert("type".into(), "array".into());
            if let Some((min, items)) = f.items {
                p.insert(
                    "items".into(),
                    json!({ "$ref": format!("#/$defs/{}", def_name(items)) }),
                );
                p.insert("minItems".into(), min.into());
            }
        }
        _ if of == SchemaOf::PrepareInput => {}
        JsonType::String => {
            p.insert("type".into(), "string".into());
            if !f.values.is_empty() {
                p.insert("enum".into(), f.values.into());
            }
            if let Some(max) = f.max_chars {
                // An optional field may be empty where it does not apply (a postal
                // code where the country has none).
                if f.required == Required::Always {
                    p.insert("minLength".into(), MIN_TEXT_CHARS.into());
                }
                p.insert("maxLength".into(), max.into());
            }
            if let Some(pattern) = f.pattern {
                p.insert("pattern".into(), pattern.into());
            }
        }
        JsonType::Boolean => {
            p.insert("type".into(), "boolean".into());
        }
        JsonType::Integer => {
            p.insert("type".into(), "integer".into());
            p.insert("minimum".into(), 0.into());
        }
    }
    if let Some(d) = f.default {
        p.insert("default".into(), d.to_value());
    }
    Value::Object(p)
}

/// The field's label, and when it is required if not always.
fn description(f: &Field) -> String {
    let when = match f.required {
        Required::IfCountryRequiresState => {
            " (required where the country's address format requires a state)"
        }
        Required::IfCountryRequiresPostalCode => {
            " (required where the country's address format requires a postal code)"
        }
        Required::Always | Required::Never => "",
    };
    format!("{}{when}", f.label)
}

/// `{"$ref": "#/$defs/Order"}`: the schema of a report's `order` (a JSON value in
/// Rust, always an order on the wire), for the generated binding types.
#[cfg(feature = "schema")]
pub fn order_ref(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "$ref": "#/$defs/Order" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_described_once_per_level() {
        let s = order_json_schema(SchemaOf::Order);
        for level in [Level::Order, Level::Domain, Level::Mailbox] {
            let obj = match level {
                Level::Order => &s,
                _ => &s["$defs"][def_name(level)],
            };
            let props = obj["properties"].as_object().map(|m| m.len());
            assert_eq!(props, Some(table(level).len()), "{level:?}");
            assert_eq!(obj["additionalProperties"], Value::Bool(false));
        }
    }

    #[test]
    fn limits_and_defaults_come_from_the_table() {
        let s = order_json_schema(SchemaOf::Order);
        let p = &s["properties"];
        assert_eq!(p["domainOwnerFirstname"]["maxLength"], json!(50));
        assert_eq!(p["companyName"]["maxLength"], json!(255));
        assert_eq!(p["planType"]["default"], json!("quarterly"));
        assert_eq!(
            p["emailServiceProvider"]["enum"],
            json!(["Google", "Microsoft", "Azure"])
        );
        assert_eq!(p["domains"]["minItems"], json!(1));
        assert_eq!(
            s["$defs"]["Mailbox"]["properties"]["profilePicId"]["default"],
            json!(0)
        );
        let required = s["required"].as_array().map(Vec::len);
        assert_eq!(
            required,
            Some(9),
            "state, zipcode, planType and the flags are optional"
        );
    }

    #[test]
    fn prepare_input_keeps_the_shape_and_drops_value_constraints() {
        let s = order_json_schema(SchemaOf::PrepareInput);
        let p = &s["properties"];
        assert_eq!(p["country"].get("type"), None);
        assert_eq!(p["planType"].get("enum"), None);
        assert_eq!(p["planType"]["default"], json!("quarterly"));
        assert_eq!(p["domains"]["minItems"], json!(1));
        assert_eq!(
            s["required"],
            order_json_schema(SchemaOf::Order)["required"]
        );
        assert_eq!(s["additionalProperties"], Value::Bool(false));
    }
}
