//! The pointers the field-check tests (`vectors.rs`, `properties.rs`) check in an order.

use serde_json::Value;

/// Every pointer a form checks in `order`: each top-level member, every order field
/// and an unknown one, and under `domains` every entry, field of an entry, mailbox and
/// field of a mailbox, plus one entry past the end of each list (of a list longer than
/// 8, the first 3 and the last 3 entries: the check of each reads the whole order).
pub fn field_pointers(order: &serde_json::Map<String, Value>) -> Vec<String> {
    let mut pointers: Vec<String> = order.keys().map(|k| format!("/{k}")).collect();
    pointers.extend(
        [
            "/country",
            "/state",
            "/zipcode",
            "/phoneNumber",
            "/planType",
            "/nope",
            "",
            "/domains",
        ]
        .map(String::from),
    );
    let entries = |list: Option<&Value>| {
        let len = list.and_then(Value::as_array).map_or(0, Vec::len);
        (0..=len).filter(move |i| len <= 8 || *i < 3 || *i + 3 >= len)
    };
    for i in entries(order.get("domains")) {
        let at = format!("/domains/{i}");
        pointers.extend(["", "/name", "/redirectUrl", "/mailboxes"].map(|f| format!("{at}{f}")));
        let domain = order.get("domains").and_then(|d| d.get(i));
        for j in entries(domain.and_then(|d| d.get("mailboxes"))) {
            pointers.extend(
                ["", "/firstname", "/lastname", "/email", "/profilePicId"]
                    .map(|f| format!("{at}/mailboxes/{j}{f}")),
            );
        }
    }
    pointers
}
