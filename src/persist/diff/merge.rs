//! The merge's work before a three-way comparison: lists inside things
//! merged item by item against the common version, and things both sides
//! added under one id kept apart by renumbering theirs and the references
//! to them.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{items, key_of, LISTS, REFERENCES};

/// Merges the lists inside things both sides changed (an activity's
/// `depends_on`, a person's `skills`) item by item against the common
/// version. Where the items do not collide, theirs becomes the merged list
/// and the common version ours, so the field reads as their change alone,
/// taken without asking; where they do, all three stay as they are and the
/// field is a conflict.
pub(super) fn merge_inner_lists(ours: &Value, theirs: &mut Value, base: &mut Value) {
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
pub(super) fn renumber_both_added(
    ours: &Value,
    theirs: &mut Value,
    base: &Value,
) -> Vec<(String, String)> {
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
