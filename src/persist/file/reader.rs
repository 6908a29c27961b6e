//! The one reader of the current version: a file's JSON into a plan,
//! naming the path and reason of the first fault.

use super::*;
use crate::persist::read::{item_at, parsed, text, Object, Read};

pub(super) const PLAN_FIELDS: &[&str] = &[
    "id",
    "name",
    "goal",
    "horizon",
    "review_weekday",
    "resources",
    "metrics",
    "holidays",
    "skills",
    "people",
    "activities",
    "allocations",
    "scenarios",
    "checkins",
    "roles",
    "cadences",
    "priority_pins",
    "settings",
];
pub(super) const WEEKDAYS: &[(&str, model::Weekday)] = &[
    ("monday", model::Weekday::Mon),
    ("tuesday", model::Weekday::Tue),
    ("wednesday", model::Weekday::Wed),
    ("thursday", model::Weekday::Thu),
    ("friday", model::Weekday::Fri),
    ("saturday", model::Weekday::Sat),
    ("sunday", model::Weekday::Sun),
];
pub(super) const STATUSES: &[(&str, model::Status)] = &[
    ("not_started", model::Status::NotStarted),
    ("in_progress", model::Status::InProgress),
    ("blocked", model::Status::Blocked),
    ("done", model::Status::Done),
];
pub(super) const KINDS: &[(&str, model::ActivityKind)] = &[
    ("project", model::ActivityKind::Project),
    ("managed_service", model::ActivityKind::ManagedService),
    ("support", model::ActivityKind::Support),
    ("internal", model::ActivityKind::Internal),
];
pub(super) const SCOPES: &[(&str, model::Scope)] = &[
    ("initiative", model::Scope::Initiative),
    ("book", model::Scope::Book),
];
pub(super) const PERIODS: &[(&str, model::Period)] = &[
    ("week", model::Period::Week),
    ("month", model::Period::Month),
];
pub(super) const DEAL_STAGES: &[(&str, model::DealStage)] = &[
    ("lead", model::DealStage::Lead),
    ("qualified", model::DealStage::Qualified),
    ("proposal", model::DealStage::Proposal),
    ("negotiation", model::DealStage::Negotiation),
];
pub(super) const COMMITMENTS: &[(&str, model::Commitment)] = &[
    ("confirmed", model::Commitment::Confirmed),
    ("tentative", model::Commitment::Tentative),
];
pub(super) const EMPLOYMENTS: &[(&str, model::Employment)] = &[
    ("employee", model::Employment::Employee),
    ("contractor", model::Employment::Contractor),
    ("partner", model::Employment::Partner),
];
pub(super) const ROLE_STATUSES: &[(&str, model::RoleStatus)] = &[
    ("planned", model::RoleStatus::Planned),
    ("approved", model::RoleStatus::Approved),
    ("interviewing", model::RoleStatus::Interviewing),
    ("offer", model::RoleStatus::Offer),
    ("filled", model::RoleStatus::Filled),
];
pub(super) const CADENCE_KINDS: &[(&str, model::CadenceKind)] = &[
    ("weekly_ops_sync", model::CadenceKind::WeeklyOpsSync),
    (
        "monthly_service_review",
        model::CadenceKind::MonthlyServiceReview,
    ),
    (
        "quarterly_strategy_review",
        model::CadenceKind::QuarterlyStrategyReview,
    ),
    ("custom", model::CadenceKind::Custom),
];
pub(super) const FREQUENCIES: &[(&str, model::Frequency)] = &[
    ("weekly", model::Frequency::Weekly),
    ("monthly", model::Frequency::Monthly),
    ("quarterly", model::Frequency::Quarterly),
];
pub(super) const DIRECTIONS: &[(&str, model::Direction)] = &[
    ("higher_is_better", model::Direction::HigherIsBetter),
    ("lower_is_better", model::Direction::LowerIsBetter),
];
pub(super) const ID: &str = "an id such as \"act-1\"";
pub(super) const WEEK: &str = "an ISO week such as \"2026-W48\"";

/// Reads the `plan` of a file of the current version.
pub fn read_plan(value: &Value) -> Read<model::Plan> {
    let plan = Object::new(value, "plan", PLAN_FIELDS)?;
    let goal = plan.object(
        "goal",
        &[
            "outcome",
            "metric_name",
            "baseline",
            "target",
            "unit",
            "target_date",
        ],
    )?;
    let horizon = plan.object("horizon", &["start", "weeks"])?;
    let resources = plan.optional_object(
        "resources",
        &["budget", "currency", "headcount_note", "tooling"],
    )?;
    Ok(model::Plan {
        id: plan.parsed("id", "a plan id such as \"plan-1\"")?,
        name: plan.string("name")?,
        goal: model::StrategicGoal {
            outcome: goal.string("outcome")?,
            metric_name: goal.string_or_empty("metric_name")?,
            baseline: goal.number_or("baseline", 0.0)?,
            target: goal.number_or("target", 0.0)?,
            unit: goal.string_or_empty("unit")?,
            target_date: goal.optional_date("target_date")?,
        },
        horizon: model::Horizon {
            start: horizon.parsed("start", WEEK)?,
            weeks: horizon.whole("weeks", u32::MAX.into())? as u32,
        },
        review_weekday: plan.choice("review_weekday", WEEKDAYS)?,
        resources: match resources {
            None => model::Resources::default(),
            Some(resources) => model::Resources {
                budget: resources.optional_number("budget")?,
                currency: resources.string_or_empty("currency")?,
                headcount_note: resources.string_or_empty("headcount_note")?,
                tooling: resources.list("tooling", |value, path| item_at(path, text(value)))?,
            },
        },
        metrics: plan.list("metrics", |value, path| {
            let metric = Object::new(
                value,
                path,
                &[
                    "id",
                    "name",
                    "unit",
                    "baseline",
                    "target",
                    "current",
                    "direction",
                ],
            )?;
            Ok(model::SuccessMetric {
                id: metric.parsed("id", ID)?,
                name: metric.string("name")?,
                unit: metric.string_or_empty("unit")?,
                baseline: metric.number("baseline")?,
                target: metric.number("target")?,
                current: metric.number("current")?,
                direction: metric.choice("direction", DIRECTIONS)?,
            })
        })?,
        holidays: plan.list("holidays", |value, path| {
            let holiday = Object::new(value, path, &["date", "name"])?;
            Ok(model::Holiday {
                date: holiday.date("date")?,
                name: holiday.string_or_empty("name")?,
            })
        })?,
        skills: plan.list("skills", |value, path| {
            let skill = Object::new(value, path, &["id", "name", "category"])?;
            Ok(model::Skill {
                id: skill.parsed("id", ID)?,
                name: skill.string("name")?,
                category: skill.string_or_empty("category")?,
            })
        })?,
        people: plan.list("people", read_person)?,
        activities: plan.list("activities", read_activity)?,
        allocations: plan.list("allocations", read_allocation)?,
        scenarios: plan.list("scenarios", |value, path| {
            let scenario = Object::new(value, path, &["id", "name"])?;
            Ok(model::Scenario {
                id: scenario.parsed("id", ID)?,
                name: scenario.string("name")?,
            })
        })?,
        checkins: plan.list("checkins", read_checkin)?,
        roles: plan.list("roles", read_role)?,
        cadences: plan.list("cadences", read_cadence)?,
        settings: match plan.optional_object(
            "settings",
            &["stale_after_days", "owner_away_share", "overload_share"],
        )? {
            None => model::RiskSettings::default(),
            Some(settings) => {
                let defaults = model::RiskSettings::default();
                model::RiskSettings {
                    stale_after_days: settings
                        .optional_whole("stale_after_days", 366)?
                        .map_or(defaults.stale_after_days, |days| days as u32),
                    owner_away_share: settings
                        .number_or("owner_away_share", defaults.owner_away_share)?,
                    overload_share: settings
                        .number_or("overload_share", defaults.overload_share)?,
                }
            }
        },
        priority_pins: plan.list("priority_pins", |value, path| {
            let pin = Object::new(value, path, &["activity", "position"])?;
            Ok(model::PriorityPin {
                activity: pin.parsed("activity", ID)?,
                position: pin.whole("position", u32::MAX.into())? as u32,
            })
        })?,
        // Set from the envelope's profile and origin by `decode`.
        client_copy: false,
        lineage: None,
    })
}

pub(super) fn read_requirement(value: &Value, path: &str) -> Read<model::SkillRequirement> {
    let requirement = Object::new(value, path, &["skill", "min_level"])?;
    Ok(model::SkillRequirement {
        skill: requirement.parsed("skill", ID)?,
        min_level: requirement.whole("min_level", u8::MAX.into())? as u8,
    })
}

pub(super) fn read_person(value: &Value, path: &str) -> Read<model::Person> {
    let person = Object::new(
        value,
        path,
        &[
            "id",
            "name",
            "email",
            "role",
            "team",
            "weekly_hours",
            "working_days",
            "start_date",
            "end_date",
            "support_hours_per_week",
            "support_periods",
            "leave",
            "skills",
            "certifications",
            "cost_rate",
            "employment",
            "billable_target",
        ],
    )?;
    Ok(model::Person {
        id: person.parsed("id", ID)?,
        name: person.string("name")?,
        email: person.string_or_empty("email")?,
        role: person.string_or_empty("role")?,
        team: person.string_or_empty("team")?,
        weekly_hours: person.number("weekly_hours")?,
        working_days: person.list("working_days", |value, path| {
            let day = item_at(path, text(value))?;
            let known = WEEKDAYS.iter().find(|(name, _)| *name == day);
            item_at(
                path,
                known.map(|(_, day)| *day).ok_or_else(|| {
                    let day = crate::persist::read::shown(&day);
                    format!("\"{day}\" is not a weekday: use monday to sunday")
                }),
            )
        })?,
        start_date: person.optional_date("start_date")?,
        end_date: person.optional_date("end_date")?,
        support_hours_per_week: person.number_or("support_hours_per_week", 0.0)?,
        support_periods: person.list("support_periods", |value, path| {
            let period = Object::new(value, path, &["start", "end", "hours_per_week", "note"])?;
            Ok(model::SupportPeriod {
                start: period.date("start")?,
                end: period.date("end")?,
                hours_per_week: period.number("hours_per_week")?,
                note: period.string_or_empty("note")?,
            })
        })?,
        leave: person.list("leave", |value, path| {
            let leave = Object::new(value, path, &["start", "end", "day_fraction", "note"])?;
            Ok(model::Leave {
                start: leave.date("start")?,
                end: leave.date("end")?,
                day_fraction: leave.number_or("day_fraction", 1.0)?,
                note: leave.string_or_empty("note")?,
            })
        })?,
        skills: person.list("skills", |value, path| {
            let held = Object::new(value, path, &["skill", "level"])?;
            Ok(model::SkillLevel {
                skill: held.parsed("skill", ID)?,
                level: held.whole("level", u8::MAX.into())? as u8,
            })
        })?,
        certifications: person.list("certifications", |value, path| {
            let certification = Object::new(value, path, &["name", "issuer", "expires"])?;
            Ok(model::Certification {
                name: certification.string("name")?,
                issuer: certification.string_or_empty("issuer")?,
                expires: certification.optional_date("expires")?,
            })
        })?,
        cost_rate: person.optional_number("cost_rate")?,
        employment: match person.string_or_empty("employment")?.as_str() {
            // Files written by hand may leave it out.
            "" => model::Employment::Employee,
            _ => person.choice("employment", EMPLOYMENTS)?,
        },
        billable_target: person.optional_number("billable_target")?,
    })
}

pub(super) fn read_role(value: &Value, path: &str) -> Read<model::OpenRole> {
    let role = Object::new(
        value,
        path,
        &[
            "id",
            "title",
            "team",
            "skills",
            "weekly_hours",
            "start_date",
            "status",
            "cost_rate",
            "scenario",
            "filled_by",
        ],
    )?;
    Ok(model::OpenRole {
        id: role.parsed("id", ID)?,
        title: role.string("title")?,
        team: role.string_or_empty("team")?,
        skills: role.list("skills", |value, path| {
            let held = Object::new(value, path, &["skill", "level"])?;
            Ok(model::SkillLevel {
                skill: held.parsed("skill", ID)?,
                level: held.whole("level", u8::MAX.into())? as u8,
            })
        })?,
        weekly_hours: role.number("weekly_hours")?,
        start_date: role.date("start_date")?,
        status: role.choice("status", ROLE_STATUSES)?,
        cost_rate: role.optional_number("cost_rate")?,
        scenario: role.optional_parsed("scenario", ID)?,
        filled_by: role.optional_parsed("filled_by", ID)?,
    })
}

pub(super) fn read_cadence(value: &Value, path: &str) -> Read<model::Cadence> {
    let cadence = Object::new(
        value,
        path,
        &[
            "id",
            "kind",
            "title",
            "frequency",
            "weekday",
            "nth",
            "owner",
        ],
    )?;
    Ok(model::Cadence {
        id: cadence.parsed("id", ID)?,
        kind: cadence.choice("kind", CADENCE_KINDS)?,
        title: cadence.string_or_empty("title")?,
        frequency: cadence.choice("frequency", FREQUENCIES)?,
        weekday: cadence.choice("weekday", WEEKDAYS)?,
        nth: cadence
            .optional_whole("nth", u8::MAX.into())?
            .map(|nth| nth as u8),
        owner: cadence.optional_parsed("owner", ID)?,
    })
}

pub(super) fn read_activity(value: &Value, path: &str) -> Read<model::Activity> {
    let activity = Object::new(
        value,
        path,
        &[
            "id",
            "title",
            "description",
            "scope",
            "owner",
            "start",
            "deadline",
            "checkin",
            "done_definition",
            "status",
            "status_history",
            "impact",
            "effort_hours",
            "kind",
            "client",
            "commitment",
            "depends_on",
            "required_skills",
            "required_certifications",
            "billable",
            "bill_rate",
            "fixed_fee",
            "budget_hours",
            "responsible",
            "consulted",
            "informed",
            "contract",
            "deal",
        ],
    )?;
    let contract = match activity.optional_object("contract", &["hours", "period", "renewal"])? {
        None => None,
        Some(contract) => Some(model::Contract {
            hours: contract.number("hours")?,
            period: contract.choice("period", PERIODS)?,
            renewal: contract.optional_date("renewal")?,
        }),
    };
    let deal = match activity.optional_object("deal", &["stage", "probability"])? {
        None => None,
        Some(deal) => Some(model::Deal {
            stage: deal.choice("stage", DEAL_STAGES)?,
            probability: deal.number("probability")?,
        }),
    };
    let billing = match (
        activity.optional_number("bill_rate")?,
        activity.optional_number("fixed_fee")?,
    ) {
        (None, None) => model::Billing::NotBilled,
        (Some(rate), None) => model::Billing::Hourly { rate },
        (None, Some(amount)) => model::Billing::FixedFee { amount },
        (Some(_), Some(_)) => {
            return Err(crate::persist::ImportError::Field {
                path: format!("{path}.fixed_fee"),
                reason: "an activity is billed by the hour or at a fixed fee, not both: \
                         keep the bill rate or the fixed fee"
                    .to_string(),
            })
        }
    };
    let people = |field: &str| activity.list(field, |value, path| item_at(path, parsed(value, ID)));
    let done = activity.optional_object("done_definition", &["text", "checklist"])?;
    Ok(model::Activity {
        id: activity.parsed("id", ID)?,
        title: activity.string("title")?,
        description: activity.string_or_empty("description")?,
        scope: activity.choice("scope", SCOPES)?,
        owner: activity.optional_parsed("owner", ID)?,
        start: activity.optional_date("start")?,
        deadline: activity.optional_date("deadline")?,
        checkin: activity.optional_date("checkin")?,
        done_definition: match done {
            None => model::DoneDefinition::default(),
            Some(done) => model::DoneDefinition {
                text: done.string_or_empty("text")?,
                checklist: done.list("checklist", |value, path| {
                    let item = Object::new(value, path, &["text", "done", "done_on"])?;
                    Ok(model::ChecklistItem {
                        text: item.string("text")?,
                        done: item.flag_or_false("done")?,
                        done_on: item.optional_date("done_on")?,
                    })
                })?,
            },
        },
        status: activity.choice("status", STATUSES)?,
        status_history: activity.list("status_history", |value, path| {
            let change = Object::new(value, path, &["date", "status"])?;
            Ok(model::StatusChange {
                date: change.date("date")?,
                status: change.choice("status", STATUSES)?,
            })
        })?,
        impact: activity.whole("impact", u8::MAX.into())? as u8,
        effort_hours: activity.number_or("effort_hours", 0.0)?,
        kind: activity.choice("kind", KINDS)?,
        client: activity.string_or_empty("client")?,
        commitment: activity.choice("commitment", COMMITMENTS)?,
        depends_on: activity.list("depends_on", |value, path| item_at(path, parsed(value, ID)))?,
        required_skills: activity.list("required_skills", read_requirement)?,
        required_certifications: activity.list("required_certifications", |value, path| {
            item_at(path, text(value))
        })?,
        billable: activity.flag_or_false("billable")?,
        billing,
        budget_hours: activity.optional_number("budget_hours")?,
        responsible: people("responsible")?,
        consulted: people("consulted")?,
        informed: people("informed")?,
        contract,
        deal,
    })
}

pub(super) fn read_allocation(value: &Value, path: &str) -> Read<model::Allocation> {
    let allocation = Object::new(
        value,
        path,
        &[
            "id",
            "person",
            "placeholder",
            "open_role",
            "activity",
            "hours_per_week",
            "first_week",
            "last_week",
            "commitment",
            "scenario",
        ],
    )?;
    let person = allocation.optional_parsed("person", ID)?;
    let placeholder = allocation.optional_object("placeholder", &["role", "skills"])?;
    let open_role = allocation.optional_parsed("open_role", ID)?;
    let assignee = match (person, placeholder, open_role) {
        (Some(person), None, None) => model::Assignee::Person(person),
        (None, Some(placeholder), None) => model::Assignee::Placeholder {
            role: placeholder.string("role")?,
            skills: placeholder.list("skills", read_requirement)?,
        },
        (None, None, Some(role)) => model::Assignee::Role(role),
        (None, None, None) => {
            return Err(crate::persist::ImportError::Field {
                path: path.to_string(),
                reason: "names neither a person, a placeholder nor an open role".to_string(),
            })
        }
        (person, placeholder, open_role) => {
            let named: Vec<&str> = [
                person.map(|_| "a person"),
                placeholder.map(|_| "a placeholder"),
                open_role.map(|_| "an open role"),
            ]
            .into_iter()
            .flatten()
            .collect();
            let reason = match named.as_slice() {
                [first, second] => format!("names both {first} and {second}: keep one"),
                _ => "names a person, a placeholder and an open role: keep one".to_string(),
            };
            return Err(crate::persist::ImportError::Field {
                path: path.to_string(),
                reason,
            });
        }
    };
    Ok(model::Allocation {
        id: allocation.parsed("id", ID)?,
        assignee,
        activity: allocation.parsed("activity", ID)?,
        hours_per_week: allocation.number("hours_per_week")?,
        first_week: allocation.parsed("first_week", WEEK)?,
        last_week: allocation.parsed("last_week", WEEK)?,
        commitment: allocation.choice("commitment", COMMITMENTS)?,
        scenario: allocation.optional_parsed("scenario", ID)?,
    })
}

pub(super) fn read_checkin(value: &Value, path: &str) -> Read<model::CheckIn> {
    let checkin = Object::new(
        value,
        path,
        &["id", "date", "summary", "entries", "decisions"],
    )?;
    Ok(model::CheckIn {
        id: checkin.parsed("id", ID)?,
        date: checkin.date("date")?,
        summary: checkin.string_or_empty("summary")?,
        entries: checkin.list("entries", |value, path| {
            let entry = Object::new(
                value,
                path,
                &["activity", "moved", "blocked", "covers_midpoint"],
            )?;
            Ok(model::CheckInEntry {
                activity: entry.parsed("activity", ID)?,
                moved: entry.string_or_empty("moved")?,
                blocked: entry.string_or_empty("blocked")?,
                covers_midpoint: entry.flag_or_false("covers_midpoint")?,
            })
        })?,
        decisions: checkin.list("decisions", |value, path| {
            let decision = Object::new(value, path, &["text", "owner", "due", "decided_on"])?;
            Ok(model::Decision {
                text: decision.string("text")?,
                owner: decision.optional_parsed("owner", ID)?,
                due: decision.optional_date("due")?,
                decided_on: decision.optional_date("decided_on")?,
            })
        })?,
    })
}
