//! # domains
//! **What**: a list of 1 to `maxDomains` (default 500) domain entries; entries past
//! the limit are neither checked nor normalized.
//! **Why**: an order buys at least one domain; the limit bounds the work a hostile
//! order costs.
//! **Example**: `[]` -> `too_short`; 501 entries -> `too_many_items`.
//! **Fix safety**: nothing to fix: the list is never shortened or filled.
//! **Source**: the order contract's field table and options.

use crate::options::Options;
use crate::problem::Problem;
use crate::rules::{Cx, Kind, ListRule};

pub const RULE: Kind = Kind::List(&Domains);

pub struct Domains;

impl ListRule for Domains {
    fn examined(&self, opts: &Options) -> usize {
        opts.max_domains
    }

    fn check(&self, len: usize, min: usize, cx: &Cx, out: &mut Vec<Problem>) {
        if len < min {
            out.push(Problem::NoDomains);
        }
        if len > cx.opts.max_domains {
            out.push(Problem::TooManyDomains {
                count: len,
                max: cx.opts.max_domains,
            });
        }
    }
}
