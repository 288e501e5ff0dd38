//! What the unit tests share: the conformance vectors' files, read with errors returned
//! (a test returning `TestResult` fails on them) rather than panics in `core/src`.

use serde_json::Value;

/// What a test's `?` fails it with: a missing file, a malformed vector.
pub type Error = Box<dyn std::error::Error>;

/// A test's result.
pub type TestResult = Result<(), Error>;

/// The text of every vector file in `tests/vectors`, and its parsed `vectors` list.
pub fn vector_files() -> Result<Vec<(String, Vec<Value>)>, Error> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path)?;
            let file: Value = serde_json::from_str(&text)?;
            let cases = file["vectors"]
                .as_array()
                .cloned()
                .ok_or_else(|| format!("{}: no vectors", path.display()))?;
            files.push((text, cases));
        }
    }
    Ok(files)
}
