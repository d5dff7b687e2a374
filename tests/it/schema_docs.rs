//! The format reference stays true: the committed schema matches the types, the authoring
//! guide names every field, and every check file points editors at the schema.

use std::collections::BTreeSet;

use crate::support::{read, root};

#[test]
fn committed_schema_is_current() {
    let committed = read(&root().join("checks/schema.json"));
    let generated = docktutor::check::schema_json();
    assert!(
        committed == generated,
        "checks/schema.json is stale: run `cargo run -- schema > checks/schema.json`"
    );
}

/// Every property name of every object in the schema.
fn property_names(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            for (k, child) in map {
                if k != "properties" || child.is_object() {
                    property_names(child, out);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| property_names(i, out)),
        _ => {}
    }
}

#[test]
fn authoring_guide_documents_every_field_and_operator() {
    let schema: serde_json::Value =
        serde_json::from_str(&docktutor::check::schema_json()).expect("json");
    let mut names = BTreeSet::new();
    property_names(&schema, &mut names);
    assert!(names.len() > 60, "only {} names found: {names:?}", names.len());
    let guide = read(&root().join("docs/authoring.md"));
    let missing: Vec<_> = names.iter().filter(|n| !guide.contains(&format!("`{n}`"))).collect();
    assert!(missing.is_empty(), "docs/authoring.md does not mention: {missing:?}");
    for op in docktutor::check::OPERATORS {
        assert!(guide.contains(&format!("`{op}`")), "operator {op} undocumented");
    }
}

#[test]
fn every_check_file_references_the_schema() {
    for entry in std::fs::read_dir(root().join("checks")).expect("checks/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let first = read(&path).lines().next().unwrap_or_default().to_owned();
            assert_eq!(first, "# yaml-language-server: $schema=schema.json", "{}", path.display());
        }
    }
}
