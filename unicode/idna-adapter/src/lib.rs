// Copyright The rust-url developers.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! The Unicode back end of the [`idna`][1] crate for mailinfra: idna_adapter 1.1's
//! unicode-rs back end (this file is its `lib.rs`, altered where marked) with NFC,
//! general category M and the virama class taken from `mailinfra-unicode`, so the
//! domain rules see the same Unicode version as the rest of the core on every back
//! end, and a wasm build with the host back end carries no normalization tables.
//! UTS #46's mapping, Bidi_Class and Joining_Type (16.0) also come from
//! `mailinfra-unicode` (`uts46`: the tables of idna_mapping 1.1.0, unicode-bidi and
//! unicode-joining-type as data packs by code-point range, which the npm form module
//! fetches for a non-ASCII domain's ranges); only their enums are used from those crates.
//!
//! A code point unassigned in `mailinfra_unicode::VERSION` is disallowed, as UTS #46
//! of that version says: the mapping step turns it into U+FFFD, which `idna` reports
//! as an error.
//!
//! [1]: https://docs.rs/crate/idna/latest

#![forbid(unsafe_code)]

use unicode_joining_type::JoiningType as Jt;

/// Turns a joining type into a mask for comparing with multiple types at once.
const fn joining_type_to_mask(jt: Jt) -> u32 {
    1u32 << (jt as u32)
}

/// Mask for checking for both left and dual joining.
pub const LEFT_OR_DUAL_JOINING_MASK: JoiningTypeMask =
    JoiningTypeMask(joining_type_to_mask(Jt::LeftJoining) | joining_type_to_mask(Jt::DualJoining));

/// Mask for checking for both right and dual joining.
pub const RIGHT_OR_DUAL_JOINING_MASK: JoiningTypeMask =
    JoiningTypeMask(joining_type_to_mask(Jt::RightJoining) | joining_type_to_mask(Jt::DualJoining));

/// Turns a bidi class into a mask for comparing with multiple classes at once.
const fn bidi_class_to_mask(bc: unicode_bidi::BidiClass) -> u32 {
    1u32 << (bc as u32)
}

/// Mask for checking if the domain is a bidi domain.
pub const RTL_MASK: BidiClassMask = BidiClassMask(
    bidi_class_to_mask(unicode_bidi::BidiClass::R)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AL)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AN),
);

/// Mask for allowable bidi classes in the first character of a label
/// (either LTR or RTL) in a bidi domain.
pub const FIRST_BC_MASK: BidiClassMask = BidiClassMask(
    bidi_class_to_mask(unicode_bidi::BidiClass::L)
        | bidi_class_to_mask(unicode_bidi::BidiClass::R)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AL),
);

// Mask for allowable bidi classes of the last (non-Non-Spacing Mark)
// character in an LTR label in a bidi domain.
pub const LAST_LTR_MASK: BidiClassMask = BidiClassMask(
    bidi_class_to_mask(unicode_bidi::BidiClass::L)
        | bidi_class_to_mask(unicode_bidi::BidiClass::EN),
);

// Mask for allowable bidi classes of the last (non-Non-Spacing Mark)
// character in an RTL label in a bidi domain.
pub const LAST_RTL_MASK: BidiClassMask = BidiClassMask(
    bidi_class_to_mask(unicode_bidi::BidiClass::R)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AL)
        | bidi_class_to_mask(unicode_bidi::BidiClass::EN)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AN),
);

// Mask for allowable bidi classes of the middle characters in an LTR label in a bidi domain.
pub const MIDDLE_LTR_MASK: BidiClassMask = BidiClassMask(
    bidi_class_to_mask(unicode_bidi::BidiClass::L)
        | bidi_class_to_mask(unicode_bidi::BidiClass::EN)
        | bidi_class_to_mask(unicode_bidi::BidiClass::ES)
        | bidi_class_to_mask(unicode_bidi::BidiClass::CS)
        | bidi_class_to_mask(unicode_bidi::BidiClass::ET)
        | bidi_class_to_mask(unicode_bidi::BidiClass::ON)
        | bidi_class_to_mask(unicode_bidi::BidiClass::BN)
        | bidi_class_to_mask(unicode_bidi::BidiClass::NSM),
);

// Mask for allowable bidi classes of the middle characters in an RTL label in a bidi domain.
pub const MIDDLE_RTL_MASK: BidiClassMask = BidiClassMask(
    bidi_class_to_mask(unicode_bidi::BidiClass::R)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AL)
        | bidi_class_to_mask(unicode_bidi::BidiClass::AN)
        | bidi_class_to_mask(unicode_bidi::BidiClass::EN)
        | bidi_class_to_mask(unicode_bidi::BidiClass::ES)
        | bidi_class_to_mask(unicode_bidi::BidiClass::CS)
        | bidi_class_to_mask(unicode_bidi::BidiClass::ET)
        | bidi_class_to_mask(unicode_bidi::BidiClass::ON)
        | bidi_class_to_mask(unicode_bidi::BidiClass::BN)
        | bidi_class_to_mask(unicode_bidi::BidiClass::NSM),
);

/// Value for the Joining_Type Unicode property.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct JoiningType(Jt);

impl JoiningType {
    /// Returns the corresponding `JoiningTypeMask`.
    #[inline(always)]
    pub fn to_mask(self) -> JoiningTypeMask {
        JoiningTypeMask(joining_type_to_mask(self.0))
    }

    // `true` iff this value is the Transparent value.
    #[inline(always)]
    pub fn is_transparent(self) -> bool {
        self.0 == Jt::Transparent
    }

    /// (mailinfra) From `mailinfra_unicode::uts46`'s short name.
    fn from_name(name: &str) -> Self {
        Self(match name {
            "C" => Jt::JoinCausing,
            "D" => Jt::DualJoining,
            "L" => Jt::LeftJoining,
            "R" => Jt::RightJoining,
            "T" => Jt::Transparent,
            _ => Jt::NonJoining,
        })
    }
}

/// A mask representing potentially multiple `JoiningType`
/// values.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct JoiningTypeMask(u32);

impl JoiningTypeMask {
    /// `true` iff both masks have at `JoiningType` in common.
    #[inline(always)]
    pub fn intersects(self, other: JoiningTypeMask) -> bool {
        self.0 & other.0 != 0
    }
}

/// Value for the Bidi_Class Unicode property.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct BidiClass(unicode_bidi::BidiClass);

impl BidiClass {
    /// (mailinfra) From `mailinfra_unicode::uts46`'s name, which is unicode-bidi's.
    fn from_name(name: &str) -> Self {
        use unicode_bidi::BidiClass::*;
        Self(match name {
            "AL" => AL,
            "AN" => AN,
            "B" => B,
            "BN" => BN,
            "CS" => CS,
            "EN" => EN,
            "ES" => ES,
            "ET" => ET,
            "FSI" => FSI,
            "LRE" => LRE,
            "LRI" => LRI,
            "LRO" => LRO,
            "NSM" => NSM,
            "ON" => ON,
            "PDF" => PDF,
            "PDI" => PDI,
            "R" => R,
            "RLE" => RLE,
            "RLI" => RLI,
            "RLO" => RLO,
            "S" => S,
            "WS" => WS,
            _ => L,
        })
    }

    /// Returns the corresponding `BidiClassMask`.
    #[inline(always)]
    pub fn to_mask(self) -> BidiClassMask {
        BidiClassMask(bidi_class_to_mask(self.0))
    }

    /// `true` iff this value is Left_To_Right
    #[inline(always)]
    pub fn is_ltr(self) -> bool {
        self.0 == unicode_bidi::BidiClass::L
    }

    /// `true` iff this value is Nonspacing_Mark
    #[inline(always)]
    pub fn is_nonspacing_mark(self) -> bool {
        self.0 == unicode_bidi::BidiClass::NSM
    }

    /// `true` iff this value is European_Number
    #[inline(always)]
    pub fn is_european_number(self) -> bool {
        self.0 == unicode_bidi::BidiClass::EN
    }

    /// `true` iff this value is Arabic_Number
    #[inline(always)]
    pub fn is_arabic_number(self) -> bool {
        self.0 == unicode_bidi::BidiClass::AN
    }
}

/// A mask representing potentially multiple `BidiClass`
/// values.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct BidiClassMask(u32);

impl BidiClassMask {
    /// `true` iff both masks have at `BidiClass` in common.
    #[inline(always)]
    pub fn intersects(self, other: BidiClassMask) -> bool {
        self.0 & other.0 != 0
    }
}

/// An adapter between a Unicode back end an the `idna` crate.
#[non_exhaustive]
pub struct Adapter {}

#[cfg(feature = "compiled_data")]
impl Default for Adapter {
    fn default() -> Self {
        Self::new()
    }
}

impl Adapter {
    /// Constructor using data compiled into the binary.
    #[cfg(feature = "compiled_data")]
    #[inline(always)]
    pub const fn new() -> Self {
        Self {}
    }

    /// `true` iff the Canonical_Combining_Class of `c` is Virama.
    #[inline(always)]
    pub fn is_virama(&self, c: char) -> bool {
        mailinfra_unicode::is_virama(c)
    }

    /// `true` iff the General_Category of `c` is Mark, i.e. any of Nonspacing_Mark,
    /// Spacing_Mark, or Enclosing_Mark.
    #[inline(always)]
    pub fn is_mark(&self, c: char) -> bool {
        mailinfra_unicode::is_mark(c)
    }

    /// Returns the Bidi_Class of `c`.
    #[inline(always)]
    pub fn bidi_class(&self, c: char) -> BidiClass {
        BidiClass::from_name(mailinfra_unicode::uts46::bidi_class(c))
    }

    /// Returns the Joining_Type of `c`.
    #[inline(always)]
    pub fn joining_type(&self, c: char) -> JoiningType {
        JoiningType::from_name(mailinfra_unicode::uts46::joining_type(c))
    }

    /// See the [method of the same name in `icu_normalizer`][1] for the
    /// exact semantics.
    ///
    /// [1]: https://docs.rs/icu_normalizer/latest/icu_normalizer/uts46/struct.Uts46Mapper.html#method.map_normalize
    #[inline(always)]
    pub fn map_normalize<'delegate, I: Iterator<Item = char> + 'delegate>(
        &'delegate self,
        iter: I,
    ) -> impl Iterator<Item = char> + 'delegate {
        guarded_nfc(mailinfra_unicode::uts46::Mapper::new(iter, false))
    }

    /// See the [method of the same name in `icu_normalizer`][1] for the
    /// exact semantics.
    ///
    /// [1]: https://docs.rs/icu_normalizer/latest/icu_normalizer/uts46/struct.Uts46Mapper.html#method.normalize_validate
    #[inline(always)]
    pub fn normalize_validate<'delegate, I: Iterator<Item = char> + 'delegate>(
        &'delegate self,
        iter: I,
    ) -> impl Iterator<Item = char> + 'delegate {
        guarded_nfc(mailinfra_unicode::uts46::Mapper::new(iter, true))
    }
}

/// (mailinfra) The NFC of the mapped characters, each unassigned one replaced by
/// U+FFFD (disallowed) first.
fn guarded_nfc(mapped: impl Iterator<Item = char>) -> std::vec::IntoIter<char> {
    let text: String = mapped
        .map(|c| {
            if mailinfra_unicode::is_assigned(c) {
                c
            } else {
                '\u{FFFD}'
            }
        })
        .collect();
    let chars: Vec<char> = mailinfra_unicode::nfc(&text).chars().collect();
    chars.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name `mailinfra_unicode::uts46` answers is read as the value it names.
    #[test]
    fn names_are_read_as_the_values_they_name() {
        for name in mailinfra_unicode::uts46::BIDI_CLASSES {
            assert_eq!(format!("{:?}", BidiClass::from_name(name).0), name);
        }
        let long = [
            "JoinCausing",
            "DualJoining",
            "LeftJoining",
            "RightJoining",
            "Transparent",
            "NonJoining",
        ];
        for (name, long) in mailinfra_unicode::uts46::JOINING_TYPES.iter().zip(long) {
            assert_eq!(format!("{:?}", JoiningType::from_name(name).0), long);
        }
    }
}
