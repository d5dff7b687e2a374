//! Matchers: how a check compares one observed value with what the author expects.
//!
//! In YAML a bare scalar means equality (`state: running`); a one-key map names an operator
//! (`count: {ge: 1}`, `name: {matches: "^web-"}`). Regexes are compiled while parsing, so a
//! bad one is reported with its file position instead of failing at check time.

use std::fmt;

use regex::Regex;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// A scalar value from a check file or from the daemon.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Int(i64),
    Bool(bool),
    Str(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Str(s) => write!(f, "{s:?}"),
        }
    }
}

impl Scalar {
    fn as_int(&self) -> Option<i64> {
        match self {
            Scalar::Int(i) => Some(*i),
            Scalar::Str(s) => s.trim().parse().ok(),
            Scalar::Bool(_) => None,
        }
    }

    /// The value as text, without quotes.
    pub fn plain(&self) -> String {
        match self {
            Scalar::Str(s) => s.clone(),
            other => other.to_string(),
        }
    }

    /// Equality that lets `"3"` equal `3`: authors should not have to think about YAML typing.
    fn loosely_equals(&self, other: &Scalar) -> bool {
        match (self.as_int(), other.as_int()) {
            (Some(a), Some(b)) => a == b,
            _ => self.plain() == other.plain(),
        }
    }
}

/// The comparison an author asked for.
#[derive(Debug, Clone)]
pub enum Matcher {
    /// Equal (a bare scalar, or `eq:`).
    Eq(Scalar),
    /// Not equal.
    Ne(Scalar),
    /// Greater than (numbers).
    Gt(i64),
    /// Greater than or equal (numbers).
    Ge(i64),
    /// Less than (numbers).
    Lt(i64),
    /// Less than or equal (numbers).
    Le(i64),
    /// Equal to one of the listed values.
    In(Vec<Scalar>),
    /// Matches a regular expression (searched anywhere in the text; anchor with `^…$`).
    Matches(Regex),
    /// Contains the text.
    Contains(String),
    /// Starts with the text.
    Prefix(String),
    /// Ends with the text.
    Suffix(String),
}

/// Operator names accepted in a matcher map, for error messages.
pub const OPERATORS: &[&str] =
    &["eq", "ne", "gt", "ge", "lt", "le", "in", "matches", "contains", "prefix", "suffix"];

impl Matcher {
    /// Does `value` satisfy this matcher? A missing value satisfies only `ne`.
    pub fn matches(&self, value: Option<&Scalar>) -> bool {
        let Some(v) = value else {
            return matches!(self, Matcher::Ne(_));
        };
        let int = v.as_int();
        match self {
            Matcher::Eq(e) => v.loosely_equals(e),
            Matcher::Ne(e) => !v.loosely_equals(e),
            Matcher::Gt(n) => int.is_some_and(|i| i > *n),
            Matcher::Ge(n) => int.is_some_and(|i| i >= *n),
            Matcher::Lt(n) => int.is_some_and(|i| i < *n),
            Matcher::Le(n) => int.is_some_and(|i| i <= *n),
            Matcher::In(list) => list.iter().any(|e| v.loosely_equals(e)),
            Matcher::Matches(re) => re.is_match(&v.plain()),
            Matcher::Contains(s) => v.plain().contains(s.as_str()),
            Matcher::Prefix(s) => v.plain().starts_with(s.as_str()),
            Matcher::Suffix(s) => v.plain().ends_with(s.as_str()),
        }
    }

    /// Convenience for counts.
    pub fn matches_int(&self, n: usize) -> bool {
        self.matches(Some(&Scalar::Int(i64::try_from(n).unwrap_or(i64::MAX))))
    }

    /// What was expected, in words: "0", "at least 1", "one of running, paused".
    pub fn describe(&self) -> String {
        match self {
            Matcher::Eq(e) => e.plain(),
            Matcher::Ne(e) => format!("anything but {}", e.plain()),
            Matcher::Gt(n) => format!("more than {n}"),
            Matcher::Ge(n) => format!("at least {n}"),
            Matcher::Lt(n) => format!("fewer than {n}"),
            Matcher::Le(n) => format!("at most {n}"),
            Matcher::In(l) => {
                let items: Vec<String> = l.iter().map(Scalar::plain).collect();
                format!("one of {}", items.join(", "))
            }
            Matcher::Matches(re) => format!("text matching /{}/", re.as_str()),
            Matcher::Contains(s) => format!("text containing {s:?}"),
            Matcher::Prefix(s) => format!("text starting with {s:?}"),
            Matcher::Suffix(s) => format!("text ending with {s:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a boolean or a string")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        i64::try_from(v).map(Scalar::Int).map_err(|_| E::custom("number too large"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Matcher {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MatcherVisitor)
    }
}

struct MatcherVisitor;

impl MatcherVisitor {
    fn scalar<E: de::Error>(s: Scalar) -> Result<Matcher, E> {
        Ok(Matcher::Eq(s))
    }
}

impl<'de> Visitor<'de> for MatcherVisitor {
    type Value = Matcher;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value, or a map with one operator such as `ge: 1` or `matches: \"^web\"`")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Matcher, E> {
        Self::scalar(ScalarVisitor.visit_bool(v)?)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Matcher, E> {
        Self::scalar(ScalarVisitor.visit_i64(v)?)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Matcher, E> {
        Self::scalar(ScalarVisitor.visit_u64(v)?)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Matcher, E> {
        Self::scalar(ScalarVisitor.visit_f64(v)?)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Matcher, E> {
        Self::scalar(ScalarVisitor.visit_str(v)?)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<Matcher, A::Error> {
        Err(de::Error::custom(
            "a list is not a matcher; to accept several values write `in: [a, b]`",
        ))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Matcher, A::Error> {
        let Some(op) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "an empty map asserts nothing; write an operator such as `eq: 0`",
            ));
        };
        let matcher = match op.as_str() {
            "eq" => Matcher::Eq(map.next_value()?),
            "ne" => Matcher::Ne(map.next_value()?),
            "gt" => Matcher::Gt(map.next_value()?),
            "ge" => Matcher::Ge(map.next_value()?),
            "lt" => Matcher::Lt(map.next_value()?),
            "le" => Matcher::Le(map.next_value()?),
            "in" => {
                let list: Vec<Scalar> = map.next_value()?;
                if list.is_empty() {
                    return Err(de::Error::custom(
                        "`in: []` can never match; list the accepted values",
                    ));
                }
                Matcher::In(list)
            }
            "matches" => {
                let pattern: String = map.next_value()?;
                let re = Regex::new(&pattern)
                    .map_err(|e| de::Error::custom(format!("bad regular expression: {e}")))?;
                Matcher::Matches(re)
            }
            "contains" => Matcher::Contains(map.next_value()?),
            "prefix" => Matcher::Prefix(map.next_value()?),
            "suffix" => Matcher::Suffix(map.next_value()?),
            other => return Err(de::Error::unknown_field(other, OPERATORS)),
        };
        if let Some(extra) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "a matcher takes exactly one operator, found `{op}` and `{extra}`; combine them with `all:`"
            )));
        }
        Ok(matcher)
    }
}

/// A regular expression given as a plain string (`matches: "tick [0-9]+"`), compiled while
/// parsing so a bad one is reported with its position.
#[derive(Debug, Clone)]
pub struct Pattern(pub Regex);

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Regex::new(&text)
            .map(Pattern)
            .map_err(|e| de::Error::custom(format!("bad regular expression: {e}")))
    }
}
