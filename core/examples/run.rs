//! Prints check and prepare reports for a JSON file (a quick manual look).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/order.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let o = mailinfra::Options::default();
    let c = mailinfra::check_json(&text, &o);
    let p = mailinfra::prepare_json(&text, &o);
    println!("CHECK {}", serde_json::to_string_pretty(&c).unwrap_or_default());
    println!("PREPARE {}", serde_json::to_string_pretty(&p).unwrap_or_default());
}
