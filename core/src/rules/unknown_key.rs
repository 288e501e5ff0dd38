//! # Any other member
//! **What**: a member the table does not name, at any level, is an issue naming the
//! field it most likely meant (same letters in another case, or within two edits).
//! **Why**: the server ignores or refuses unknown members; a misspelt field
//! (`zipCode`) means the real one is missing.
//! **Example**: `"redirectURL"` -> `unknown_field` suggesting `redirectUrl`.
//! **Fix safety**: `prepare` copies unknown members as they are: renaming one could
//! overwrite a field.
//! **Source**: the order contract's field table.

use crate::fields::{table, Level};
use crate::problem::Problem;
use crate::text::near_miss;

/// The issue of an unknown member `key` of an object at `level`.
pub fn problem(key: &str, level: Level) -> Problem {
    Problem::UnknownField {
        key: key.to_string(),
        nearest: near_miss(key, table(level).iter().map(|f| f.name)),
    }
}
