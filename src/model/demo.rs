//! The demo plan a first visit opens: a small IT services firm cutting
//! client onboarding from 14 to 7 days. Dates are laid out around `today`, so
//! the demo always looks like a plan in flight.

use chrono::{Datelike, NaiveDate, Weekday};

use super::*;

/// The demo firm's made-up mail domain (`.example` is reserved for examples,
/// so no mail ever reaches anyone).
const MAIL_DOMAIN: &str = "harbourline-it.example";

/// A demo person's work email: `chloe.martin@harbourline-it.example` for
/// "Chloé Martin", `james.oconnor@…` for "James O'Connor".
fn work_email(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter_map(|letter| match letter {
                    'é' => Some('e'),
                    letter if letter.is_ascii_alphabetic() => Some(letter.to_ascii_lowercase()),
                    _ => None,
                })
                .collect()
        })
        .collect();
    format!("{}@{MAIL_DOMAIN}", words.join("."))
}

/// The demo plan, its horizon starting two weeks before the week of `today`.
pub fn demo_plan(id: PlanId, today: NaiveDate) -> Plan {
    let start = Week::containing(today).plus_weeks(-2);
    let day = |week: i64, weekday: Weekday| start.plus_weeks(week).day(weekday);
    let horizon = Horizon { start, weeks: 13 };

    let skills = skill_catalogue();
    let skill = |name: &str| {
        skills
            .iter()
            .find(|skill| skill.name == name)
            .map_or(SkillId(0), |skill| skill.id)
    };
    let levels = |pairs: &[(&str, u8)]| -> Vec<SkillLevel> {
        pairs
            .iter()
            .map(|(name, level)| SkillLevel {
                skill: skill(name),
                level: *level,
            })
            .collect()
    };
    let needs = |pairs: &[(&str, u8)]| -> Vec<SkillRequirement> {
        pairs
            .iter()
            .map(|(name, min_level)| SkillRequirement {
                skill: skill(name),
                min_level: *min_level,
            })
            .collect()
    };
    let person = |id: u32, name: &str, role: &str, team: &str| Person {
        email: work_email(name),
        role: role.to_string(),
        team: team.to_string(),
        ..Person::new(PersonId(id), name)
    };
    let cert = |name: &str, issuer: &str, expires: NaiveDate| Certification {
        name: name.to_string(),
        issuer: issuer.to_string(),
        expires: Some(expires),
    };

    let people = vec![
        Person {
            skills: levels(&[("Process design", 4), ("ITIL service management", 3)]),
            cost_rate: Some(78.0),
            employment: Employment::Partner,
            billable_target: Some(0.25),
            ..person(1, "Priya Raman", "Head of Delivery", "Leadership")
        },
        Person {
            skills: levels(&[("Azure", 4), ("AWS", 3), ("Terraform", 3)]),
            certifications: vec![
                cert(
                    "Azure Solutions Architect Expert",
                    "Microsoft",
                    day(60, Weekday::Fri),
                ),
                cert(
                    "AWS Solutions Architect – Associate",
                    "Amazon Web Services",
                    day(9, Weekday::Wed),
                ),
            ],
            cost_rate: Some(72.0),
            billable_target: Some(0.6),
            ..person(2, "Tom Becker", "Cloud Architect", "Cloud")
        },
        Person {
            weekly_hours: 32.0,
            working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
            skills: levels(&[("Azure", 3), ("Terraform", 2), ("PowerShell automation", 3)]),
            certifications: vec![cert(
                "Azure Administrator Associate",
                "Microsoft",
                day(40, Weekday::Mon),
            )],
            cost_rate: Some(58.0),
            billable_target: Some(0.75),
            ..person(3, "Lena Novak", "Cloud Engineer", "Cloud")
        },
        Person {
            skills: levels(&[
                ("Kubernetes", 4),
                ("CI/CD pipelines", 4),
                ("Terraform", 3),
                ("AWS", 2),
            ]),
            certifications: vec![cert(
                "Certified Kubernetes Administrator",
                "CNCF",
                day(30, Weekday::Tue),
            )],
            cost_rate: Some(95.0),
            employment: Employment::Contractor,
            billable_target: Some(0.85),
            ..person(4, "Marcus Hill", "DevOps Engineer", "DevOps")
        },
        Person {
            skills: levels(&[
                ("CI/CD pipelines", 3),
                ("Kubernetes", 2),
                ("PowerShell automation", 2),
            ]),
            leave: vec![Leave {
                start: day(5, Weekday::Mon),
                end: day(6, Weekday::Fri),
                day_fraction: 1.0,
                note: "Parental leave".to_string(),
            }],
            cost_rate: Some(55.0),
            billable_target: Some(0.75),
            ..person(5, "Aisha Khan", "DevOps Engineer", "DevOps")
        },
        Person {
            skills: levels(&[
                ("Microsoft Defender", 4),
                ("Entra ID", 4),
                ("Firewalls and VPN", 3),
                ("Penetration testing", 3),
            ]),
            certifications: vec![cert("CISSP", "ISC2", day(80, Weekday::Thu))],
            cost_rate: Some(74.0),
            billable_target: Some(0.6),
            ..person(6, "Daniel Ortiz", "Security Lead", "Security")
        },
        Person {
            skills: levels(&[
                ("Microsoft Defender", 3),
                ("Entra ID", 2),
                ("Firewalls and VPN", 2),
                ("Penetration testing", 2),
            ]),
            leave: vec![Leave {
                start: day(3, Weekday::Wed),
                end: day(3, Weekday::Fri),
                day_fraction: 1.0,
                note: "Conference".to_string(),
            }],
            cost_rate: Some(52.0),
            billable_target: Some(0.75),
            ..person(7, "Sofia Lindqvist", "Security Analyst", "Security")
        },
        Person {
            skills: levels(&[
                ("ITIL service management", 4),
                ("Microsoft Intune", 2),
                ("Process design", 3),
            ]),
            cost_rate: Some(50.0),
            billable_target: Some(0.6),
            ..person(8, "James O'Connor", "Service Desk Lead", "Service desk")
        },
        Person {
            skills: levels(&[("ITIL service management", 2), ("Exchange Online", 2)]),
            cost_rate: Some(38.0),
            billable_target: Some(0.8),
            ..person(9, "Mei Chen", "Service Desk Analyst", "Service desk")
        },
        Person {
            weekly_hours: 24.0,
            working_days: vec![Weekday::Mon, Weekday::Wed, Weekday::Fri],
            end_date: Some(day(8, Weekday::Fri)),
            skills: levels(&[("ITIL service management", 2), ("Exchange Online", 1)]),
            cost_rate: Some(36.0),
            billable_target: Some(0.7),
            ..person(10, "Oliver Grant", "Service Desk Analyst", "Service desk")
        },
        Person {
            skills: levels(&[
                ("Microsoft Intune", 4),
                ("Exchange Online", 4),
                ("Entra ID", 3),
            ]),
            certifications: vec![cert(
                "Microsoft 365 Endpoint Administrator (MD-102)",
                "Microsoft",
                day(7, Weekday::Mon),
            )],
            cost_rate: Some(64.0),
            billable_target: Some(0.75),
            ..person(
                11,
                "Hannah Weber",
                "Microsoft 365 Consultant",
                "Microsoft 365",
            )
        },
        Person {
            start_date: Some(day(5, Weekday::Mon)),
            skills: levels(&[("Microsoft Intune", 3), ("Exchange Online", 3)]),
            cost_rate: Some(60.0),
            billable_target: Some(0.75),
            ..person(
                12,
                "Ravi Patel",
                "Microsoft 365 Consultant (new hire)",
                "Microsoft 365",
            )
        },
        Person {
            skills: levels(&[
                ("Firewalls and VPN", 4),
                ("Entra ID", 3),
                ("Microsoft Defender", 2),
            ]),
            certifications: vec![cert(
                "Fortinet NSE 4 Network Security Professional",
                "Fortinet",
                day(70, Weekday::Wed),
            )],
            cost_rate: Some(62.0),
            billable_target: Some(0.75),
            ..person(
                13,
                "Chloé Martin",
                "Network and Security Engineer",
                "Security",
            )
        },
        Person {
            skills: levels(&[
                ("ITIL service management", 2),
                ("Microsoft Intune", 2),
                ("Exchange Online", 2),
            ]),
            cost_rate: Some(40.0),
            billable_target: Some(0.8),
            ..person(14, "Ben Okafor", "Service Desk Analyst", "Service desk")
        },
        Person {
            skills: levels(&[
                ("AWS", 4),
                ("Terraform", 3),
                ("Kubernetes", 2),
                ("Backup and disaster recovery", 3),
            ]),
            certifications: vec![cert(
                "AWS Solutions Architect – Professional",
                "Amazon Web Services",
                day(90, Weekday::Mon),
            )],
            cost_rate: Some(66.0),
            billable_target: Some(0.75),
            ..person(15, "Elena Rossi", "Cloud Engineer (AWS)", "Cloud")
        },
    ];

    // What already happened is dated no later than today, so a demo opened
    // early in the week has no history from later that week.
    let past = |date: NaiveDate| date.min(today);
    let checklist = |items: &[(&str, Option<NaiveDate>)]| -> Vec<ChecklistItem> {
        items
            .iter()
            .map(|(text, done_on)| ChecklistItem {
                text: text.to_string(),
                done: done_on.is_some(),
                done_on: done_on.map(past),
            })
            .collect()
    };
    let history = |changes: &[(NaiveDate, Status)]| -> Vec<StatusChange> {
        changes
            .iter()
            .map(|(date, status)| StatusChange {
                date: past(*date),
                status: *status,
            })
            .collect()
    };
    let created = day(0, Weekday::Mon);
    let raci = |ids: &[u32]| -> Vec<PersonId> { ids.iter().copied().map(PersonId).collect() };
    let mut activities = vec![
        Activity {
            id: ActivityId(1),
            title: "Map the current onboarding process".to_string(),
            description: "Walk through the last five onboardings with the service desk and the project team; record every step, hand-off and wait.".to_string(),
            owner: Some(PersonId(1)),
            start: Some(day(0, Weekday::Mon)),
            deadline: Some(day(1, Weekday::Fri)),
            checkin: None,
            done_definition: DoneDefinition {
                text: "A swimlane map of every onboarding step with its owner and wait time, agreed by the service desk and projects.".to_string(),
                checklist: checklist(&[
                    ("Interview the last five onboarding owners", Some(day(0, Weekday::Wed))),
                    ("Draw the swimlane map", Some(day(1, Weekday::Tue))),
                    ("Agree the map in the ops sync", Some(day(1, Weekday::Thu))),
                ]),
            },
            status: Status::Done,
            status_history: history(&[
                (created, Status::NotStarted),
                (day(0, Weekday::Mon), Status::InProgress),
                (day(1, Weekday::Thu), Status::Done),
            ]),
            impact: 4,
            effort_hours: 24.0,
            kind: ActivityKind::Internal,
            client: String::new(),
            commitment: Commitment::Confirmed,
            depends_on: Vec::new(),
            required_skills: needs(&[("Process design", 3)]),
            required_certifications: Vec::new(),
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: None,
            responsible: raci(&[1]),
            consulted: raci(&[8]),
            informed: raci(&[2]),
            scope: Scope::Initiative,
            contract: None,
            deal: None,
        },
        Activity {
            id: ActivityId(2),
            title: "Standard Azure landing zone in Terraform".to_string(),
            description: "One reviewed Terraform module set for networking, identity and policy, used for every new Azure client.".to_string(),
            owner: Some(PersonId(2)),
            start: Some(day(1, Weekday::Mon)),
            deadline: Some(day(6, Weekday::Fri)),
            checkin: Some(day(4, Weekday::Mon)),
            done_definition: DoneDefinition {
                text: "A new subscription gets the landing zone from one pipeline run in under an hour.".to_string(),
                checklist: checklist(&[
                    ("Network and hub module", Some(day(2, Weekday::Thu))),
                    ("Identity and policy module", None),
                    ("Pipeline with plan review", None),
                    ("Used for the Fabrikam Legal pilot", None),
                ]),
            },
            status: Status::InProgress,
            status_history: history(&[
                (created, Status::NotStarted),
                (day(1, Weekday::Mon), Status::InProgress),
            ]),
            impact: 5,
            effort_hours: 112.0,
            kind: ActivityKind::Internal,
            client: String::new(),
            commitment: Commitment::Confirmed,
            depends_on: vec![ActivityId(1)],
            required_skills: needs(&[("Terraform", 3), ("Azure", 3)]),
            required_certifications: vec!["Azure Solutions Architect Expert".to_string()],
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: Some(160.0),
            responsible: raci(&[2, 4]),
            consulted: raci(&[6]),
            informed: raci(&[1]),
            scope: Scope::Initiative,
            contract: None,
            deal: None,
        },
        Activity {
            id: ActivityId(3),
            title: "Automated Microsoft 365 tenant baseline".to_string(),
            description: "Intune, Exchange Online and Entra ID baseline applied by script instead of by hand, tried on our own tenant first.".to_string(),
            owner: Some(PersonId(11)),
            start: Some(day(2, Weekday::Mon)),
            deadline: Some(day(7, Weekday::Fri)),
            checkin: Some(day(5, Weekday::Mon)),
            done_definition: DoneDefinition {
                text: "A new tenant reaches the baseline from one script run, with a report of every setting.".to_string(),
                checklist: checklist(&[
                    ("Baseline settings agreed with security", Some(day(2, Weekday::Wed))),
                    ("Intune configuration profiles exported as code", None),
                    ("Exchange Online and Entra ID settings scripted", None),
                    ("Applied to our own tenant", None),
                ]),
            },
            status: Status::Blocked,
            status_history: history(&[
                (created, Status::NotStarted),
                (day(2, Weekday::Mon), Status::InProgress),
                (day(2, Weekday::Thu), Status::Blocked),
            ]),
            impact: 5,
            effort_hours: 80.0,
            kind: ActivityKind::Internal,
            client: String::new(),
            commitment: Commitment::Confirmed,
            depends_on: vec![ActivityId(1)],
            required_skills: needs(&[("Microsoft Intune", 3), ("Exchange Online", 2)]),
            required_certifications: vec!["Microsoft 365 Endpoint Administrator (MD-102)".to_string()],
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: Some(100.0),
            responsible: raci(&[11]),
            consulted: raci(&[6]),
            informed: raci(&[1]),
            scope: Scope::Initiative,
            contract: None,
            deal: None,
        },
        Activity {
            id: ActivityId(4),
            title: "Self-service intake form and checklist".to_string(),
            description: "Clients give us every detail we need on day one, instead of in six e-mails over two weeks.".to_string(),
            owner: Some(PersonId(8)),
            start: Some(day(2, Weekday::Mon)),
            deadline: Some(day(5, Weekday::Fri)),
            checkin: Some(day(4, Weekday::Mon)),
            done_definition: DoneDefinition {
                text: "The intake form is live in the PSA and the service desk uses its checklist for every new client.".to_string(),
                checklist: checklist(&[
                    ("Fields agreed from the process map", Some(day(2, Weekday::Tue))),
                    ("Form built in the PSA", None),
                    ("Service desk trained", None),
                ]),
            },
            status: Status::InProgress,
            status_history: history(&[
                (created, Status::NotStarted),
                (day(2, Weekday::Mon), Status::InProgress),
            ]),
            impact: 4,
            effort_hours: 40.0,
            kind: ActivityKind::Internal,
            client: String::new(),
            commitment: Commitment::Confirmed,
            depends_on: vec![ActivityId(1)],
            required_skills: needs(&[("ITIL service management", 3)]),
            required_certifications: Vec::new(),
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: None,
            responsible: raci(&[8]),
            consulted: raci(&[1]),
            informed: raci(&[9]),
            scope: Scope::Initiative,
            contract: None,
            deal: None,
        },
        Activity {
            id: ActivityId(5),
            title: "Security baseline sign-off for new clients".to_string(),
            description: "Defender and conditional access checks signed off as part of onboarding, not weeks after go-live.".to_string(),
            owner: Some(PersonId(6)),
            start: Some(day(6, Weekday::Mon)),
            deadline: Some(day(9, Weekday::Fri)),
            checkin: Some(day(8, Weekday::Mon)),
            done_definition: DoneDefinition {
                text: "Every new client has a signed security baseline report before go-live.".to_string(),
                checklist: checklist(&[
                    ("Checks scripted against the landing zone and tenant baseline", None),
                    ("Report template agreed", None),
                    ("Sign-off step added to the onboarding checklist", None),
                ]),
            },
            status: Status::NotStarted,
            status_history: history(&[(created, Status::NotStarted)]),
            impact: 4,
            effort_hours: 48.0,
            kind: ActivityKind::Project,
            client: String::new(),
            commitment: Commitment::Confirmed,
            depends_on: vec![ActivityId(2), ActivityId(3)],
            required_skills: needs(&[("Microsoft Defender", 3), ("Entra ID", 2)]),
            required_certifications: Vec::new(),
            billable: false,
            billing: Billing::NotBilled,
            budget_hours: None,
            responsible: raci(&[6, 7]),
            consulted: raci(&[2]),
            informed: raci(&[1]),
            scope: Scope::Initiative,
            contract: None,
            deal: None,
        },
        Activity {
            id: ActivityId(6),
            title: "Pilot: onboard Fabrikam Legal in 7 days".to_string(),
            description: "The first client onboarded end to end on the new process, measured day by day.".to_string(),
            owner: Some(PersonId(3)),
            start: Some(day(9, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            checkin: Some(day(11, Weekday::Mon)),
            done_definition: DoneDefinition {
                text: "Fabrikam Legal is live within 7 working days of signing, and the lessons are written up.".to_string(),
                checklist: checklist(&[
                    ("Intake form completed by the client", None),
                    ("Landing zone and tenant baseline applied", None),
                    ("Security sign-off", None),
                    ("Retrospective with the client", None),
                ]),
            },
            status: Status::NotStarted,
            status_history: history(&[(created, Status::NotStarted)]),
            impact: 5,
            effort_hours: 60.0,
            kind: ActivityKind::Project,
            client: "Fabrikam Legal".to_string(),
            commitment: Commitment::Confirmed,
            depends_on: vec![ActivityId(4), ActivityId(5)],
            required_skills: needs(&[("Azure", 2), ("Microsoft Intune", 2)]),
            required_certifications: Vec::new(),
            billable: true,
            billing: Billing::FixedFee { amount: 9_500.0 },
            budget_hours: Some(72.0),
            responsible: raci(&[3]),
            consulted: raci(&[2, 11]),
            informed: raci(&[1]),
            scope: Scope::Initiative,
            contract: None,
            deal: None,
        },
    ];
    activities.extend(book_of_work(start, &needs));

    let allocation = |id: u32,
                      person: u32,
                      activity: u32,
                      hours: f64,
                      weeks: (i64, i64),
                      commitment: Commitment| Allocation {
        id: AllocationId(id),
        assignee: Assignee::Person(PersonId(person)),
        activity: ActivityId(activity),
        hours_per_week: hours,
        first_week: start.plus_weeks(weeks.0),
        last_week: start.plus_weeks(weeks.1),
        commitment,
        scenario: (commitment == Commitment::Tentative).then_some(ScenarioId(1)),
    };
    let mut allocations = vec![
        // The ops plan's initiatives.
        allocation(1, 1, 1, 12.0, (0, 1), Commitment::Confirmed),
        allocation(2, 2, 2, 14.0, (1, 6), Commitment::Confirmed),
        allocation(3, 4, 2, 4.0, (2, 5), Commitment::Confirmed),
        allocation(4, 11, 3, 12.0, (2, 7), Commitment::Confirmed),
        allocation(5, 8, 4, 8.0, (2, 5), Commitment::Confirmed),
        allocation(6, 6, 5, 6.0, (6, 9), Commitment::Confirmed),
        allocation(7, 7, 5, 6.0, (6, 9), Commitment::Confirmed),
        allocation(8, 3, 6, 12.0, (9, 12), Commitment::Confirmed),
        Allocation {
            id: AllocationId(9),
            assignee: Assignee::Placeholder {
                role: "Microsoft 365 Consultant".to_string(),
                skills: needs(&[("Microsoft Intune", 3)]),
            },
            activity: ActivityId(6),
            hours_per_week: 8.0,
            first_week: start.plus_weeks(9),
            last_week: start.plus_weeks(12),
            commitment: Commitment::Confirmed,
            scenario: None,
        },
    ];
    allocations.extend(book_allocations(start, &needs));

    // Winning Contoso means hiring: the role adds capacity only while that
    // scenario is shown.
    let roles = vec![OpenRole {
        team: "Cloud".to_string(),
        skills: levels(&[("Azure", 3), ("Terraform", 2), ("Entra ID", 2)]),
        status: RoleStatus::Approved,
        cost_rate: Some(56.0),
        scenario: Some(ScenarioId(1)),
        ..OpenRole::new(RoleId(1), "Cloud Engineer", day(8, Weekday::Mon))
    }];

    let goal_date = day(12, Weekday::Fri);
    Plan {
        id,
        name: "Faster client onboarding".to_string(),
        goal: StrategicGoal {
            outcome: format!(
                "Cut client onboarding from 14 to 7 days by {}",
                long_date(goal_date)
            ),
            metric_name: "Median onboarding time".to_string(),
            baseline: 14.0,
            target: 7.0,
            unit: "days".to_string(),
            target_date: Some(goal_date),
        },
        horizon,
        review_weekday: Weekday::Mon,
        resources: Resources {
            budget: Some(60_000.0),
            currency: "EUR".to_string(),
            headcount_note: "15 people; Ravi Patel joins the Microsoft 365 team in week 6 and Oliver Grant leaves the service desk after week 9, so the Woodgrove service desk needs a new analyst.".to_string(),
            tooling: vec![
                "Azure DevOps".to_string(),
                "Terraform Cloud".to_string(),
                "Microsoft Intune".to_string(),
                "HaloPSA".to_string(),
                "IT Glue".to_string(),
            ],
        },
        metrics: vec![
            SuccessMetric {
                id: MetricId(1),
                name: "Median onboarding time".to_string(),
                unit: "days".to_string(),
                baseline: 14.0,
                target: 7.0,
                current: 12.0,
                direction: Direction::LowerIsBetter,
            },
            SuccessMetric {
                id: MetricId(2),
                name: "Onboarding steps automated".to_string(),
                unit: "%".to_string(),
                baseline: 10.0,
                target: 70.0,
                current: 25.0,
                direction: Direction::HigherIsBetter,
            },
            SuccessMetric {
                id: MetricId(3),
                name: "Client satisfaction after onboarding".to_string(),
                unit: "of 5".to_string(),
                baseline: 3.8,
                target: 4.5,
                current: 3.9,
                direction: Direction::HigherIsBetter,
            },
        ],
        holidays: fixed_holidays(&horizon),
        skills,
        people,
        activities,
        allocations,
        scenarios: vec![Scenario {
            id: ScenarioId(1),
            name: "Contoso Dental Group signs".to_string(),
        }],
        roles,
        cadences: vec![
            Cadence::standard(
                CadenceId(1),
                CadenceKind::WeeklyOpsSync,
                Weekday::Mon,
                None,
                Some(PersonId(1)),
            ),
            Cadence::standard(
                CadenceId(2),
                CadenceKind::MonthlyServiceReview,
                Weekday::Tue,
                Some(1),
                Some(PersonId(8)),
            ),
            Cadence::standard(
                CadenceId(3),
                CadenceKind::QuarterlyStrategyReview,
                Weekday::Thu,
                Some(1),
                Some(PersonId(1)),
            ),
        ],
        priority_pins: Vec::new(),
        settings: RiskSettings::default(),
        client_copy: false,
        lineage: None,
        checkins: vec![CheckIn {
            id: CheckInId(1),
            date: day(1, Weekday::Mon),
            summary: "Process map nearly agreed; landing zone work started.".to_string(),
            entries: vec![CheckInEntry {
                activity: ActivityId(1),
                moved: "Interviews done, swimlane map drafted.".to_string(),
                blocked: String::new(),
                covers_midpoint: false,
            }],
            decisions: vec![Decision {
                text: "Which PSA holds the intake form: HaloPSA or a Microsoft Form?".to_string(),
                owner: Some(PersonId(8)),
                due: Some(day(2, Weekday::Fri)),
                decided_on: None,
            }],
        }],
    }
}

fn skill_catalogue() -> Vec<Skill> {
    [
        ("Azure", "Cloud"),
        ("AWS", "Cloud"),
        ("Terraform", "DevOps"),
        ("Kubernetes", "DevOps"),
        ("CI/CD pipelines", "DevOps"),
        ("PowerShell automation", "DevOps"),
        ("Microsoft Defender", "Security"),
        ("Entra ID", "Security"),
        ("Firewalls and VPN", "Networking"),
        ("Microsoft Intune", "Microsoft 365"),
        ("Exchange Online", "Microsoft 365"),
        ("ITIL service management", "Service desk"),
        ("Process design", "Leadership"),
        ("Penetration testing", "Security"),
        ("Backup and disaster recovery", "Cloud"),
    ]
    .iter()
    .enumerate()
    .map(|(index, (name, category))| Skill {
        id: SkillId(index as u32 + 1),
        name: name.to_string(),
        category: category.to_string(),
    })
    .collect()
}

/// Fixed-date public holidays that fall inside the horizon.
fn fixed_holidays(horizon: &Horizon) -> Vec<Holiday> {
    let first = horizon.first_day();
    let last = horizon.last_day();
    let mut holidays = Vec::new();
    for year in first.year()..=last.year() {
        for (month, day, name) in [
            (1, 1, "New Year's Day"),
            (5, 1, "Labour Day"),
            (12, 25, "Christmas Day"),
            (12, 26, "Boxing Day"),
        ] {
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                if first <= date && date <= last {
                    holidays.push(Holiday {
                        date,
                        name: name.to_string(),
                    });
                }
            }
        }
    }
    holidays
}

/// The firm's book of work: three managed-services contracts, six client
/// projects, three pipeline deals and two pieces of internal work, laid
/// out on the weeks from `start` (the horizon's first week).
fn book_of_work(
    start: Week,
    needs: &impl Fn(&[(&str, u8)]) -> Vec<SkillRequirement>,
) -> Vec<Activity> {
    let day = |week: i64, weekday: Weekday| start.plus_weeks(week).day(weekday);
    let work = |id: u32, title: &str, kind: ActivityKind, client: &str, owner: u32| Activity {
        scope: Scope::Book,
        kind,
        client: client.to_string(),
        owner: Some(PersonId(owner)),
        billable: !client.is_empty(),
        ..Activity::new(ActivityId(id), title)
    };
    let contract = |hours: f64, renewal: NaiveDate| {
        Some(Contract {
            hours,
            period: Period::Week,
            renewal: Some(renewal),
        })
    };
    // Contracts began before the horizon and run past it; their fee is
    // the quarter's, recognised by the hours worked.
    let term_start = day(-30, Weekday::Mon);
    let in_progress = |since: NaiveDate| {
        vec![StatusChange {
            date: since,
            status: Status::InProgress,
        }]
    };
    vec![
        Activity {
            description: "24/7 monitoring, patching and cost control of the Azure and AWS estate.".to_string(),
            start: Some(term_start),
            deadline: Some(day(30, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(term_start),
            contract: contract(32.0, day(20, Weekday::Fri)),
            billing: Billing::FixedFee { amount: 27_000.0 },
            required_skills: needs(&[("Azure", 2), ("AWS", 2)]),
            ..work(7, "Managed Azure and AWS operations", ActivityKind::ManagedService, "Northwind Logistics", 2)
        },
        Activity {
            description: "Service desk for 400 users and endpoint management in Intune, 8:00-18:00 on working days.".to_string(),
            start: Some(term_start),
            deadline: Some(day(56, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(term_start),
            contract: contract(100.0, day(30, Weekday::Fri)),
            billing: Billing::FixedFee { amount: 78_000.0 },
            required_skills: needs(&[("ITIL service management", 2), ("Microsoft Intune", 2)]),
            ..work(8, "Service desk and endpoint management", ActivityKind::ManagedService, "Woodgrove Bank", 8)
        },
        Activity {
            description: "Defender and Entra ID alerts triaged daily, a monthly security report and incident response.".to_string(),
            start: Some(term_start),
            deadline: Some(day(42, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(term_start),
            contract: contract(24.0, day(16, Weekday::Fri)),
            billing: Billing::FixedFee { amount: 31_000.0 },
            required_skills: needs(&[("Microsoft Defender", 3), ("Entra ID", 2)]),
            ..work(9, "Managed security operations", ActivityKind::ManagedService, "Litware", 6)
        },
        Activity {
            description: "A production AKS platform with GitOps, monitoring and a runbook, handed over to the client's team.".to_string(),
            start: Some(day(0, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(day(0, Weekday::Mon)),
            effort_hours: 528.0,
            billing: Billing::Hourly { rate: 145.0 },
            budget_hours: Some(760.0),
            required_skills: needs(&[("Kubernetes", 3), ("CI/CD pipelines", 2)]),
            ..work(10, "AKS platform build", ActivityKind::Project, "Tailspin Toys", 4)
        },
        Activity {
            description: "Rightsizing, reserved instances and tagging across 14 AWS accounts.".to_string(),
            start: Some(day(1, Weekday::Mon)),
            deadline: Some(day(5, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(day(1, Weekday::Mon)),
            effort_hours: 112.0,
            billing: Billing::Hourly { rate: 130.0 },
            budget_hours: Some(150.0),
            required_skills: needs(&[("AWS", 3)]),
            ..work(11, "AWS cost review and rightsizing", ActivityKind::Project, "Adventure Works", 15)
        },
        Activity {
            description: "Mail, files and devices of 250 users moved to Microsoft 365 and Intune.".to_string(),
            start: Some(day(0, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(day(0, Weekday::Mon)),
            effort_hours: 532.0,
            billing: Billing::FixedFee { amount: 42_000.0 },
            budget_hours: Some(700.0),
            required_skills: needs(&[("Exchange Online", 3), ("Microsoft Intune", 3)]),
            ..work(12, "Microsoft 365 migration", ActivityKind::Project, "Alpine Ski House", 11)
        },
        Activity {
            description: "Conditional access, device compliance and privileged access for every admin account.".to_string(),
            start: Some(day(0, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(day(0, Weekday::Mon)),
            effort_hours: 600.0,
            billing: Billing::Hourly { rate: 150.0 },
            budget_hours: Some(840.0),
            required_skills: needs(&[("Entra ID", 3), ("Firewalls and VPN", 2)]),
            ..work(13, "Zero-trust rollout", ActivityKind::Project, "Woodgrove Bank", 6)
        },
        Activity {
            description: "Immutable backups and a tested recovery of the ERP system within four hours.".to_string(),
            start: Some(day(4, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            effort_hours: 252.0,
            billing: Billing::Hourly { rate: 125.0 },
            budget_hours: Some(300.0),
            required_skills: needs(&[("Backup and disaster recovery", 2), ("Azure", 2)]),
            ..work(14, "Backup and DR modernisation", ActivityKind::Project, "Northwind Logistics", 15)
        },
        Activity {
            description: "Build and release pipelines for the client's twelve services, with automated tests.".to_string(),
            start: Some(day(3, Weekday::Mon)),
            deadline: Some(day(8, Weekday::Fri)),
            effort_hours: 144.0,
            billing: Billing::Hourly { rate: 140.0 },
            budget_hours: Some(200.0),
            required_skills: needs(&[("CI/CD pipelines", 3)]),
            ..work(15, "CI/CD pipelines", ActivityKind::Project, "Litware", 5)
        },
        Activity {
            description: "Intune, Defender and Microsoft 365 for 30 dental practices; proposal sent.".to_string(),
            start: Some(day(6, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            commitment: Commitment::Tentative,
            deal: Some(Deal {
                stage: DealStage::Proposal,
                probability: 0.6,
            }),
            effort_hours: 248.0,
            billing: Billing::FixedFee { amount: 28_000.0 },
            required_skills: needs(&[("Microsoft Intune", 3), ("Azure", 2)]),
            ..work(16, "Microsoft 365 and Intune rollout", ActivityKind::Project, "Contoso Dental Group", 1)
        },
        Activity {
            description: "An external penetration test and six weeks of fixes for the findings.".to_string(),
            start: Some(day(4, Weekday::Mon)),
            deadline: Some(day(9, Weekday::Fri)),
            commitment: Commitment::Tentative,
            deal: Some(Deal {
                stage: DealStage::Qualified,
                probability: 0.4,
            }),
            effort_hours: 192.0,
            billing: Billing::Hourly { rate: 160.0 },
            required_skills: needs(&[("Penetration testing", 2), ("Microsoft Defender", 3)]),
            ..work(17, "Penetration test and security uplift", ActivityKind::Project, "Trey Research", 6)
        },
        Activity {
            description: "Run and patch the AKS platform after handover, 16 hours a week.".to_string(),
            start: Some(day(9, Weekday::Mon)),
            deadline: Some(day(60, Weekday::Fri)),
            commitment: Commitment::Tentative,
            deal: Some(Deal {
                stage: DealStage::Lead,
                probability: 0.2,
            }),
            contract: contract(16.0, day(60, Weekday::Fri)),
            billing: Billing::Hourly { rate: 120.0 },
            required_skills: needs(&[("Kubernetes", 3)]),
            ..work(18, "Kubernetes managed service", ActivityKind::ManagedService, "Tailspin Toys", 4)
        },
        Activity {
            description: "Exam preparation and labs: AZ-104 for Lena, MD-102 for Ravi, ITIL 4 for Ben.".to_string(),
            start: Some(day(0, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(day(0, Weekday::Mon)),
            ..work(19, "Certifications and training", ActivityKind::Internal, "", 1)
        },
        Activity {
            description: "Discovery calls, solution designs and proposals for new clients.".to_string(),
            start: Some(day(0, Weekday::Mon)),
            deadline: Some(day(12, Weekday::Fri)),
            status: Status::InProgress,
            status_history: in_progress(day(0, Weekday::Mon)),
            ..work(20, "Pre-sales and solution design", ActivityKind::Internal, "", 1)
        },
    ]
}

/// Who works on the book of work, how many hours a week and in which
/// weeks (counted from `start`).
fn book_allocations(
    start: Week,
    needs: &impl Fn(&[(&str, u8)]) -> Vec<SkillRequirement>,
) -> Vec<Allocation> {
    let booked = |id: u32, person: u32, activity: u32, hours: f64, weeks: (i64, i64)| Allocation {
        id: AllocationId(id),
        assignee: Assignee::Person(PersonId(person)),
        activity: ActivityId(activity),
        hours_per_week: hours,
        first_week: start.plus_weeks(weeks.0),
        last_week: start.plus_weeks(weeks.1),
        commitment: Commitment::Confirmed,
        scenario: None,
    };
    let pipeline = |allocation: Allocation, scenario: Option<u32>| Allocation {
        commitment: Commitment::Tentative,
        scenario: scenario.map(ScenarioId),
        ..allocation
    };
    let role = |id: u32,
                title: &str,
                skills: &[(&str, u8)],
                activity: u32,
                hours: f64,
                weeks: (i64, i64)| {
        Allocation {
            assignee: Assignee::Placeholder {
                role: title.to_string(),
                skills: needs(skills),
            },
            ..booked(id, 0, activity, hours, weeks)
        }
    };
    let all = (0, 12);
    vec![
        // Managed Azure and AWS operations (32 h a week).
        booked(10, 2, 7, 8.0, all),
        booked(11, 3, 7, 16.0, all),
        booked(12, 15, 7, 8.0, all),
        // Service desk and endpoint management (100 h a week): Oliver
        // Grant covers 16 h until he leaves after week 8.
        booked(13, 8, 8, 24.0, all),
        booked(14, 9, 8, 32.0, all),
        booked(15, 14, 8, 28.0, all),
        booked(16, 10, 8, 16.0, (0, 8)),
        booked(17, 1, 8, 4.0, all),
        // Managed security operations (24 h a week).
        booked(18, 7, 9, 16.0, all),
        booked(20, 13, 9, 8.0, all),
        // AKS platform build: Aisha stays booked through her parental
        // leave.
        booked(21, 4, 10, 24.0, all),
        booked(22, 5, 10, 24.0, all),
        // AWS cost review.
        booked(23, 15, 11, 24.0, (1, 5)),
        booked(24, 2, 11, 8.0, (1, 3)),
        // Microsoft 365 migration: Hannah is also on the tenant baseline.
        booked(25, 11, 12, 28.0, all),
        booked(26, 12, 12, 28.0, (5, 12)),
        // Zero-trust rollout.
        booked(27, 6, 13, 20.0, all),
        booked(19, 7, 13, 10.0, (4, 10)),
        booked(28, 13, 13, 24.0, all),
        booked(29, 1, 13, 6.0, (2, 10)),
        // Backup and DR modernisation.
        booked(30, 15, 14, 20.0, (6, 12)),
        booked(31, 3, 14, 8.0, (4, 8)),
        booked(32, 2, 14, 12.0, (7, 12)),
        // CI/CD pipelines: Marcus is over his hours while it overlaps the
        // AKS build and the landing zone.
        booked(33, 5, 15, 16.0, (3, 6)),
        booked(34, 4, 15, 16.0, (4, 8)),
        // The pipeline: Contoso's rollout needs a Microsoft 365 consultant
        // and the cloud engineer hired if it is won.
        pipeline(
            role(
                35,
                "Microsoft 365 Consultant",
                &[("Microsoft Intune", 3)],
                16,
                24.0,
                (6, 12),
            ),
            Some(1),
        ),
        Allocation {
            assignee: Assignee::Role(RoleId(1)),
            ..pipeline(booked(36, 0, 16, 16.0, (8, 12)), Some(1))
        },
        // Trey Research's penetration test needs a security analyst the
        // security team does not have free.
        pipeline(
            role(
                37,
                "Security Analyst",
                &[("Penetration testing", 2), ("Microsoft Defender", 3)],
                17,
                32.0,
                (4, 9),
            ),
            None,
        ),
        pipeline(
            role(
                38,
                "DevOps Engineer",
                &[("Kubernetes", 3)],
                18,
                16.0,
                (9, 12),
            ),
            None,
        ),
        // Internal work.
        booked(39, 3, 19, 4.0, (0, 8)),
        booked(40, 12, 19, 4.0, (5, 12)),
        booked(41, 14, 19, 4.0, all),
        booked(42, 1, 20, 10.0, all),
        booked(43, 2, 20, 6.0, all),
        booked(44, 6, 20, 4.0, all),
    ]
}
