//! Prints the order a structure-aware fuzz input stands for, as JSON, so a finding
//! can become a regression vector: `cargo run --example show -- artifacts/invariants/crash-...`
use arbitrary::{Arbitrary, Unstructured};
use mailinfra_fuzz::FuzzOrder;

fn main() {
    let path = std::env::args().nth(1).expect("usage: show FILE");
    let data = std::fs::read(&path).expect("readable input");
    let order = FuzzOrder::arbitrary(&mut Unstructured::new(&data)).expect("an order");
    println!("{}", serde_json::to_string(&order.0).expect("JSON"));
}
