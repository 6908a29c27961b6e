//! A small reader over parsed JSON that knows where it is: every value is
//! read with its path (`plan.activities[2].deadline`), so an error names the
//! field and the reason.
//!
//! Reading goes through this instead of derived `Deserialize` impls because
//! it gives better messages and a much smaller browser bundle (derived
//! visitors are generated per type; these functions exist once). Paths are
//! only written out when something is wrong, so a good file reads fast.

use std::str::FromStr;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::ImportError;

pub type Read<T> = Result<T, ImportError>;

/// Text from a file is quoted in messages up to this many characters, so a
/// hostile file's megabyte of text never becomes a megabyte of message.
const SHOWN_CHARS: usize = 40;

/// `text` as a message quotes it: whole when short, else its start and "…".
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

/// What a JSON value is, for messages: `the text "high"`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => format!("the text \"{}\"", shown(text)),
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
            return Err(ImportError::Field {
                path: path.to_string(),
                reason: format!("expected an object, found {}", describe(value)),
            });
        };
        if let Some(unknown) = map.keys().find(|key| !allowed.contains(&key.as_str())) {
            return Err(ImportError::Field {
                path: format!("{path}.{}", shown(unknown)),
                reason: format!("unknown field; expected one of: {}", allowed.join(", ")),
            });
        }
        Ok(Object {
            map,
            path: path.to_string(),
        })
    }

    fn path_of(&self, field: &str) -> String {
        format!("{}.{field}", self.path)
    }

    /// Gives a field's problem its path.
    fn at<T>(&self, field: &str, result: Result<T, String>) -> Read<T> {
        result.map_err(|reason| ImportError::Field {
            path: self.path_of(field),
            reason,
        })
    }

    /// A field that may be absent or null.
    fn optional(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|value| !value.is_null())
    }

    /// A field that must be there.
    fn required(&self, field: &str) -> Read<&'a Value> {
        let value = self
            .optional(field)
            .ok_or_else(|| "missing: this field is required".to_string());
        self.at(field, value)
    }

    /// Reads a field that must be there with `convert`.
    fn read<T>(&self, field: &str, convert: impl Fn(&Value) -> Result<T, String>) -> Read<T> {
        let value = self.required(field)?;
        self.at(field, convert(value))
    }

    /// Reads a field that may be absent with `convert`.
    fn read_optional<T>(
        &self,
        field: &str,
        convert: impl Fn(&Value) -> Result<T, String>,
    ) -> Read<Option<T>> {
        match self.optional(field) {
            None => Ok(None),
            Some(value) => self.at(field, convert(value)).map(Some),
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
        self.read(field, text)
    }

    /// A text field that is empty when absent.
    pub fn string_or_empty(&self, field: &str) -> Read<String> {
        Ok(self.read_optional(field, text)?.unwrap_or_default())
    }

    pub fn number(&self, field: &str) -> Read<f64> {
        self.read(field, number)
    }

    pub fn number_or(&self, field: &str, default: f64) -> Read<f64> {
        Ok(self.read_optional(field, number)?.unwrap_or(default))
    }

    pub fn optional_number(&self, field: &str) -> Read<Option<f64>> {
        self.read_optional(field, number)
    }

    /// A whole number from 0 to `max`.
    pub fn whole(&self, field: &str, max: u64) -> Read<u64> {
        self.read(field, |value| match value.as_u64() {
            Some(number) if number <= max => Ok(number),
            _ => Err(format!(
                "expected a whole number from 0 to {max}, found {}",
                describe(value)
            )),
        })
    }

    /// A whole number from 0 to `max` that may be absent.
    pub fn optional_whole(&self, field: &str, max: u64) -> Read<Option<u64>> {
        self.read_optional(field, |value| match value.as_u64() {
            Some(number) if number <= max => Ok(number),
            _ => Err(format!(
                "expected a whole number from 0 to {max}, found {}",
                describe(value)
            )),
        })
    }

    pub fn flag_or_false(&self, field: &str) -> Read<bool> {
        let flag = self.read_optional(field, |value| match value {
            Value::Bool(flag) => Ok(*flag),
            other => Err(format!("expected true or false, found {}", describe(other))),
        })?;
        Ok(flag.unwrap_or(false))
    }

    pub fn date(&self, field: &str) -> Read<NaiveDate> {
        self.read(field, date)
    }

    pub fn optional_date(&self, field: &str) -> Read<Option<NaiveDate>> {
        self.read_optional(field, date)
    }

    /// A value written as text and parsed: an id, a week.
    pub fn parsed<T: FromStr>(&self, field: &str, expected: &str) -> Read<T>
    where
        T::Err: std::fmt::Display,
    {
        self.read(field, |value| parsed(value, expected))
    }

    pub fn optional_parsed<T: FromStr>(&self, field: &str, expected: &str) -> Read<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.read_optional(field, |value| parsed(value, expected))
    }

    /// One of a fixed set of names.
    pub fn choice<T: Copy>(&self, field: &str, names: &[(&str, T)]) -> Read<T> {
        self.read(field, |value| {
            value
                .as_str()
                .and_then(|name| names.iter().find(|(known, _)| *known == name))
                .map(|(_, choice)| *choice)
                .ok_or_else(|| {
                    let known: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
                    format!(
                        "expected one of {}, found {}",
                        known.join(", "),
                        describe(value)
                    )
                })
        })
    }

    /// A list, empty when absent, each item read by `item` with its path.
    pub fn list<T>(
        &self,
        field: &str,
        mut item: impl FnMut(&'a Value, &str) -> Read<T>,
    ) -> Read<Vec<T>> {
        let items = match self.optional(field) {
            None => return Ok(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                return self.at(
                    field,
                    Err(format!("expected a list, found {}", describe(other))),
                )
            }
        };
        let path = self.path_of(field);
        let mut read = Vec::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            read.push(item(value, &format!("{path}[{index}]"))?);
        }
        Ok(read)
    }
}

/// Gives a list item's problem its path.
pub fn item_at<T>(path: &str, result: Result<T, String>) -> Read<T> {
    result.map_err(|reason| ImportError::Field {
        path: path.to_string(),
        reason,
    })
}

pub fn text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(format!("expected text, found {}", describe(other))),
    }
}

pub fn number(value: &Value) -> Result<f64, String> {
    value
        .as_f64()
        .ok_or_else(|| format!("expected a number, found {}", describe(value)))
}

pub fn date(value: &Value) -> Result<NaiveDate, String> {
    match value {
        Value::String(text) => crate::model::parse_iso_date(text)
            .ok_or_else(|| format!("\"{}\" is not a real date: use YYYY-MM-DD", shown(text))),
        other => Err(format!(
            "expected a date such as \"2026-11-23\", found {}",
            describe(other)
        )),
    }
}

pub fn parsed<T: FromStr>(value: &Value, expected: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    match value {
        // The parser's own message names the text whole: only short ones.
        Value::String(text) if text.chars().count() > SHOWN_CHARS => text
            .parse()
            .map_err(|_| format!("expected {expected}, found {}", describe(value))),
        Value::String(text) => text.parse().map_err(|error: T::Err| error.to_string()),
        other => Err(format!("expected {expected}, found {}", describe(other))),
    }
}
