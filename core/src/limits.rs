//! Hard safety limits, identical on every surface, so hostile input costs bounded work.

/// Deepest nesting accepted anywhere in an input (the order itself needs 5 levels).
pub const MAX_DEPTH: usize = 64;

/// Strings longer than this (in bytes) are reported `too_long` without being examined
/// further: no field allows more than 255 characters, so nothing valid is refused.
pub const MAX_STRING_BYTES: usize = 4096;

/// At most this many mailboxes of one domain are examined; the ESP limit is far lower,
/// so such a domain already has a `too_many_mailboxes` error.
pub const MAX_MAILBOXES_EXAMINED: usize = 1000;

/// Most bytes a binding reads of an options object (six small members: a list of every
/// TLD IANA knows still fits), so hostile options cost bounded work.
pub const MAX_OPTIONS_BYTES: usize = 64 * 1024;
