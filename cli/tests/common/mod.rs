//! What every end-to-end test of the `mailinfra` binary uses: running it, reading
//! its output, the example files.
#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub const ORDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/order.json");
pub const MESSY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/messy-order.json");

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mailinfra"))
}

/// Runs with `args`, feeding `stdin` (empty when `None`).
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn mailinfra");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("stdin");
    // Write from a thread so a large input cannot deadlock against a full stdout.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    out
}

pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

pub fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

pub fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

pub fn codes(report: &Value) -> Vec<String> {
    report["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| i["code"].as_str().expect("code").to_string())
        .collect()
}

pub fn order() -> Value {
    serde_json::from_str(&std::fs::read_to_string(ORDER).expect("example")).expect("example JSON")
}

pub fn compact(v: &Value) -> String {
    serde_json::to_string(v).expect("serialize")
}

/// `check --format json` of `order` with extra flags.
pub fn check_json_with(order: &Value, flags: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(flags);
    let o = run(&args, Some(compact(order).as_bytes()));
    (code(&o), json(&o))
}

pub fn assert_usage_error(o: &Output) {
    assert_eq!(code(o), 2, "stderr: {}", stderr(o));
    let err = stderr(o);
    assert!(err.starts_with("mailinfra: "), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
}

pub const REGISTRANT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/registrant.json");
pub const MAILBOXES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mailboxes.csv");
