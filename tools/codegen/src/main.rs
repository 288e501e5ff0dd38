fn main() {
    let mut g = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    g.subschema_for::<mailinfra::Report>();
    g.subschema_for::<mailinfra::BuildReport>();
    g.subschema_for::<mailinfra::AddressFormat>();
    g.subschema_for::<mailinfra::DataVersions>();
    g.subschema_for::<mailinfra::Suggestions>();
    println!(
        "{}",
        serde_json::to_string_pretty(&g.definitions()).unwrap()
    );
    let mut g = schemars::generate::SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    g.subschema_for::<mailinfra::Options>();
    println!(
        "{}",
        serde_json::to_string_pretty(&g.definitions()).unwrap()
    );
}
