// The Unicode operations the wasm core imports from its host (browser or Node) instead
// of carrying tables for them: normalization (`String.prototype.normalize`), case
// mapping (`toLowerCase`, `toUpperCase`) and general category M (`/\p{M}/u`). The rules stay in Rust (the `unicode/` crate,
// docs/unicode-host.md), including the guard that makes any host answer as the
// core's Unicode version (15.0); this file only reaches the host's tables.

// A host older than that version cannot answer as it: U+1E4D0 (NAG MUNDARI LETTER O)
// is new in 15.0.
if (!/^\P{Cn}$/u.test('\u{1E4D0}')) {
  throw new Error('mailinfra needs a JavaScript engine whose Unicode data is version 15.0 or later (Node 20 and current browsers are)');
}

/** `s` in Unicode normalization form `form` ('NFC', 'NFKC' or 'NFKD'). */
export function normalize(s, form) {
  return s.normalize(form);
}

const MARK = /^\p{M}$/u;

/** Whether code point `cp` has general category M (Mn, Mc, Me). */
export function isMark(cp) {
  return MARK.test(String.fromCodePoint(cp));
}

/**
 * `s` case-mapped (root locale): `kind` 0 lower-case (`toLowerCase`, Final_Sigma
 * applied), 1 each character lower-cased on its own (Σ is σ everywhere), 2 upper-case.
 */
export function caseMap(s, kind) {
  if (kind === 0) return s.toLowerCase();
  if (kind === 2) return s.toUpperCase();
  let out = '';
  for (const c of s) out += c.toLowerCase();
  return out;
}
