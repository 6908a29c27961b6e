//! The plan file format: a versioned envelope around a plan.
//!
//! ```json
//! { "format": "opsboard-plan", "version": 5, "plan": { ... } }
//! ```
//!
//! [`encode`] writes the current version, canonically: lists in id order,
//! pretty-printed, so two exports of one plan are byte-identical. [`decode`]
//! reads every released version, checks the plan against every rule of
//! `engine::validate`, and names the field and the reason when it cannot.
//! Browser storage keeps plans in this same format.

pub mod csv;
pub mod diff;
pub mod edits;
pub mod file;
pub mod ics;
mod ids;
pub mod link;
mod migrate;
pub(crate) mod read;
/// The reports and the merge of the command-line tool `opsboard-plan`.
pub mod report;
pub mod share;
pub mod sheets;
pub mod table;

use serde::Serialize;
use serde_json::Value;

use crate::engine::validate;
use crate::model::{Lineage, Plan};

/// The `format` tag of a plan file.
pub const FORMAT: &str = "opsboard-plan";
/// The newest format version this build reads and the one it writes.
pub const CURRENT_VERSION: u64 = 5;
/// Files above this size are refused before parsing.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The file name suffix of plan files.
pub const FILE_SUFFIX: &str = ".opsboard.json";

/// Why a plan file cannot be opened. The current plan is never touched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("The file is {size_mb} MB; plan files are at most {limit_mb} MB.", size_mb = .0 / (1024 * 1024), limit_mb = MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge(usize),
    #[error("The file is not valid JSON (line {line}, column {column}: {reason}).")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("This is not an Opsboard plan file: {reason}.")]
    NotAPlan { reason: String },
    #[error("This plan was saved by a newer Opsboard (file format version {0}); this app reads up to version {CURRENT_VERSION}. Update the app to open it.")]
    NewerVersion(u64),
    /// A field has the wrong shape: a missing field, a wrong type, an unknown name.
    #[error("{path}: {reason}")]
    Field { path: String, reason: String },
    /// The plan breaks rules of the plan; `findings` holds every error.
    #[error("{}", describe_findings(.0))]
    Rules(Vec<validate::Finding>),
}

impl ImportError {
    /// The field path the error is about, when there is one.
    pub fn path(&self) -> Option<String> {
        match self {
            ImportError::Field { path, .. } => Some(path.clone()),
            ImportError::Rules(findings) => findings.first().map(|f| format!("plan.{}", f.path)),
            _ => None,
        }
    }
}

fn describe_findings(findings: &[validate::Finding]) -> String {
    let shown: Vec<String> = findings
        .iter()
        .take(5)
        .map(|finding| format!("plan.{}: {}", finding.path, finding.message))
        .collect();
    let mut text = shown.join("\n");
    if findings.len() > shown.len() {
        text.push_str(&format!("\n… and {} more", findings.len() - shown.len()));
    }
    text
}

#[derive(Serialize)]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    derive(schemars::JsonSchema),
    schemars(
        title = "Opsboard plan file",
        description = schema_tests::envelope_description()
    )
)]
struct EnvelopeOut<'a> {
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(extend("const" = FORMAT))
    )]
    format: &'static str,
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(extend("const" = CURRENT_VERSION))
    )]
    version: u64,
    /// `"client-safe"` for a copy made for a client; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<&'static str>,
    /// The plan's family, for three-way merges: its random `id` and the
    /// `revisions` it was exported as or merged from, newest first. Absent
    /// in files written before compare and merge existed (and ignored by
    /// the apps of that time, so it needed no new version).
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<OriginOut<'a>>,
    /// Who wrote the file, when and what, newest first (at most 20): a plan
    /// kept in a shared file records each planner's writes. Absent when
    /// nobody has (and ignored by apps that do not know it).
    #[serde(skip_serializing_if = "<[edits::Edit]>::is_empty")]
    edits: &'a [edits::Edit],
    plan: &'a file::Plan,
}

#[derive(Serialize)]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    derive(schemars::JsonSchema),
    schemars(rename = "Origin")
)]
struct OriginOut<'a> {
    /// A random id, the same in every copy of the plan.
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(length(min = 1, max = 64), regex(pattern = r"^[A-Za-z0-9-]+$"))
    )]
    id: &'a str,
    /// At most 20 revision ids, newest first.
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(length(max = 20), inner(regex(pattern = r"^[A-Za-z0-9-]{1,64}$")))
    )]
    revisions: &'a [String],
}

/// The `profile` of a client-safe copy (see [`share`]).
pub const CLIENT_SAFE_PROFILE: &str = "client-safe";

/// Writes `plan` as a plan file of the current version.
pub fn encode(plan: &Plan) -> String {
    encode_file(plan, &[])
}

/// Writes `plan` as [`encode`] does, with the file's record of who wrote it
/// (see [`edits`]).
pub fn encode_file(plan: &Plan, edits: &[edits::Edit]) -> String {
    let mut text = indent_json(&with_envelope(plan, edits, |envelope| {
        serde_json::to_string(envelope).unwrap_or_default()
    }));
    text.push('\n');
    text
}

/// The same file as [`encode`] without the line breaks and indentation, for
/// a share link.
pub fn encode_compact(plan: &Plan) -> String {
    write(plan)
}

/// Compact JSON as `serde_json::to_string_pretty` writes it: two spaces a
/// level, `": "` after a key, empty arrays and objects on one line.
///
/// The plan is serialized once, compactly, and indented from that text:
/// serializing it both ways would put every file type's serializer in the
/// wasm bundle twice (about 4 KB gzipped). Held equal to serde_json's own
/// pretty printer by tests.
pub fn indent_json(compact: &str) -> String {
    // Bytes: the characters that shape JSON are ASCII, and a byte of a
    // longer UTF-8 character is never one of them, so runs of text are
    // copied whole and only whole characters are ever split apart.
    let bytes = compact.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let mut depth = 0usize;
    let mut at = 0;
    let new_line = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        for _ in 0..depth {
            out.extend_from_slice(b"  ");
        }
    };
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                // The string up to its closing quote, escapes included.
                let mut end = at + 1;
                while let Some(offset) = bytes[end.min(bytes.len())..]
                    .iter()
                    .position(|b| *b == b'"' || *b == b'\\')
                {
                    let found = end + offset;
                    if bytes[found] == b'\\' {
                        end = found + 2;
                    } else {
                        end = found + 1;
                        break;
                    }
                }
                let end = end.min(bytes.len());
                out.extend_from_slice(&bytes[at..end]);
                at = end;
                continue;
            }
            b'{' | b'[' => {
                let close = if byte == b'{' { b'}' } else { b']' };
                out.push(byte);
                if bytes.get(at + 1) == Some(&close) {
                    out.push(close);
                    at += 1;
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(byte);
                new_line(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => {
                // A number or a literal, to the next character that shapes
                // the text.
                let end = bytes[at..]
                    .iter()
                    .position(|b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']' | b',' | b':'))
                    .map_or(bytes.len(), |offset| at + offset);
                out.extend_from_slice(&bytes[at..end]);
                at = end;
                continue;
            }
        }
        at += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| compact.to_string())
}

fn write(plan: &Plan) -> String {
    // Serializing plain structs of strings and numbers cannot fail; an
    // infinite number (which validation forbids) is written as null.
    with_envelope(plan, &[], |envelope| {
        serde_json::to_string(envelope).unwrap_or_default()
    })
}

/// Hands `plan` (and the file's `edits`) as the file's top-level object to
/// `write`.
fn with_envelope<T>(
    plan: &Plan,
    edits: &[edits::Edit],
    write: impl FnOnce(&EnvelopeOut) -> T,
) -> T {
    let file_plan = file::Plan::from_model(plan);
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        profile: plan.client_copy.then_some(CLIENT_SAFE_PROFILE),
        origin: plan.lineage.as_ref().map(|lineage| OriginOut {
            id: &lineage.origin,
            revisions: &lineage.revisions,
        }),
        edits,
        plan: &file_plan,
    };
    write(&envelope)
}

/// The revision id of `plan`'s content: a hash (64-bit FNV-1a) of the
/// compact file it makes with its lineage left out. The same content always
/// gets the same id, so exporting an unchanged plan again writes the same
/// bytes, and two copies with one content share a revision.
pub fn revision_of(plan: &Plan) -> String {
    let mut content = plan.clone();
    content.lineage = None;
    let hash = write(&content)
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// Reads a plan file of any released version.
pub fn decode(text: &str) -> Result<Plan, ImportError> {
    decode_file(text).map(|(plan, _)| plan)
}

/// Reads a plan file as [`decode`] does, with the file's record of who
/// wrote it (see [`edits`]).
pub fn decode_file(text: &str) -> Result<(Plan, Vec<edits::Edit>), ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|error| ImportError::NotJson {
        line: error.line(),
        column: error.column(),
        reason: plain_json_reason(&error),
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::NotAPlan {
            reason: format!("it holds {}, not an object", json_kind(&value)),
        });
    };
    match envelope.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(ImportError::NotAPlan {
                reason: format!(
                    "its \"format\" is {}, not \"{FORMAT}\"",
                    quoted_value(other)
                ),
            })
        }
        None => {
            return Err(ImportError::NotAPlan {
                reason: format!("it has no \"format\": \"{FORMAT}\" field"),
            })
        }
    }
    let version = match envelope.get("version") {
        Some(Value::Number(number)) => number.as_u64().filter(|version| *version >= 1),
        _ => None,
    }
    .ok_or_else(|| ImportError::Field {
        path: "version".to_string(),
        reason: "must be a whole number from 1".to_string(),
    })?;
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    let mut plan_value = envelope.remove("plan").ok_or_else(|| ImportError::Field {
        path: "plan".to_string(),
        reason: "missing: the file has no plan in it".to_string(),
    })?;
    if version == 1 {
        migrate::v1_to_v2(&plan_value)?;
    }
    if version <= 2 {
        migrate::v2_to_v3(&mut plan_value, version)?;
    }
    if version <= 3 {
        migrate::v3_to_v4(&mut plan_value, version)?;
    }
    if version <= 4 {
        migrate::v4_to_v5(&plan_value, version)?;
    }
    let client_copy = match envelope.get("profile") {
        None | Some(Value::Null) => false,
        Some(Value::String(profile)) if profile == CLIENT_SAFE_PROFILE => true,
        Some(other) => {
            return Err(ImportError::Field {
                path: "profile".to_string(),
                reason: format!(
                    "{other} is not a profile this app knows; a client copy says \"{CLIENT_SAFE_PROFILE}\"",
                    other = quoted_value(other)
                ),
            })
        }
    };
    let lineage = read_origin(envelope.get("origin"))?;
    let edits = edits::read_edits(envelope.get("edits"))?;
    let mut plan = file::read_plan(&plan_value)?;
    plan.client_copy = client_copy;
    plan.lineage = lineage;
    plan.sort_canonically();
    let errors = validate::errors(&plan);
    if !errors.is_empty() {
        return Err(ImportError::Rules(errors));
    }
    Ok((plan, edits))
}

/// The envelope's `origin`, checked: ids of letters, digits and dashes.
fn read_origin(value: Option<&Value>) -> Result<Option<Lineage>, ImportError> {
    let field = |path: &str, reason: &str| ImportError::Field {
        path: path.to_string(),
        reason: reason.to_string(),
    };
    let valid_id = |text: &str| {
        !text.is_empty()
            && text.len() <= Lineage::MAX_ID_CHARS
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let origin = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(origin)) => origin,
        Some(other) => {
            return Err(field(
                "origin",
                &format!(
                    "must be an object with an id and revisions, not {}",
                    json_kind(other)
                ),
            ))
        }
    };
    if let Some(unknown) = origin
        .keys()
        .find(|key| !["id", "revisions"].contains(&key.as_str()))
    {
        return Err(field(
            &format!("origin.{}", read::shown(unknown)),
            "unknown field",
        ));
    }
    let id = match origin.get("id") {
        Some(Value::String(id)) if valid_id(id) => id.clone(),
        _ => {
            return Err(field(
                "origin.id",
                "must be 1 to 64 letters, digits and dashes",
            ))
        }
    };
    let revisions = match origin.get("revisions") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            if items.len() > Lineage::MAX_REVISIONS {
                return Err(field(
                    "origin.revisions",
                    &format!(
                        "lists {} revisions; at most {} are kept",
                        items.len(),
                        Lineage::MAX_REVISIONS
                    ),
                ));
            }
            let mut revisions = Vec::with_capacity(items.len());
            for (index, item) in items.iter().enumerate() {
                match item {
                    Value::String(token) if valid_id(token) => revisions.push(token.clone()),
                    _ => {
                        return Err(field(
                            &format!("origin.revisions[{index}]"),
                            "must be 1 to 64 letters, digits and dashes",
                        ))
                    }
                }
            }
            revisions
        }
        Some(other) => {
            return Err(field(
                "origin.revisions",
                &format!("must be a list, not {}", json_kind(other)),
            ))
        }
    };
    Ok(Some(Lineage {
        origin: id,
        revisions,
    }))
}

/// A value from a file as a message names it: a short text in quotes, any
/// other value by its kind (a hostile file's value may be megabytes).
fn quoted_value(value: &Value) -> String {
    match value {
        Value::String(text) => format!("\"{}\"", read::shown(text)),
        other => read::describe(other),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its own " at line L column C" suffix.
fn plain_json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(position) => text[..position].to_string(),
        None => text,
    }
}

/// The name a plan's file gets when exported: `<plan name>.opsboard.json`,
/// with characters that file systems refuse replaced.
pub fn file_name(plan: &Plan) -> String {
    let cleaned: String = plan
        .name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let base = if cleaned.trim().is_empty() {
        "plan".to_string()
    } else {
        cleaned.trim().chars().take(100).collect()
    };
    format!("{base}{FILE_SUFFIX}")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod schema_tests;
#[cfg(test)]
mod tests;
