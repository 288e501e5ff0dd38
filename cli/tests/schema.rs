//! `mailinfra schema`: the order's JSON Schema, the one the packages ship.

mod common;

use common::*;
use serde_json::Value;

/// A generated schema file, without the `$comment` that marks it generated.
fn shipped(path: &str) -> Value {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let mut v: Value = serde_json::from_str(&text).expect("JSON");
    v.as_object_mut().expect("object").remove("$comment");
    v
}

#[test]
fn prints_the_schema_the_packages_ship() {
    let o = run(&["schema"], None);
    assert_eq!(code(&o), 0);
    let printed: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(
        printed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(printed["description"]
        .as_str()
        .is_some_and(|d| d.contains("run in mailinfra")));
    assert_eq!(printed, shipped("bindings-wasm/js/order.schema.json"));
    assert_eq!(
        printed,
        shipped("bindings-python/python/mailinfra/order.schema.json")
    );
}

#[test]
fn prepare_input_is_the_looser_schema() {
    let o = run(&["schema", "--prepare-input"], None);
    assert_eq!(code(&o), 0);
    let printed: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(printed["title"], "OrderInput");
    assert_eq!(
        printed,
        shipped("bindings-python/python/mailinfra/order-input.schema.json")
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let o = run(&["schema", "--draft-07"], None);
    assert_eq!(code(&o), 2);
}
