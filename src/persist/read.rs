//! A small reader over parsed JSON that knows where it is: every value is
//! read with its path (`plan.activities[2].deadline`), so an error names the
//! field and the reason.
//!
//! Reading goes through this instead of derived `Deserialize` impls because
//! it gives better messages and a much smaller browser bundle (derived
//! visitors are generated per type; these functions exist once).

use std::str::FromStr;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::ImportError;

pub type Read<T> = Result<T, ImportError>;

fn fail<T>(path: &str, reason: impl Into<String>) -> Read<T> {
    Err(ImportError::Field {
        path: path.to_string(),
        reason: reason.into(),
    })
}

/// What a JSON value is, for messages: `the string "high"`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => {
            let shown: String = text.chars().take(40).collect();
            let more = if text.chars().count() > 40 { "…" } else { "" };
            format!("the text \"{shown}{more}\"")
        }
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// A JSON object being read, with the fields it may have.
pub struct Object<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Object<'a> {
    /// Reads `value` at `path` as an object whose fields are all in `allowed`.
    pub fn new(value: &'a Value, path: &str, allowed: &[&str]) -> Read<Object<'a>> {
        let Value::Object(map) = value else {
            return fail(
                path,
                format!("expected an object, found {}", describe(value)),
            );
        };
        if let Some(unknown) = map.keys().find(|key| !allowed.contains(&key.as_str())) {
            return fail(
                &format!("{path}.{unknown}"),
                format!("unknown field; expected one of: {}", allowed.join(", ")),
            );
        }
        Ok(Object {
            map,
            path: path.to_string(),
        })
    }

    fn path_of(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    /// A field that may be absent or null.
    fn optional(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|value| !value.is_null())
    }

    /// A field that must be there.
    fn required(&self, field: &str) -> Read<&'a Value> {
        match self.optional(field) {
            Some(value) => Ok(value),
            None => fail(&self.path_of(field), "missing: this field is required"),
        }
    }

    /// A nested object that must be there.
    pub fn object(&self, field: &str, allowed: &[&str]) -> Read<Object<'a>> {
        Object::new(self.required(field)?, &self.path_of(field), allowed)
    }

    /// A nested object that may be absent.
    pub fn optional_object(&self, field: &str, allowed: &[&str]) -> Read<Option<Object<'a>>> {
        self.optional(field)
            .map(|value| Object::new(value, &self.path_of(field), allowed))
            .transpose()
    }

    pub fn string(&self, field: &str) -> Read<String> {
        text(self.required(field)?, &self.path_of(field))
    }

    /// A text field that is empty when absent.
    pub fn string_or_empty(&self, field: &str) -> Read<String> {
        self.optional(field)
            .map_or(Ok(String::new()), |value| text(value, &self.path_of(field)))
    }

    pub fn number(&self, field: &str) -> Read<f64> {
        number(self.required(field)?, &self.path_of(field))
    }

    pub fn number_or(&self, field: &str, default: f64) -> Read<f64> {
        self.optional(field)
            .map_or(Ok(default), |value| number(value, &self.path_of(field)))
    }

    pub fn optional_number(&self, field: &str) -> Read<Option<f64>> {
        self.optional(field)
            .map(|value| number(value, &self.path_of(field)))
            .transpose()
    }

    /// A whole number from 0 to `max`.
    pub fn whole(&self, field: &str, max: u64) -> Read<u64> {
        let path = self.path_of(field);
        let value = self.required(field)?;
        match value.as_u64() {
            Some(number) if number <= max => Ok(number),
            _ => fail(
                &path,
                format!(
                    "expected a whole number from 0 to {max}, found {}",
                    describe(value)
                ),
            ),
        }
    }

    pub fn flag_or_false(&self, field: &str) -> Read<bool> {
        match self.optional(field) {
            None => Ok(false),
            Some(Value::Bool(flag)) => Ok(*flag),
            Some(other) => fail(
                &self.path_of(field),
                format!("expected true or false, found {}", describe(other)),
            ),
        }
    }

    pub fn date(&self, field: &str) -> Read<NaiveDate> {
        date(self.required(field)?, &self.path_of(field))
    }

    pub fn optional_date(&self, field: &str) -> Read<Option<NaiveDate>> {
        self.optional(field)
            .map(|value| date(value, &self.path_of(field)))
            .transpose()
    }

    /// A value written as text and parsed: an id, a week.
    pub fn parsed<T: FromStr>(&self, field: &str, expected: &str) -> Read<T>
    where
        T::Err: std::fmt::Display,
    {
        parsed(self.required(field)?, &self.path_of(field), expected)
    }

    pub fn optional_parsed<T: FromStr>(&self, field: &str, expected: &str) -> Read<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.optional(field)
            .map(|value| parsed(value, &self.path_of(field), expected))
            .transpose()
    }

    /// One of a fixed set of names.
    pub fn choice<T: Copy>(&self, field: &str, names: &[(&str, T)]) -> Read<T> {
        let path = self.path_of(field);
        let value = self.required(field)?;
        let found = value
            .as_str()
            .and_then(|name| names.iter().find(|(known, _)| *known == name));
        match found {
            Some((_, choice)) => Ok(*choice),
            None => {
                let known: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
                fail(
                    &path,
                    format!(
                        "expected one of {}, found {}",
                        known.join(", "),
                        describe(value)
                    ),
                )
            }
        }
    }

    /// A list, empty when absent, each item read by `item` with its path.
    pub fn list<T>(
        &self,
        field: &str,
        mut item: impl FnMut(&'a Value, &str) -> Read<T>,
    ) -> Read<Vec<T>> {
        let path = self.path_of(field);
        match self.optional(field) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => {
                let mut read = Vec::with_capacity(items.len());
                for (index, value) in items.iter().enumerate() {
                    read.push(item(value, &format!("{path}[{index}]"))?);
                }
                Ok(read)
            }
            Some(other) => fail(&path, format!("expected a list, found {}", describe(other))),
        }
    }
}

pub fn text(value: &Value, path: &str) -> Read<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => fail(path, format!("expected text, found {}", describe(other))),
    }
}

pub fn number(value: &Value, path: &str) -> Read<f64> {
    match value.as_f64() {
        Some(number) => Ok(number),
        None => fail(
            path,
            format!("expected a number, found {}", describe(value)),
        ),
    }
}

pub fn date(value: &Value, path: &str) -> Read<NaiveDate> {
    match value {
        Value::String(text) => match crate::model::parse_iso_date(text) {
            Some(date) => Ok(date),
            None => fail(
                path,
                format!("\"{text}\" is not a real date: use YYYY-MM-DD"),
            ),
        },
        other => fail(
            path,
            format!(
                "expected a date such as \"2026-11-23\", found {}",
                describe(other)
            ),
        ),
    }
}

pub fn parsed<T: FromStr>(value: &Value, path: &str, expected: &str) -> Read<T>
where
    T::Err: std::fmt::Display,
{
    match value {
        Value::String(text) => text
            .parse()
            .or_else(|error: T::Err| fail(path, error.to_string())),
        other => fail(
            path,
            format!("expected {expected}, found {}", describe(other)),
        ),
    }
}
