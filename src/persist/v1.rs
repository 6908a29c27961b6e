//! Version 1 of the plan file format. Frozen: once released, these types
//! never change; a new format is a new module with a migration from this one.
//!
//! Lists are written in id order and every field is written (absent values
//! as `null`), so two exports of one plan are byte-identical and a plan file
//! in a git repository diffs one field a line.

use serde::{Deserialize, Serialize};

use crate::model::{
    self, ActivityId, AllocationId, CheckInId, MetricId, NaiveDate, PersonId, PlanId, SkillId, Week,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub goal: Goal,
    pub horizon: Horizon,
    pub review_weekday: Weekday,
    #[serde(default)]
    pub resources: Resources,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(default)]
    pub allocations: Vec<Allocation>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub outcome: String,
    #[serde(default)]
    pub metric_name: String,
    #[serde(default)]
    pub baseline: f64,
    #[serde(default)]
    pub target: f64,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    pub start: Week,
    pub weeks: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    #[serde(default)]
    pub budget: Option<f64>,
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub headcount_note: String,
    #[serde(default)]
    pub tooling: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: MetricId,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: f64,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub date: NaiveDate,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    #[serde(default)]
    pub category: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub team: String,
    pub weekly_hours: f64,
    pub working_days: Vec<Weekday>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub support_hours_per_week: f64,
    #[serde(default)]
    pub leave: Vec<Leave>,
    #[serde(default)]
    pub skills: Vec<SkillLevel>,
    #[serde(default)]
    pub certifications: Vec<Certification>,
    #[serde(default)]
    pub cost_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default = "whole_day")]
    pub day_fraction: f64,
    #[serde(default)]
    pub note: String,
}

fn whole_day() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillLevel {
    pub skill: SkillId,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub name: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub expires: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: ActivityId,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: Option<PersonId>,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub checkin: Option<NaiveDate>,
    #[serde(default)]
    pub done_definition: DoneDefinition,
    pub status: Status,
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    pub impact: u8,
    #[serde(default)]
    pub effort_hours: f64,
    pub kind: ActivityKind,
    #[serde(default)]
    pub client: String,
    pub commitment: Commitment,
    #[serde(default)]
    pub depends_on: Vec<ActivityId>,
    #[serde(default)]
    pub required_skills: Vec<SkillRequirement>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneDefinition {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub text: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Blocked,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub date: NaiveDate,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Project,
    ManagedService,
    Support,
    Internal,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    Confirmed,
    Tentative,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillRequirement {
    pub skill: SkillId,
    pub min_level: u8,
}

/// An allocation names either a `person` or a `placeholder`, never both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    pub id: AllocationId,
    #[serde(default)]
    pub person: Option<PersonId>,
    #[serde(default)]
    pub placeholder: Option<Placeholder>,
    pub activity: ActivityId,
    pub hours_per_week: f64,
    pub first_week: Week,
    pub last_week: Week,
    pub commitment: Commitment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholder {
    pub role: String,
    #[serde(default)]
    pub skills: Vec<SkillRequirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    pub id: CheckInId,
    pub date: NaiveDate,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub entries: Vec<CheckInEntry>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInEntry {
    pub activity: ActivityId,
    #[serde(default)]
    pub moved: String,
    #[serde(default)]
    pub blocked: String,
    #[serde(default)]
    pub covers_midpoint: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub text: String,
    #[serde(default)]
    pub owner: Option<PersonId>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
}

/// A v1 file that parsed but cannot become a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub path: String,
    pub reason: String,
}

impl Plan {
    /// Converts the file's plan into the domain plan.
    pub fn into_model(self) -> Result<model::Plan, ShapeError> {
        let allocations = self
            .allocations
            .into_iter()
            .enumerate()
            .map(|(index, allocation)| allocation.into_model(index))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(model::Plan {
            id: self.id,
            name: self.name,
            goal: model::StrategicGoal {
                outcome: self.goal.outcome,
                metric_name: self.goal.metric_name,
                baseline: self.goal.baseline,
                target: self.goal.target,
                unit: self.goal.unit,
                target_date: self.goal.target_date,
            },
            horizon: model::Horizon {
                start: self.horizon.start,
                weeks: self.horizon.weeks,
            },
            review_weekday: self.review_weekday.into(),
            resources: model::Resources {
                budget: self.resources.budget,
                currency: self.resources.currency,
                headcount_note: self.resources.headcount_note,
                tooling: self.resources.tooling,
            },
            metrics: self.metrics.into_iter().map(Into::into).collect(),
            holidays: self
                .holidays
                .into_iter()
                .map(|holiday| model::Holiday {
                    date: holiday.date,
                    name: holiday.name,
                })
                .collect(),
            skills: self
                .skills
                .into_iter()
                .map(|skill| model::Skill {
                    id: skill.id,
                    name: skill.name,
                    category: skill.category,
                })
                .collect(),
            people: self.people.into_iter().map(Into::into).collect(),
            activities: self.activities.into_iter().map(Into::into).collect(),
            allocations,
            checkins: self.checkins.into_iter().map(Into::into).collect(),
        })
    }

    /// Converts a domain plan into the file's plan, lists in id order.
    pub fn from_model(plan: &model::Plan) -> Plan {
        let mut plan = plan.clone();
        plan.sort_canonically();
        Plan {
            id: plan.id,
            name: plan.name,
            goal: Goal {
                outcome: plan.goal.outcome,
                metric_name: plan.goal.metric_name,
                baseline: plan.goal.baseline,
                target: plan.goal.target,
                unit: plan.goal.unit,
                target_date: plan.goal.target_date,
            },
            horizon: Horizon {
                start: plan.horizon.start,
                weeks: plan.horizon.weeks,
            },
            review_weekday: plan.review_weekday.into(),
            resources: Resources {
                budget: plan.resources.budget,
                currency: plan.resources.currency,
                headcount_note: plan.resources.headcount_note,
                tooling: plan.resources.tooling,
            },
            metrics: plan.metrics.into_iter().map(Into::into).collect(),
            holidays: plan
                .holidays
                .into_iter()
                .map(|holiday| Holiday {
                    date: holiday.date,
                    name: holiday.name,
                })
                .collect(),
            skills: plan
                .skills
                .into_iter()
                .map(|skill| Skill {
                    id: skill.id,
                    name: skill.name,
                    category: skill.category,
                })
                .collect(),
            people: plan.people.into_iter().map(Into::into).collect(),
            activities: plan.activities.into_iter().map(Into::into).collect(),
            allocations: plan.allocations.into_iter().map(Into::into).collect(),
            checkins: plan.checkins.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Weekday> for model::Weekday {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Monday => model::Weekday::Mon,
            Weekday::Tuesday => model::Weekday::Tue,
            Weekday::Wednesday => model::Weekday::Wed,
            Weekday::Thursday => model::Weekday::Thu,
            Weekday::Friday => model::Weekday::Fri,
            Weekday::Saturday => model::Weekday::Sat,
            Weekday::Sunday => model::Weekday::Sun,
        }
    }
}

impl From<model::Weekday> for Weekday {
    fn from(day: model::Weekday) -> Self {
        match day {
            model::Weekday::Mon => Weekday::Monday,
            model::Weekday::Tue => Weekday::Tuesday,
            model::Weekday::Wed => Weekday::Wednesday,
            model::Weekday::Thu => Weekday::Thursday,
            model::Weekday::Fri => Weekday::Friday,
            model::Weekday::Sat => Weekday::Saturday,
            model::Weekday::Sun => Weekday::Sunday,
        }
    }
}

impl From<Metric> for model::SuccessMetric {
    fn from(metric: Metric) -> Self {
        model::SuccessMetric {
            id: metric.id,
            name: metric.name,
            unit: metric.unit,
            baseline: metric.baseline,
            target: metric.target,
            current: metric.current,
            direction: match metric.direction {
                Direction::HigherIsBetter => model::Direction::HigherIsBetter,
                Direction::LowerIsBetter => model::Direction::LowerIsBetter,
            },
        }
    }
}

impl From<model::SuccessMetric> for Metric {
    fn from(metric: model::SuccessMetric) -> Self {
        Metric {
            id: metric.id,
            name: metric.name,
            unit: metric.unit,
            baseline: metric.baseline,
            target: metric.target,
            current: metric.current,
            direction: match metric.direction {
                model::Direction::HigherIsBetter => Direction::HigherIsBetter,
                model::Direction::LowerIsBetter => Direction::LowerIsBetter,
            },
        }
    }
}

impl From<Person> for model::Person {
    fn from(person: Person) -> Self {
        model::Person {
            id: person.id,
            name: person.name,
            role: person.role,
            team: person.team,
            weekly_hours: person.weekly_hours,
            working_days: person.working_days.into_iter().map(Into::into).collect(),
            start_date: person.start_date,
            end_date: person.end_date,
            support_hours_per_week: person.support_hours_per_week,
            leave: person
                .leave
                .into_iter()
                .map(|leave| model::Leave {
                    start: leave.start,
                    end: leave.end,
                    day_fraction: leave.day_fraction,
                    note: leave.note,
                })
                .collect(),
            skills: person
                .skills
                .into_iter()
                .map(|held| model::SkillLevel {
                    skill: held.skill,
                    level: held.level,
                })
                .collect(),
            certifications: person
                .certifications
                .into_iter()
                .map(|certification| model::Certification {
                    name: certification.name,
                    issuer: certification.issuer,
                    expires: certification.expires,
                })
                .collect(),
            cost_rate: person.cost_rate,
        }
    }
}

impl From<model::Person> for Person {
    fn from(person: model::Person) -> Self {
        Person {
            id: person.id,
            name: person.name,
            role: person.role,
            team: person.team,
            weekly_hours: person.weekly_hours,
            working_days: person.working_days.into_iter().map(Into::into).collect(),
            start_date: person.start_date,
            end_date: person.end_date,
            support_hours_per_week: person.support_hours_per_week,
            leave: person
                .leave
                .into_iter()
                .map(|leave| Leave {
                    start: leave.start,
                    end: leave.end,
                    day_fraction: leave.day_fraction,
                    note: leave.note,
                })
                .collect(),
            skills: person
                .skills
                .into_iter()
                .map(|held| SkillLevel {
                    skill: held.skill,
                    level: held.level,
                })
                .collect(),
            certifications: person
                .certifications
                .into_iter()
                .map(|certification| Certification {
                    name: certification.name,
                    issuer: certification.issuer,
                    expires: certification.expires,
                })
                .collect(),
            cost_rate: person.cost_rate,
        }
    }
}

impl From<Status> for model::Status {
    fn from(status: Status) -> Self {
        match status {
            Status::NotStarted => model::Status::NotStarted,
            Status::InProgress => model::Status::InProgress,
            Status::Blocked => model::Status::Blocked,
            Status::Done => model::Status::Done,
        }
    }
}

impl From<model::Status> for Status {
    fn from(status: model::Status) -> Self {
        match status {
            model::Status::NotStarted => Status::NotStarted,
            model::Status::InProgress => Status::InProgress,
            model::Status::Blocked => Status::Blocked,
            model::Status::Done => Status::Done,
        }
    }
}

impl From<Commitment> for model::Commitment {
    fn from(commitment: Commitment) -> Self {
        match commitment {
            Commitment::Confirmed => model::Commitment::Confirmed,
            Commitment::Tentative => model::Commitment::Tentative,
        }
    }
}

impl From<model::Commitment> for Commitment {
    fn from(commitment: model::Commitment) -> Self {
        match commitment {
            model::Commitment::Confirmed => Commitment::Confirmed,
            model::Commitment::Tentative => Commitment::Tentative,
        }
    }
}

impl From<SkillRequirement> for model::SkillRequirement {
    fn from(requirement: SkillRequirement) -> Self {
        model::SkillRequirement {
            skill: requirement.skill,
            min_level: requirement.min_level,
        }
    }
}

impl From<model::SkillRequirement> for SkillRequirement {
    fn from(requirement: model::SkillRequirement) -> Self {
        SkillRequirement {
            skill: requirement.skill,
            min_level: requirement.min_level,
        }
    }
}

impl From<Activity> for model::Activity {
    fn from(activity: Activity) -> Self {
        model::Activity {
            id: activity.id,
            title: activity.title,
            description: activity.description,
            owner: activity.owner,
            start: activity.start,
            deadline: activity.deadline,
            checkin: activity.checkin,
            done_definition: model::DoneDefinition {
                text: activity.done_definition.text,
                checklist: activity
                    .done_definition
                    .checklist
                    .into_iter()
                    .map(|item| model::ChecklistItem {
                        text: item.text,
                        done: item.done,
                        done_on: item.done_on,
                    })
                    .collect(),
            },
            status: activity.status.into(),
            status_history: activity
                .status_history
                .into_iter()
                .map(|change| model::StatusChange {
                    date: change.date,
                    status: change.status.into(),
                })
                .collect(),
            impact: activity.impact,
            effort_hours: activity.effort_hours,
            kind: match activity.kind {
                ActivityKind::Project => model::ActivityKind::Project,
                ActivityKind::ManagedService => model::ActivityKind::ManagedService,
                ActivityKind::Support => model::ActivityKind::Support,
                ActivityKind::Internal => model::ActivityKind::Internal,
            },
            client: activity.client,
            commitment: activity.commitment.into(),
            depends_on: activity.depends_on,
            required_skills: activity
                .required_skills
                .into_iter()
                .map(Into::into)
                .collect(),
        }
    }
}

impl From<model::Activity> for Activity {
    fn from(activity: model::Activity) -> Self {
        Activity {
            id: activity.id,
            title: activity.title,
            description: activity.description,
            owner: activity.owner,
            start: activity.start,
            deadline: activity.deadline,
            checkin: activity.checkin,
            done_definition: DoneDefinition {
                text: activity.done_definition.text,
                checklist: activity
                    .done_definition
                    .checklist
                    .into_iter()
                    .map(|item| ChecklistItem {
                        text: item.text,
                        done: item.done,
                        done_on: item.done_on,
                    })
                    .collect(),
            },
            status: activity.status.into(),
            status_history: activity
                .status_history
                .into_iter()
                .map(|change| StatusChange {
                    date: change.date,
                    status: change.status.into(),
                })
                .collect(),
            impact: activity.impact,
            effort_hours: activity.effort_hours,
            kind: match activity.kind {
                model::ActivityKind::Project => ActivityKind::Project,
                model::ActivityKind::ManagedService => ActivityKind::ManagedService,
                model::ActivityKind::Support => ActivityKind::Support,
                model::ActivityKind::Internal => ActivityKind::Internal,
            },
            client: activity.client,
            commitment: activity.commitment.into(),
            depends_on: activity.depends_on,
            required_skills: activity
                .required_skills
                .into_iter()
                .map(Into::into)
                .collect(),
        }
    }
}

impl Allocation {
    fn into_model(self, index: usize) -> Result<model::Allocation, ShapeError> {
        let assignee = match (self.person, self.placeholder) {
            (Some(person), None) => model::Assignee::Person(person),
            (None, Some(placeholder)) => model::Assignee::Placeholder {
                role: placeholder.role,
                skills: placeholder.skills.into_iter().map(Into::into).collect(),
            },
            (Some(_), Some(_)) => {
                return Err(ShapeError {
                    path: format!("plan.allocations[{index}]"),
                    reason: "names both a person and a placeholder: keep one".to_string(),
                })
            }
            (None, None) => {
                return Err(ShapeError {
                    path: format!("plan.allocations[{index}]"),
                    reason: "names neither a person nor a placeholder".to_string(),
                })
            }
        };
        Ok(model::Allocation {
            id: self.id,
            assignee,
            activity: self.activity,
            hours_per_week: self.hours_per_week,
            first_week: self.first_week,
            last_week: self.last_week,
            commitment: self.commitment.into(),
        })
    }
}

impl From<model::Allocation> for Allocation {
    fn from(allocation: model::Allocation) -> Self {
        let (person, placeholder) = match allocation.assignee {
            model::Assignee::Person(person) => (Some(person), None),
            model::Assignee::Placeholder { role, skills } => (
                None,
                Some(Placeholder {
                    role,
                    skills: skills.into_iter().map(Into::into).collect(),
                }),
            ),
        };
        Allocation {
            id: allocation.id,
            person,
            placeholder,
            activity: allocation.activity,
            hours_per_week: allocation.hours_per_week,
            first_week: allocation.first_week,
            last_week: allocation.last_week,
            commitment: allocation.commitment.into(),
        }
    }
}

impl From<CheckIn> for model::CheckIn {
    fn from(checkin: CheckIn) -> Self {
        model::CheckIn {
            id: checkin.id,
            date: checkin.date,
            summary: checkin.summary,
            entries: checkin
                .entries
                .into_iter()
                .map(|entry| model::CheckInEntry {
                    activity: entry.activity,
                    moved: entry.moved,
                    blocked: entry.blocked,
                    covers_midpoint: entry.covers_midpoint,
                })
                .collect(),
            decisions: checkin
                .decisions
                .into_iter()
                .map(|decision| model::Decision {
                    text: decision.text,
                    owner: decision.owner,
                    due: decision.due,
                })
                .collect(),
        }
    }
}

impl From<model::CheckIn> for CheckIn {
    fn from(checkin: model::CheckIn) -> Self {
        CheckIn {
            id: checkin.id,
            date: checkin.date,
            summary: checkin.summary,
            entries: checkin
                .entries
                .into_iter()
                .map(|entry| CheckInEntry {
                    activity: entry.activity,
                    moved: entry.moved,
                    blocked: entry.blocked,
                    covers_midpoint: entry.covers_midpoint,
                })
                .collect(),
            decisions: checkin
                .decisions
                .into_iter()
                .map(|decision| Decision {
                    text: decision.text,
                    owner: decision.owner,
                    due: decision.due,
                })
                .collect(),
        }
    }
}
