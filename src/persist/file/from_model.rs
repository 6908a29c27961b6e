//! A plan as the file writes it: the model's types turned into the file's.

use super::*;

impl Plan {
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
            scenarios: plan
                .scenarios
                .into_iter()
                .map(|scenario| Scenario {
                    id: scenario.id,
                    name: scenario.name,
                })
                .collect(),
            checkins: plan.checkins.into_iter().map(Into::into).collect(),
            roles: plan.roles.into_iter().map(Into::into).collect(),
            cadences: plan.cadences.into_iter().map(Into::into).collect(),
            priority_pins: plan
                .priority_pins
                .into_iter()
                .map(|pin| PriorityPin {
                    activity: pin.activity,
                    position: pin.position,
                })
                .collect(),
            settings: Settings {
                stale_after_days: plan.settings.stale_after_days,
                owner_away_share: plan.settings.owner_away_share,
                overload_share: plan.settings.overload_share,
            },
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

impl From<model::Person> for Person {
    fn from(person: model::Person) -> Self {
        Person {
            id: person.id,
            name: person.name,
            email: person.email,
            role: person.role,
            team: person.team,
            weekly_hours: person.weekly_hours,
            working_days: person.working_days.into_iter().map(Into::into).collect(),
            start_date: person.start_date,
            end_date: person.end_date,
            support_hours_per_week: person.support_hours_per_week,
            support_periods: person
                .support_periods
                .into_iter()
                .map(|period| SupportPeriod {
                    start: period.start,
                    end: period.end,
                    hours_per_week: period.hours_per_week,
                    note: period.note,
                })
                .collect(),
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
            employment: match person.employment {
                model::Employment::Employee => Employment::Employee,
                model::Employment::Contractor => Employment::Contractor,
                model::Employment::Partner => Employment::Partner,
            },
            billable_target: person.billable_target,
        }
    }
}

impl From<model::OpenRole> for Role {
    fn from(role: model::OpenRole) -> Self {
        Role {
            id: role.id,
            title: role.title,
            team: role.team,
            skills: role
                .skills
                .into_iter()
                .map(|held| SkillLevel {
                    skill: held.skill,
                    level: held.level,
                })
                .collect(),
            weekly_hours: role.weekly_hours,
            start_date: role.start_date,
            status: match role.status {
                model::RoleStatus::Planned => RoleStatus::Planned,
                model::RoleStatus::Approved => RoleStatus::Approved,
                model::RoleStatus::Interviewing => RoleStatus::Interviewing,
                model::RoleStatus::Offer => RoleStatus::Offer,
                model::RoleStatus::Filled => RoleStatus::Filled,
            },
            cost_rate: role.cost_rate,
            scenario: role.scenario,
            filled_by: role.filled_by,
        }
    }
}

impl From<model::Cadence> for Cadence {
    fn from(cadence: model::Cadence) -> Self {
        Cadence {
            id: cadence.id,
            kind: match cadence.kind {
                model::CadenceKind::WeeklyOpsSync => CadenceKind::WeeklyOpsSync,
                model::CadenceKind::MonthlyServiceReview => CadenceKind::MonthlyServiceReview,
                model::CadenceKind::QuarterlyStrategyReview => CadenceKind::QuarterlyStrategyReview,
                model::CadenceKind::Custom => CadenceKind::Custom,
            },
            title: cadence.title,
            frequency: match cadence.frequency {
                model::Frequency::Weekly => Frequency::Weekly,
                model::Frequency::Monthly => Frequency::Monthly,
                model::Frequency::Quarterly => Frequency::Quarterly,
            },
            weekday: cadence.weekday.into(),
            nth: cadence.nth,
            owner: cadence.owner,
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

impl From<model::Commitment> for Commitment {
    fn from(commitment: model::Commitment) -> Self {
        match commitment {
            model::Commitment::Confirmed => Commitment::Confirmed,
            model::Commitment::Tentative => Commitment::Tentative,
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

impl From<model::Activity> for Activity {
    fn from(activity: model::Activity) -> Self {
        Activity {
            id: activity.id,
            title: activity.title,
            description: activity.description,
            scope: match activity.scope {
                model::Scope::Initiative => Scope::Initiative,
                model::Scope::Book => Scope::Book,
            },
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
            required_certifications: activity.required_certifications,
            billable: activity.billable,
            bill_rate: match activity.billing {
                model::Billing::Hourly { rate } => Some(rate),
                _ => None,
            },
            fixed_fee: match activity.billing {
                model::Billing::FixedFee { amount } => Some(amount),
                _ => None,
            },
            budget_hours: activity.budget_hours,
            responsible: activity.responsible,
            consulted: activity.consulted,
            informed: activity.informed,
            contract: activity.contract.map(|contract| Contract {
                hours: contract.hours,
                period: match contract.period {
                    model::Period::Week => Period::Week,
                    model::Period::Month => Period::Month,
                },
                renewal: contract.renewal,
            }),
            deal: activity.deal.map(|deal| Deal {
                stage: match deal.stage {
                    model::DealStage::Lead => DealStage::Lead,
                    model::DealStage::Qualified => DealStage::Qualified,
                    model::DealStage::Proposal => DealStage::Proposal,
                    model::DealStage::Negotiation => DealStage::Negotiation,
                },
                probability: deal.probability,
            }),
        }
    }
}

impl From<model::Allocation> for Allocation {
    fn from(allocation: model::Allocation) -> Self {
        let (person, placeholder, open_role) = match allocation.assignee {
            model::Assignee::Person(person) => (Some(person), None, None),
            model::Assignee::Placeholder { role, skills } => (
                None,
                Some(Placeholder {
                    role,
                    skills: skills.into_iter().map(Into::into).collect(),
                }),
                None,
            ),
            model::Assignee::Role(role) => (None, None, Some(role)),
        };
        Allocation {
            id: allocation.id,
            person,
            placeholder,
            open_role,
            activity: allocation.activity,
            hours_per_week: allocation.hours_per_week,
            first_week: allocation.first_week,
            last_week: allocation.last_week,
            commitment: allocation.commitment.into(),
            scenario: allocation.scenario,
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
                    decided_on: decision.decided_on,
                })
                .collect(),
        }
    }
}

// Reading. Field lists double as the "unknown field" check; they must name
// every field of the structs above.
