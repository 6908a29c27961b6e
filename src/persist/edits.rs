//! Who wrote a plan file, when, and what they changed: the file's `edits`,
//! newest first. A plan kept in a shared file is written by several
//! planners; each write adds an entry, so merge messages and the recent
//! changes name people.
//!
//! The entries belong to the file, not to the plan: they are not part of
//! its content (its revision), of undo, or of a comparison. Apps that do not
//! know them ignore them, so they needed no new file version.

use serde::Serialize;
use serde_json::Value;

use super::{read, ImportError};
use crate::model::sort_by_number;

/// One write of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Edit {
    /// The planner's name, as they gave it in their browser.
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(length(min = 1, max = 80))
    )]
    pub by: String,
    /// When, in UTC: `2026-12-07T14:05:09Z`.
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"))
    )]
    pub at: String,
    /// What changed, in a few words: "Moved 'Intake form' to In progress".
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(length(max = 200)))]
    pub what: String,
}

/// How many entries a file keeps.
pub const MAX_EDITS: usize = 20;
/// The longest name kept.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest summary kept; longer ones are cut with "…".
pub const MAX_WHAT_CHARS: usize = 200;

impl Edit {
    /// An entry with the name and summary trimmed and cut to their limits.
    pub fn new(by: &str, at: &str, what: &str) -> Edit {
        Edit {
            by: cut(by.trim(), MAX_NAME_CHARS),
            at: at.to_string(),
            what: cut(what.trim(), MAX_WHAT_CHARS),
        }
    }
}

fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(limit - 1).collect();
    kept.push('…');
    kept
}

/// `edits` with `edit` first, at most [`MAX_EDITS`].
pub fn with_edit(edits: &[Edit], edit: Edit) -> Vec<Edit> {
    std::iter::once(edit)
        .chain(edits.iter().cloned())
        .take(MAX_EDITS)
        .collect()
}

/// Both files' entries, each once, newest first, at most [`MAX_EDITS`]: what
/// a merged file keeps.
pub fn merged(ours: &[Edit], theirs: &[Edit]) -> Vec<Edit> {
    let mut all: Vec<Edit> = Vec::with_capacity(ours.len() + theirs.len());
    for edit in ours.iter().chain(theirs) {
        if !all.contains(edit) {
            all.push(edit.clone());
        }
    }
    // Newest first; the app's one sort, so the bundle carries no other.
    sort_by_number(&mut all, |edit| u64::MAX - time_key(&edit.at));
    all.truncate(MAX_EDITS);
    all
}

/// `2026-12-07T14:05:09Z` as the number 20261207140509, which orders as
/// the time does (an unreadable text reads 0, the oldest).
fn time_key(at: &str) -> u64 {
    at.bytes()
        .filter(u8::is_ascii_digit)
        .take(14)
        .fold(0, |key, digit| key * 10 + u64::from(digit - b'0'))
}

/// The entries in `theirs` that `ours` does not have, newest first: who
/// wrote the changes a merge brings in.
pub fn new_in<'a>(ours: &[Edit], theirs: &'a [Edit]) -> Vec<&'a Edit> {
    theirs.iter().filter(|edit| !ours.contains(edit)).collect()
}

/// The names in `edits`, each once, in order: "Dana" or "Dana and Sam" or
/// "Dana, Sam and Lee".
pub fn names(edits: &[&Edit]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for edit in edits {
        if !names.contains(&edit.by.as_str()) {
            names.push(&edit.by);
        }
    }
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Reads the envelope's `edits`, naming the entry and field of a fault.
pub(super) fn read_edits(value: Option<&Value>) -> Result<Vec<Edit>, ImportError> {
    let field = |path: String, reason: &str| ImportError::Field {
        path,
        reason: reason.to_string(),
    };
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(field("edits".to_string(), "must be a list of writes")),
    };
    if items.len() > MAX_EDITS {
        return Err(field(
            "edits".to_string(),
            &format!("lists {} writes; at most {MAX_EDITS} are kept", items.len()),
        ));
    }
    let mut edits = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Value::Object(entry) = item else {
            return Err(field(
                format!("edits[{index}]"),
                "must be an object with by, at and what",
            ));
        };
        if let Some(unknown) = entry
            .keys()
            .find(|key| !["by", "at", "what"].contains(&key.as_str()))
        {
            return Err(field(
                format!("edits[{index}].{}", read::shown(unknown)),
                "unknown field",
            ));
        }
        let text = |name: &str, limit: usize| match entry.get(name) {
            Some(Value::String(text)) if text.chars().count() <= limit => Ok(text.clone()),
            _ => Err(field(
                format!("edits[{index}].{name}"),
                &format!("must be text of at most {limit} characters"),
            )),
        };
        let by = text("by", MAX_NAME_CHARS)?;
        if by.trim().is_empty() {
            return Err(field(format!("edits[{index}].by"), "must name someone"));
        }
        let at = text("at", 20)?;
        if !is_utc_second(&at) {
            return Err(field(
                format!("edits[{index}].at"),
                "must be a UTC time like 2026-12-07T14:05:09Z",
            ));
        }
        let what = match entry.get("what") {
            None | Some(Value::Null) => String::new(),
            Some(_) => text("what", MAX_WHAT_CHARS)?,
        };
        edits.push(Edit { by, at, what });
    }
    Ok(edits)
}

/// `2026-12-07T14:05:09Z`: a real UTC date and time to the second.
fn is_utc_second(text: &str) -> bool {
    text.len() == 20 && chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn edit(by: &str, at: &str) -> Edit {
        Edit::new(by, at, "a change")
    }

    #[test]
    fn a_new_edit_goes_first_and_the_oldest_fall_off() {
        let many: Vec<Edit> = (0..MAX_EDITS)
            .map(|n| edit("Dana", &format!("2026-12-07T10:00:{n:02}Z")))
            .collect();
        let next = with_edit(&many, edit("Sam", "2026-12-07T11:00:00Z"));
        assert_eq!(next.len(), MAX_EDITS);
        assert_eq!(next[0].by, "Sam");
        assert_eq!(next[MAX_EDITS - 1], many[MAX_EDITS - 2]);
    }

    #[test]
    fn merged_edits_are_each_once_newest_first() {
        let a = edit("Dana", "2026-12-07T10:00:00Z");
        let b = edit("Sam", "2026-12-07T10:00:05Z");
        let c = edit("Lee", "2026-12-07T09:00:00Z");
        let ours = vec![a.clone(), c.clone()];
        let theirs = vec![b.clone(), a.clone(), c.clone()];
        assert_eq!(merged(&ours, &theirs), [b.clone(), a.clone(), c.clone()]);
        assert_eq!(new_in(&ours, &theirs), [&b]);
        assert_eq!(names(&[&b, &a, &b]), "Sam and Dana");
        assert_eq!(names(&[&b, &a, &c]), "Sam, Dana and Lee");
        assert_eq!(names(&[]), "");
    }

    #[test]
    fn names_and_summaries_are_trimmed_and_cut() {
        let long = "x".repeat(300);
        let made = Edit::new("  Dana  ", "2026-12-07T10:00:00Z", &long);
        assert_eq!(made.by, "Dana");
        assert_eq!(made.what.chars().count(), MAX_WHAT_CHARS);
        assert!(made.what.ends_with('…'));
    }

    #[test]
    fn bad_entries_name_the_entry_and_field() {
        let cases = [
            (json!("Dana"), "edits"),
            (json!([{"by": "Dana", "at": "yesterday"}]), "edits[0].at"),
            (
                json!([{"by": "", "at": "2026-12-07T10:00:00Z"}]),
                "edits[0].by",
            ),
            (
                json!([{"by": "Dana", "at": "2026-12-07T10:00:00Z", "who": 1}]),
                "edits[0].who",
            ),
            (
                json!([{"by": "Dana", "at": "2026-02-30T10:00:00Z"}]),
                "edits[0].at",
            ),
            (json!([1]), "edits[0]"),
        ];
        for (value, path) in cases {
            match read_edits(Some(&value)) {
                Err(ImportError::Field { path: found, .. }) => assert_eq!(found, path, "{value}"),
                other => panic!("{value}: {other:?}"),
            }
        }
        let fine = json!([{"by": "Dana", "at": "2026-12-07T10:00:00Z", "what": "Moved a card"}]);
        assert_eq!(
            read_edits(Some(&fine)).expect("reads"),
            [Edit::new("Dana", "2026-12-07T10:00:00Z", "Moved a card")]
        );
    }
}
