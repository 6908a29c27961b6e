//! Changes in words: the names of things by id, values as people read
//! them, and the difference of numbers, dates and weeks.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{lookup, Kind, REFERENCES};
use crate::model::{parse_iso_date, Week};

/// Names of the things of both plans by id, to show "Ann Lee" for `per-3`.
pub(super) struct Names {
    by_id: HashMap<String, String>,
}

impl Names {
    pub(super) fn of(plans: &[&Value]) -> Names {
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

    pub(super) fn label(&self, kind: Kind, key: &str, item: Option<&Value>) -> String {
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
    pub(super) fn brief(&self, kind: Kind, item: &Value) -> String {
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
pub(super) fn describe_change(
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
