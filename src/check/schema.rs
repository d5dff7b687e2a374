//! JSON Schema for the types that deserialize by hand (matchers and scalars); the rest derive
//! it. `docktutor schema` prints the whole schema, committed as `checks/schema.json`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::matcher::{Matcher, Pattern, Scalar};
use super::spec::ChecksFile;

impl JsonSchema for Scalar {
    fn schema_name() -> Cow<'static, str> {
        "Scalar".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number, a boolean or a string.",
            "type": ["string", "integer", "number", "boolean"]
        })
    }
}

impl JsonSchema for Pattern {
    fn schema_name() -> Cow<'static, str> {
        "Pattern".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "description": "A regular expression, searched anywhere in the text.", "type": "string" })
    }
}

impl JsonSchema for Matcher {
    fn schema_name() -> Cow<'static, str> {
        "Matcher".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let scalar = json_schema!({ "type": ["string", "integer", "number", "boolean"] });
        let number = json_schema!({ "type": "integer" });
        let text = json_schema!({ "type": "string" });
        json_schema!({
            "description": "A bare value means equality; otherwise a map with exactly one operator.",
            "anyOf": [
                scalar,
                {
                    "type": "object",
                    "minProperties": 1,
                    "maxProperties": 1,
                    "additionalProperties": false,
                    "properties": {
                        "eq": { "description": "Equal.", "type": ["string", "integer", "number", "boolean"] },
                        "ne": { "description": "Not equal.", "type": ["string", "integer", "number", "boolean"] },
                        "gt": number, "ge": number, "lt": number, "le": number,
                        "in": { "description": "One of these values.", "type": "array", "minItems": 1 },
                        "matches": { "description": "Regular expression, searched.", "type": "string" },
                        "contains": text, "prefix": text, "suffix": text
                    }
                }
            ]
        })
    }
}

/// The JSON Schema of a check file, pretty-printed.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(ChecksFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
