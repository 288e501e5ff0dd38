//! The native back end's answers for the conformance test: JSON-string lines on
//! stdin, one answer array a line on stdout (`shared/answer.rs`).
use std::io::{self, Read, Write};

#[path = "shared/answer.rs"]
mod answer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input)?;
    io::stdout().write_all(answer::answer_lines(&input)?.as_bytes())?;
    println!(
        "{{\"backend\":\"{}\",\"version\":\"{}\"}}",
        mailinfra_unicode::BACKEND,
        mailinfra_unicode::VERSION
    );
    Ok(())
}
