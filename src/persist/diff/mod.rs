//! Compare and merge: a second plan file against the current plan, as a
//! list of changes per thing and field ("Activity “Patch servers”: deadline
//! 2026-12-01 → 2026-12-08 (7 days later)") that can be taken or left one by
//! one, and the plan that results.
//!
//! It works on the file's own representation (`file::Plan` as JSON), so the
//! fields compared are the fields of the plan file and a new field in the
//! format needs nothing here. Lists are matched by id (holidays by date,
//! priority pins by activity); the plan's single fields (name, goal,
//! horizon, ...) are compared one level deep (`goal.target`).
//!
//! **Two-way** (no common version known): every difference is listed and
//! nothing is preselected. **Three-way** (both plans descend from a version
//! this browser kept, see `model::Lineage`): only what *they* changed is
//! listed; what only we changed stays as it is and is not shown. Where both
//! changed the same field differently it is a conflict, left as ours until
//! picked. A list inside a thing (an activity's dependencies or RACI, a
//! person's skills, leave or certifications) merges item by item against the
//! common version, so two people adding different dependencies to one
//! activity is no conflict; only the same item changed both ways is. Things
//! both sides added under the same id (ids are numbered in each copy) are
//! kept apart: theirs get the next free id.
//!
//! Nothing here touches the current plan: [`Comparison::apply`] builds a new
//! plan, read back through the same checks as an imported file, for the
//! caller to put in place as one undoable command.

mod describe;
mod merge;

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{file, ImportError};
use crate::engine::validate;
use crate::model::{Lineage, Plan};
use describe::{describe_change, Names};
use merge::{merge_inner_lists, renumber_both_added};

/// What kind of thing a change is about, in the order a comparison lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Plan,
    Metric,
    Holiday,
    Skill,
    Person,
    Activity,
    Scenario,
    Allocation,
    CheckIn,
    Role,
    Cadence,
    PriorityPin,
}

impl Kind {
    /// The heading a group of changes gets.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Plan => "Plan",
            Kind::Metric => "Success metrics",
            Kind::Holiday => "Holidays",
            Kind::Skill => "Skills",
            Kind::Person => "People",
            Kind::Activity => "Activities",
            Kind::Scenario => "Scenarios",
            Kind::Allocation => "Allocations",
            Kind::CheckIn => "Check-ins",
            Kind::Role => "Hiring plan",
            Kind::Cadence => "Cadences",
            Kind::PriorityPin => "Priority pins",
        }
    }
}

/// The lists of a plan file: kind, field, and the field that identifies an
/// item of it.
const LISTS: [(Kind, &str, &str); 11] = [
    (Kind::Metric, "metrics", "id"),
    (Kind::Holiday, "holidays", "date"),
    (Kind::Skill, "skills", "id"),
    (Kind::Person, "people", "id"),
    (Kind::Activity, "activities", "id"),
    (Kind::Scenario, "scenarios", "id"),
    (Kind::Allocation, "allocations", "id"),
    (Kind::CheckIn, "checkins", "id"),
    (Kind::Role, "roles", "id"),
    (Kind::Cadence, "cadences", "id"),
    (Kind::PriorityPin, "priority_pins", "activity"),
];

/// Fields that hold the id of another thing; renumbering an id rewrites
/// them.
const REFERENCES: [&str; 12] = [
    "id",
    "owner",
    "person",
    "activity",
    "skill",
    "scenario",
    "depends_on",
    "open_role",
    "responsible",
    "consulted",
    "informed",
    "filled_by",
];

/// What happened to a thing or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The thing is in their plan and not in ours.
    Added,
    /// The thing is in ours and not in theirs.
    Removed,
    /// A field differs.
    Changed,
}

/// One difference that can be taken or left.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: Kind,
    /// The thing's id (date for holidays, activity for pins); empty for the
    /// plan's own fields.
    pub key: String,
    /// The thing, for people: `Activity “Patch servers”`.
    pub label: String,
    /// The field, as in the file (`deadline`, `goal.target`); `None` when
    /// the whole thing was added or removed.
    pub field: Option<String>,
    pub action: Action,
    /// What taking it does, for people: `deadline: 1 Dec 2026 → …`.
    pub text: String,
    /// Both sides changed it differently since the common version.
    pub conflict: bool,
    /// Taken unless the person says otherwise: their changes in a
    /// three-way merge that are not conflicts.
    pub suggested: bool,
}

/// Why two plans cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("This is a client-safe copy, and this browser does not have the copy it was made from, so its differences would include everything the client copy leaves out (cost rates, notes, tentative work). Compare it in the browser that made the client copy, or open it as a new plan.")]
    ClientCopyWithoutBase,
}

/// Two plans (and maybe their common version) compared.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// A common version was known: only their changes are listed.
    pub three_way: bool,
    pub changes: Vec<Change>,
    /// Ids of theirs that were renumbered because ours has the same id for
    /// something else: (old, new).
    pub renumbered: Vec<(String, String)>,
    ours: Value,
    theirs: Value,
    keep: Plan,
    lineage: Option<Lineage>,
}

/// The newest revision both lineages share that `kept` says this browser
/// still has: the common version of a three-way merge.
pub fn common_revision(
    ours: Option<&Lineage>,
    theirs: Option<&Lineage>,
    kept: impl Fn(&str) -> bool,
) -> Option<String> {
    let (ours, theirs) = (ours?, theirs?);
    if ours.origin != theirs.origin {
        return None;
    }
    theirs
        .revisions
        .iter()
        .find(|revision| ours.revisions.contains(revision) && kept(revision))
        .cloned()
}

/// Compares `theirs` with `ours`, three-way when `base` is their common
/// version.
pub fn compare(
    ours: &Plan,
    theirs: &Plan,
    base: Option<&Plan>,
) -> Result<Comparison, CompareError> {
    if theirs.client_copy && !ours.client_copy && base.is_none() {
        return Err(CompareError::ClientCopyWithoutBase);
    }
    let ours_value = to_value(ours);
    let mut theirs_value = to_value(theirs);
    let mut base_value = base.map(to_value);
    let renumbered = match &mut base_value {
        Some(base_value) => {
            let renumbered = renumber_both_added(&ours_value, &mut theirs_value, base_value);
            merge_inner_lists(&ours_value, &mut theirs_value, base_value);
            renumbered
        }
        None => Vec::new(),
    };
    let names = Names::of(&[&theirs_value, &ours_value]);
    let mut changes = Vec::new();
    compare_plan_fields(
        &ours_value,
        &theirs_value,
        base_value.as_ref(),
        &names,
        &mut changes,
    );
    for (kind, list, key_field) in LISTS {
        compare_list(
            kind,
            [&ours_value, &theirs_value].map(|plan| items(plan, list, key_field)),
            base_value.as_ref().map(|base| items(base, list, key_field)),
            &names,
            &mut changes,
        );
    }
    let lineage = match (&ours.lineage, &theirs.lineage) {
        (Some(mine), Some(other)) if mine.origin == other.origin => Some(mine.merged_with(other)),
        (mine, _) => mine.clone(),
    };
    Ok(Comparison {
        three_way: base.is_some(),
        changes,
        renumbered,
        ours: ours_value,
        theirs: theirs_value,
        keep: ours.clone(),
        lineage,
    })
}

impl Comparison {
    /// How many changes are conflicts.
    pub fn conflicts(&self) -> usize {
        self.changes.iter().filter(|change| change.conflict).count()
    }

    /// The plan with the changes `taken[i]` says yes to applied to ours (a
    /// missing entry is no). It is checked like an imported file: changes
    /// that cannot stand alone (an allocation on an activity that was not
    /// taken) are refused with the field and the reason.
    pub fn apply(&self, taken: &[bool]) -> Result<Plan, ImportError> {
        let mut merged = self.ours.clone();
        for (change, _) in self
            .changes
            .iter()
            .zip(taken.iter().chain(std::iter::repeat(&false)))
            .filter(|(_, taken)| **taken)
        {
            self.take(&mut merged, change);
        }
        let mut plan = file::read_plan(&merged)?;
        plan.id = self.keep.id;
        plan.client_copy = self.keep.client_copy;
        plan.lineage = self.lineage.clone();
        plan.sort_canonically();
        let errors = validate::errors(&plan);
        if !errors.is_empty() {
            return Err(ImportError::Rules(errors));
        }
        Ok(plan)
    }

    fn take(&self, merged: &mut Value, change: &Change) {
        if change.kind == Kind::Plan {
            let Some(field) = &change.field else { return };
            let value = lookup(&self.theirs, field).cloned().unwrap_or(Value::Null);
            set_path(merged, field, value);
            return;
        }
        let Some((_, list, key_field)) = LISTS.iter().find(|(kind, ..)| *kind == change.kind)
        else {
            return;
        };
        let theirs = items(&self.theirs, list, key_field);
        let Some(Value::Array(target)) = merged.get_mut(*list) else {
            return;
        };
        let position = target
            .iter()
            .position(|item| key_of(item, key_field).as_deref() == Some(change.key.as_str()));
        match (change.action, position) {
            (Action::Removed, Some(index)) => {
                target.remove(index);
            }
            (Action::Added, None) => {
                if let Some(item) = theirs.get(&change.key) {
                    target.push((*item).clone());
                }
            }
            (Action::Changed, Some(index)) => {
                let (Some(field), Some(item)) = (&change.field, theirs.get(&change.key)) else {
                    return;
                };
                if let Value::Object(ours) = &mut target[index] {
                    match item.get(field) {
                        Some(value) => ours.insert(field.clone(), value.clone()),
                        // Theirs leaves it out: it is empty there.
                        None => ours.remove(field),
                    };
                }
            }
            _ => {}
        }
    }
}

fn to_value(plan: &Plan) -> Value {
    // Through the file's text rather than `serde_json::to_value`, which
    // would compile a second serializer of every file type into the app
    // (4.5 KB of wasm gzipped); a plan file always parses back.
    let text = super::encode_compact(plan);
    serde_json::from_str::<Map<String, Value>>(&text)
        .ok()
        .and_then(|mut envelope| envelope.remove("plan"))
        .unwrap_or(Value::Null)
}

fn key_of(item: &Value, key_field: &str) -> Option<String> {
    item.get(key_field)?.as_str().map(str::to_string)
}

/// A list of the plan file by key, in file order.
fn items<'a>(plan: &'a Value, list: &str, key_field: &str) -> Keyed<'a> {
    let mut keyed = Keyed::default();
    if let Some(Value::Array(values)) = plan.get(list) {
        for item in values {
            if let Some(key) = key_of(item, key_field) {
                if keyed.by_key.insert(key.clone(), item).is_none() {
                    keyed.order.push(key);
                }
            }
        }
    }
    keyed
}

#[derive(Default)]
struct Keyed<'a> {
    order: Vec<String>,
    by_key: HashMap<String, &'a Value>,
}

impl<'a> Keyed<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.by_key.get(key).copied()
    }
}

/// The value at `goal.target`-style `path`.
fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(value, |value, part| value.get(part))
}

fn set_path(value: &mut Value, path: &str, new: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut target = value;
    for part in parts {
        match target.get_mut(part) {
            Some(next) => target = next,
            None => return,
        }
    }
    if let Value::Object(object) = target {
        object.insert(last.to_string(), new);
    }
}

/// The plan's own fields, objects one level deep, without its id and lists.
fn plan_fields(plan: &Value) -> Vec<(String, &Value)> {
    let lists: HashSet<&str> = LISTS.iter().map(|(_, list, _)| *list).collect();
    let mut fields = Vec::new();
    if let Value::Object(object) = plan {
        for (name, value) in object {
            if name == "id" || lists.contains(name.as_str()) {
                continue;
            }
            match value {
                Value::Object(inner) => {
                    for (inner_name, inner_value) in inner {
                        fields.push((format!("{name}.{inner_name}"), inner_value));
                    }
                }
                _ => fields.push((name.clone(), value)),
            }
        }
    }
    fields
}

fn compare_plan_fields(
    ours: &Value,
    theirs: &Value,
    base: Option<&Value>,
    names: &Names,
    changes: &mut Vec<Change>,
) {
    for (field, their_value) in plan_fields(theirs) {
        let our_value = lookup(ours, &field);
        let base_value = base.map(|base| lookup(base, &field));
        if let Some((conflict, suggested)) = judge(our_value, Some(their_value), base_value) {
            changes.push(Change {
                kind: Kind::Plan,
                key: String::new(),
                label: "Plan".to_string(),
                text: describe_change(&field, our_value, Some(their_value), names),
                field: Some(field),
                action: Action::Changed,
                conflict,
                suggested,
            });
        }
    }
}

/// Whether a difference is listed, and then (conflict, suggested):
/// `base` is `None` for a two-way comparison, `Some(None)` when the common
/// version did not have it.
fn judge(
    ours: Option<&Value>,
    theirs: Option<&Value>,
    base: Option<Option<&Value>>,
) -> Option<(bool, bool)> {
    if ours == theirs {
        return None;
    }
    match base {
        None => Some((false, false)),
        Some(base) if base == theirs => None,
        Some(base) if base == ours => Some((false, true)),
        Some(_) => Some((true, false)),
    }
}

fn compare_list(
    kind: Kind,
    [ours, theirs]: [Keyed<'_>; 2],
    base: Option<Keyed<'_>>,
    names: &Names,
    changes: &mut Vec<Change>,
) {
    let mut keys: Vec<&String> = ours.order.iter().collect();
    keys.extend(theirs.order.iter().filter(|key| ours.get(key).is_none()));
    if let Some(base) = &base {
        keys.extend(
            base.order
                .iter()
                .filter(|key| ours.get(key).is_none() && theirs.get(key).is_none()),
        );
    }
    for key in keys {
        let (mine, other) = (ours.get(key), theirs.get(key));
        let original = base.as_ref().map(|base| base.get(key));
        let label = names.label(kind, key, other.or(mine).or(original.flatten()));
        match (mine, other) {
            (None, None) => {}
            (Some(mine), Some(other)) => {
                let (Value::Object(their_fields), Value::Object(our_fields)) = (other, mine) else {
                    continue;
                };
                // Their fields, then ours they do not have: a field left
                // out when empty (a person's email) is absent on one side.
                let fields = their_fields.keys().chain(
                    our_fields
                        .keys()
                        .filter(|field| !their_fields.contains_key(*field)),
                );
                for field in fields {
                    let (our_value, their_value) = (mine.get(field), other.get(field));
                    let base_value = original.map(|base| base.and_then(|base| base.get(field)));
                    // A thing both added is compared field by field as if new.
                    let Some((conflict, suggested)) = judge(our_value, their_value, base_value)
                    else {
                        continue;
                    };
                    changes.push(Change {
                        kind,
                        key: key.clone(),
                        label: label.clone(),
                        field: Some(field.clone()),
                        action: Action::Changed,
                        text: describe_change(field, our_value, their_value, names),
                        conflict,
                        suggested,
                    });
                }
            }
            (mine, other) => {
                let action = if other.is_some() {
                    Action::Added
                } else {
                    Action::Removed
                };
                let Some((conflict, suggested)) = judge(mine, other, original) else {
                    continue;
                };
                let text = match action {
                    Action::Added => match other.map(|item| names.brief(kind, item)) {
                        Some(brief) if !brief.is_empty() => format!("added: {brief}"),
                        _ => "added".to_string(),
                    },
                    _ => "removed".to_string(),
                };
                let text = match (conflict, action) {
                    (true, Action::Added) => format!("{text} (you removed it; they changed it)"),
                    (true, _) => format!("{text} (they removed it; you changed it)"),
                    _ => text,
                };
                changes.push(Change {
                    kind,
                    key: key.clone(),
                    label,
                    field: None,
                    action,
                    text,
                    conflict,
                    suggested,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;
