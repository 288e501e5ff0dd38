//! # domains[].mailboxes
//! **What**: a list of 1 to the provider's limit of mailboxes per domain (Google 5,
//! Microsoft and Azure 100: `esp.rs`), or `maxMailboxesPerDomain` when set.
//! **Why**: a domain is bought for its mailboxes; the provider provisions no more.
//! **Example**: `[]` -> `too_short`; 6 mailboxes on Google -> `too_many_mailboxes`.
//! **Fix safety**: nothing to fix: mailboxes are never dropped.
//! **Source**: the order contract's field table and the providers' limits.

use crate::limits::MAX_MAILBOXES_EXAMINED;
use crate::options::Options;
use crate::problem::Problem;
use crate::rules::esp::mailbox_limit;
use crate::rules::{Cx, Kind, ListRule};

pub const RULE: Kind = Kind::List(&Mailboxes);

pub struct Mailboxes;

impl ListRule for Mailboxes {
    fn examined(&self, _: &Options) -> usize {
        MAX_MAILBOXES_EXAMINED
    }

    fn check(&self, len: usize, min: usize, cx: &Cx, out: &mut Vec<Problem>) {
        if len < min {
            out.push(Problem::NoMailboxes);
        }
        let max = mailbox_limit(cx.opts, cx.order.esp);
        if len > max {
            out.push(Problem::TooManyMailboxes {
                esp: cx.order.esp,
                count: len,
                max,
            });
        }
    }
}
