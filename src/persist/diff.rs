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

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{file, ImportError};
use crate::engine::validate;
use crate::model::{parse_iso_date, Lineage, Plan, Week};

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

/// Merges the lists inside things both sides changed (an activity's
/// `depends_on`, a person's `skills`) item by item against the common
/// version. Where the items do not collide, theirs becomes the merged list
/// and the common version ours, so the field reads as their change alone,
/// taken without asking; where they do, all three stay as they are and the
/// field is a conflict.
fn merge_inner_lists(ours: &Value, theirs: &mut Value, base: &mut Value) {
    for (_, list, key_field) in LISTS {
        let (Some(Value::Array(mine)), Some(Value::Array(other)), Some(Value::Array(original))) =
            (ours.get(list), theirs.get_mut(list), base.get_mut(list))
        else {
            continue;
        };
        for their_item in other.iter_mut() {
            let Some(key) = key_of(their_item, key_field) else {
                continue;
            };
            let find = |items: &[Value]| {
                items
                    .iter()
                    .position(|item| key_of(item, key_field).as_deref() == Some(key.as_str()))
            };
            let (Some(at_mine), Some(at_base)) = (find(mine), find(original)) else {
                continue;
            };
            let (
                Value::Object(our_fields),
                Value::Object(their_fields),
                Value::Object(base_fields),
            ) = (&mine[at_mine], their_item, &mut original[at_base])
            else {
                continue;
            };
            let fields: Vec<String> = our_fields
                .keys()
                .chain(their_fields.keys())
                .filter(|field| {
                    [our_fields.get(*field), their_fields.get(*field)]
                        .iter()
                        .any(|value| matches!(value, Some(Value::Array(_))))
                })
                .cloned()
                .collect::<HashSet<String>>()
                .into_iter()
                .collect();
            for field in fields {
                let sides = [
                    our_fields.get(&field),
                    their_fields.get(&field),
                    base_fields.get(&field),
                ];
                let [mine_list, their_list, base_list] = sides.map(as_list);
                let (Some(mine_list), Some(their_list), Some(base_list)) =
                    (mine_list, their_list, base_list)
                else {
                    continue;
                };
                if mine_list == base_list || their_list == base_list || mine_list == their_list {
                    continue;
                }
                let Some(merged) = merge_list(&base_list, &mine_list, &their_list) else {
                    continue;
                };
                set_or_drop(their_fields, &field, merged);
                set_or_drop(base_fields, &field, mine_list);
            }
        }
    }
}

/// A list field's items; an absent field is an empty list (the file leaves
/// empty lists out). `None` for a field that is not a list.
fn as_list(value: Option<&Value>) -> Option<Vec<Value>> {
    match value {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => Some(items.clone()),
        Some(_) => None,
    }
}

/// Writes a list field as the file does: left out when empty.
fn set_or_drop(fields: &mut Map<String, Value>, field: &str, items: Vec<Value>) {
    if items.is_empty() {
        fields.remove(field);
    } else {
        fields.insert(field.to_string(), Value::Array(items));
    }
}

/// What identifies an item of a list inside a thing: the skill of a skill
/// level, the name of a certification, the activity of a check-in entry, the
/// text of a checklist item or decision; the whole item otherwise (an id in
/// `depends_on`, a leave period).
fn item_key(item: &Value) -> String {
    for field in ["skill", "name", "activity", "text"] {
        if let Some(key) = item.get(field) {
            return format!("{field}={key}");
        }
    }
    item.to_string()
}

/// `ours` and `theirs` merged item by item against `base`: ours in its
/// order with their changes and removals, then what they added. `None`
/// when an item collides: changed differently by both, added by both with
/// different values, or removed by one and changed by the other.
pub(crate) fn merge_list(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    let keyed = |items: &[Value]| -> HashMap<String, Value> {
        items
            .iter()
            .map(|item| (item_key(item), item.clone()))
            .collect()
    };
    let (base_items, their_items) = (keyed(base), keyed(theirs));
    let mut merged = Vec::new();
    let mut seen = HashSet::new();
    for mine in ours {
        let key = item_key(mine);
        seen.insert(key.clone());
        match (base_items.get(&key), their_items.get(&key)) {
            // Theirs removed it: gone, unless we changed it.
            (Some(original), None) if original == mine => {}
            (Some(_), None) => return None,
            // Their change, or ours, or the same on both.
            (Some(original), Some(other)) if original == mine => merged.push(other.clone()),
            (Some(original), Some(other)) if original == other || other == mine => {
                merged.push(mine.clone())
            }
            (Some(_), Some(_)) => return None,
            // We added it; they added the same or nothing under its key.
            (None, Some(other)) if other != mine => return None,
            (None, _) => merged.push(mine.clone()),
        }
    }
    for other in theirs {
        let key = item_key(other);
        if seen.contains(&key) {
            continue;
        }
        match base_items.get(&key) {
            // Added by them.
            None => merged.push(other.clone()),
            // We removed it: stays removed, unless they changed it.
            Some(original) if original == other => {}
            Some(_) => return None,
        }
    }
    Some(merged)
}

/// Gives things both sides added under one id (differently) a new id in
/// theirs, rewriting theirs' references to them. Returns (old, new) pairs.
fn renumber_both_added(ours: &Value, theirs: &mut Value, base: &Value) -> Vec<(String, String)> {
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut pairs = Vec::new();
    for (_, list, key_field) in LISTS {
        if key_field != "id" {
            continue;
        }
        let (mine, other, original) = (
            items(ours, list, key_field),
            items(theirs, list, key_field),
            items(base, list, key_field),
        );
        let mut next = [&mine, &other, &original]
            .iter()
            .flat_map(|keyed| keyed.order.iter())
            .filter_map(|key| split_id(key).map(|(_, number)| number))
            .max()
            .unwrap_or(0);
        for key in &other.order {
            let clash = original.get(key).is_none()
                && mine
                    .get(key)
                    .is_some_and(|item| Some(item) != other.get(key));
            if let (true, Some((prefix, _))) = (clash, split_id(key)) {
                next += 1;
                let new = format!("{prefix}-{next}");
                pairs.push((key.clone(), new.clone()));
                renames.insert(key.clone(), new);
            }
        }
    }
    if !renames.is_empty() {
        rewrite_references(theirs, &renames);
    }
    pairs
}

fn split_id(id: &str) -> Option<(&str, u64)> {
    let (prefix, number) = id.rsplit_once('-')?;
    Some((prefix, number.parse().ok()?))
}

fn rewrite_references(value: &mut Value, renames: &HashMap<String, String>) {
    match value {
        Value::Object(object) => {
            for (field, inner) in object.iter_mut() {
                if REFERENCES.contains(&field.as_str()) {
                    rename_in(inner, renames);
                }
                if matches!(inner, Value::Object(_) | Value::Array(_)) {
                    rewrite_references(inner, renames);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| rewrite_references(item, renames)),
        _ => {}
    }
}

fn rename_in(value: &mut Value, renames: &HashMap<String, String>) {
    match value {
        Value::String(text) => {
            if let Some(new) = renames.get(text.as_str()) {
                *text = new.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| rename_in(item, renames)),
        _ => {}
    }
}

/// Names of the things of both plans by id, to show "Ann Lee" for `per-3`.
struct Names {
    by_id: HashMap<String, String>,
}

impl Names {
    fn of(plans: &[&Value]) -> Names {
        let mut by_id = HashMap::new();
        for plan in plans {
            for (list, name_field) in [
                ("people", "name"),
                ("activities", "title"),
                ("skills", "name"),
                ("scenarios", "name"),
                ("metrics", "name"),
                ("roles", "title"),
            ] {
                if let Some(Value::Array(values)) = plan.get(list) {
                    for item in values {
                        if let (Some(Value::String(id)), Some(Value::String(name))) =
                            (item.get("id"), item.get(name_field))
                        {
                            by_id.entry(id.clone()).or_insert_with(|| name.clone());
                        }
                    }
                }
            }
        }
        Names { by_id }
    }

    fn name(&self, id: &str) -> String {
        self.by_id
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn text(&self, item: Option<&Value>, field: &str) -> String {
        match item.and_then(|item| item.get(field)) {
            Some(Value::String(text)) => text.clone(),
            _ => String::new(),
        }
    }

    fn label(&self, kind: Kind, key: &str, item: Option<&Value>) -> String {
        let quoted = |text: String| format!("“{}”", clip(&text, 80));
        match kind {
            Kind::Plan => "Plan".to_string(),
            Kind::Metric => format!("Metric {}", quoted(self.text(item, "name"))),
            Kind::Holiday => format!("Holiday {key} {}", quoted(self.text(item, "name"))),
            Kind::Skill => format!("Skill {}", quoted(self.text(item, "name"))),
            Kind::Person => format!("Person {}", quoted(self.text(item, "name"))),
            Kind::Activity => format!("Activity {}", quoted(self.text(item, "title"))),
            Kind::Scenario => format!("Scenario {}", quoted(self.text(item, "name"))),
            Kind::Allocation => {
                let who = match item.and_then(|item| item.get("person")) {
                    Some(Value::String(person)) => self.name(person),
                    _ => match item.and_then(|item| lookup(item, "placeholder.role")) {
                        Some(Value::String(role)) => format!("{role} (role)"),
                        _ => match item.and_then(|item| item.get("open_role")) {
                            Some(Value::String(role)) => format!("{} (open role)", self.name(role)),
                            _ => "someone".to_string(),
                        },
                    },
                };
                let on = self.name(&self.text(item, "activity"));
                format!("Allocation: {} on {}", clip(&who, 60), quoted(on))
            }
            Kind::CheckIn => format!("Check-in of {}", self.text(item, "date")),
            Kind::Role => format!("Open role {}", quoted(self.text(item, "title"))),
            Kind::Cadence => match self.text(item, "title").as_str() {
                "" => format!(
                    "Cadence {}",
                    quoted(self.text(item, "kind").replace('_', " "))
                ),
                title => format!("Cadence {}", quoted(title.to_string())),
            },
            Kind::PriorityPin => format!("Priority pin of {}", quoted(self.name(key))),
        }
    }

    /// A few words about a thing that was added.
    fn brief(&self, kind: Kind, item: &Value) -> String {
        let show = |field: &str| item.get(field).map(|value| self.show(field, value));
        match kind {
            Kind::Allocation => format!(
                "{} h a week, {} to {}, {}",
                show("hours_per_week").unwrap_or_default(),
                show("first_week").unwrap_or_default(),
                show("last_week").unwrap_or_default(),
                show("commitment").unwrap_or_default(),
            ),
            Kind::Activity => format!(
                "owner {}, deadline {}",
                show("owner").unwrap_or_default(),
                show("deadline").unwrap_or_default()
            ),
            Kind::Person => format!(
                "{}, {} h a week",
                show("role").unwrap_or_default(),
                show("weekly_hours").unwrap_or_default()
            ),
            _ => String::new(),
        }
    }

    /// A value as people read it.
    fn show(&self, field: &str, value: &Value) -> String {
        match value {
            Value::Null => "none".to_string(),
            Value::Bool(true) => "yes".to_string(),
            Value::Bool(false) => "no".to_string(),
            Value::Number(number) => match number.as_f64() {
                Some(number) => hours(number),
                None => number.to_string(),
            },
            Value::String(text) if text.is_empty() => "(empty)".to_string(),
            Value::String(text) => match self.by_id.get(text) {
                Some(name) if REFERENCES.contains(&field) => clip(name, 80),
                _ => clip(&text.replace('_', " "), 120),
            },
            Value::Array(items) if items.is_empty() => "none".to_string(),
            Value::Array(items) => {
                let mut shown: Vec<String> = items
                    .iter()
                    .take(5)
                    .map(|item| self.show(field, item))
                    .collect();
                if items.len() > 5 {
                    shown.push(format!("… ({} in all)", items.len()));
                }
                shown.join("; ")
            }
            Value::Object(object) => show_object(self, object),
        }
    }
}

fn show_object(names: &Names, object: &Map<String, Value>) -> String {
    object
        .iter()
        .filter(|(_, value)| {
            !matches!(value, Value::Null) && value != &&Value::String(String::new())
        })
        .map(|(field, value)| names.show(field, value))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `16` for 16.0, `7.5` for 7.5.
fn hours(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{}", (number * 100.0).round() / 100.0)
    }
}

fn clip(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_string()
    } else {
        let mut clipped: String = text.chars().take(limit - 1).collect();
        clipped.push('…');
        clipped
    }
}

/// `deadline: 1 Dec → 8 Dec (7 days later)`; numbers and dates get their
/// difference.
fn describe_change(
    field: &str,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    names: &Names,
) -> String {
    let name = field.rsplit('.').next().unwrap_or(field);
    let show =
        |value: Option<&Value>| value.map_or("none".to_string(), |value| names.show(name, value));
    let mut text = format!(
        "{}: {} → {}",
        field.replace(['_', '.'], " "),
        show(ours),
        show(theirs)
    );
    if let Some(difference) = difference(ours, theirs) {
        text.push_str(&format!(" ({difference})"));
    }
    text
}

fn difference(ours: Option<&Value>, theirs: Option<&Value>) -> Option<String> {
    match (ours?, theirs?) {
        (Value::Number(before), Value::Number(after)) => {
            let change = after.as_f64()? - before.as_f64()?;
            Some(if change > 0.0 {
                format!("+{}", hours(change))
            } else {
                format!("−{}", hours(-change))
            })
        }
        (Value::String(before), Value::String(after)) => {
            if let (Some(before), Some(after)) = (parse_iso_date(before), parse_iso_date(after)) {
                let days = (after - before).num_days();
                return Some(later_or_earlier(days, "day"));
            }
            let (before, after) = (before.parse::<Week>().ok()?, after.parse::<Week>().ok()?);
            let weeks = (after.monday() - before.monday()).num_days() / 7;
            Some(later_or_earlier(weeks, "week"))
        }
        _ => None,
    }
}

fn later_or_earlier(count: i64, unit: &str) -> String {
    let plural = if count.abs() == 1 { "" } else { "s" };
    if count >= 0 {
        format!("{count} {unit}{plural} later")
    } else {
        format!("{} {unit}{plural} earlier", -count)
    }
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
