//! Exports compared with expected files: the demo plan's activities,
//! allocations by week and utilisation by week as CSV, and its deadlines
//! and check-ins as an iCalendar file.
//!
//! The files in `tests/data/exports/` are the demo plan (laid out around
//! 2026-11-23, with the app at `https://ops.example.com/board/`) as the
//! exports write it, byte for byte. Run with `UPDATE_GOLDEN=1` to rewrite
//! them after a deliberate change of the demo or of an export, then read the
//! diff.
//!
//! The calendar is also read back by an independent iCalendar parser (the
//! `icalendar` crate, a test-only dependency), so a file that only this
//! crate's own writer understands does not pass.

// The calendar parser is a native dev-dependency only.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;
use icalendar::{Calendar, Component, DatePerhapsTime};
use opsboard::model::{Activity, ActivityId, PersonId, Plan, PlanId};
use opsboard::persist::{csv, ics};

mod support;
use support::{demo, today};

const APP_URL: &str = "https://ops.example.com/board/";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/exports")
        .join(name)
}

/// Compares `actual` with the expected file `name`, byte for byte, after
/// writing it there when `UPDATE_GOLDEN` is set.
fn check(name: &str, actual: &str) {
    let path = fixture(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().expect("a folder")).expect("create the folder");
        fs::write(&path, actual).expect("write the expected file");
    }
    let expected = fs::read_to_string(&path).expect("the expected file exists");
    if actual == expected {
        return;
    }
    // Name the first line that differs: a whole file in a failure message
    // hides the one character that matters.
    let actual_lines: Vec<&str> = actual.split("\r\n").collect();
    let expected_lines: Vec<&str> = expected.split("\r\n").collect();
    let line = actual_lines
        .iter()
        .zip(&expected_lines)
        .position(|(a, e)| a != e)
        .unwrap_or(actual_lines.len().min(expected_lines.len()));
    panic!(
        "{name} differs from the expected file at line {}:\n  written:  {:?}\n  expected: {:?}\n(lines {} written, {} expected; CR LF line ends)",
        line + 1,
        actual_lines.get(line),
        expected_lines.get(line),
        actual_lines.len(),
        expected_lines.len(),
    );
}

/// Every line of an export ends in CR LF, with no bare LF between them
/// (line breaks inside quoted CSV fields excepted, which the demo has none of).
fn assert_crlf_only(text: &str) {
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "a line ends in a bare LF"
    );
}

#[test]
fn the_demo_activities_csv_is_as_expected() {
    let text = csv::activities_csv(&demo());
    assert_crlf_only(&text);
    check("demo-activities.csv", &text);
}

#[test]
fn the_demo_allocations_csv_is_as_expected() {
    let text = csv::allocations_csv(&demo());
    assert_crlf_only(&text);
    check("demo-allocations.csv", &text);
}

#[test]
fn the_demo_utilisation_csv_is_as_expected() {
    let text = csv::utilisation_csv(&demo(), today(), true);
    assert_crlf_only(&text);
    check("demo-utilisation.csv", &text);
}

/// The day of an all-day event.
fn all_day(date: Option<DatePerhapsTime>) -> Option<NaiveDate> {
    match date? {
        DatePerhapsTime::Date(date) => Some(date),
        DatePerhapsTime::DateTime(_) => None,
    }
}

/// The events `plan` should give, in order: (UID, SUMMARY, day).
fn expected_events(plan: &Plan) -> Vec<(String, String, NaiveDate)> {
    let mut events = Vec::new();
    for activity in &plan.activities {
        // A deal has no events yet; a contract its renewal and end.
        let dated = match (activity.deal, activity.contract) {
            (Some(_), _) => vec![],
            (None, Some(contract)) => vec![
                ("renewal", "Renewal", contract.renewal),
                ("deadline", "Contract ends", activity.deadline),
            ],
            (None, None) => vec![
                ("deadline", "Deadline", activity.deadline),
                ("checkin", "Check-in", activity.checkin),
            ],
        };
        for (suffix, label, date) in dated {
            if let Some(date) = date {
                events.push((
                    format!("{}-{suffix}@{}.opsboard", activity.id, plan.id),
                    format!("{label}: {}", activity.title),
                    date,
                ));
            }
        }
    }
    events
}

/// Parses `text` with the `icalendar` crate and checks the calendar's name
/// and, for every event of `plan`, its UID, SUMMARY, DTSTART, DTEND, URL and
/// owner, all after unfolding and unescaping.
fn check_parsed(plan: &Plan, text: &str, app_url: &str) {
    for line in text.split("\r\n") {
        assert!(
            line.len() <= 75,
            "a line of {} octets: {line:?}",
            line.len()
        );
    }
    let calendar: Calendar = text.parse().expect("the icalendar crate reads the file");
    assert_eq!(calendar.get_name(), Some(plan.name.as_str()));
    assert_eq!(
        calendar.property_value("PRODID"),
        Some("-//Opsboard//Opsboard plan//EN")
    );
    // Activity events first, then one recurring event per cadence.
    let is_cadence =
        |event: &&icalendar::Event| event.get_uid().is_some_and(|uid| uid.starts_with("cad-"));
    let cadences: Vec<_> = calendar.events().filter(is_cadence).collect();
    assert_eq!(cadences.len(), plan.cadences.len());
    for (event, cadence) in cadences.iter().zip(&plan.cadences) {
        let uid = format!("{}@{}.opsboard", cadence.id, plan.id);
        assert_eq!(event.get_uid(), Some(uid.as_str()));
        assert_eq!(event.get_summary(), Some(cadence.name().as_str()), "{uid}");
        let first = cadence.next_date(plan.horizon.first_day());
        assert_eq!(all_day(event.get_start()), first, "{uid}");
        assert!(event.property_value("RRULE").is_some(), "{uid}");
        assert!(event
            .get_description()
            .is_some_and(|text| text.ends_with(&cadence.rule_text())));
    }
    let events: Vec<_> = calendar
        .events()
        .filter(|event| !is_cadence(event))
        .collect();
    let expected = expected_events(plan);
    assert_eq!(events.len(), expected.len());
    for (event, (uid, summary, date)) in events.iter().zip(&expected) {
        assert_eq!(event.get_uid(), Some(uid.as_str()));
        assert_eq!(event.get_summary(), Some(summary.as_str()), "{uid}");
        assert_eq!(all_day(event.get_start()), Some(*date), "{uid}");
        assert_eq!(all_day(event.get_end()), date.succ_opt(), "{uid}");
        assert_eq!(
            event.get_timestamp().map(|stamp| stamp.date_naive()),
            Some(today()),
            "{uid}"
        );
        let id = uid.split('-').take(2).collect::<Vec<_>>().join("-");
        let activity: &Activity = plan
            .activities
            .iter()
            .find(|activity| activity.id.to_string() == id)
            .expect("the UID names an activity");
        let route = if activity.is_initiative() {
            "#/plan/activity/"
        } else {
            "#/work/"
        };
        let url = format!("{app_url}{route}{id}");
        if app_url.is_empty() {
            assert_eq!(event.get_url(), None, "{uid}");
        } else {
            assert_eq!(event.get_url(), Some(url.as_str()), "{uid}");
        }
        let owner = activity.owner.map(|owner| plan.person_name(owner));
        assert_eq!(
            event.property_value("X-OPSBOARD-OWNER"),
            owner.as_deref(),
            "{uid}"
        );
        let description = event.get_description().expect("a description");
        match &owner {
            Some(owner) => assert!(description.starts_with(&format!("Owner: {owner}\n"))),
            None => assert!(description.starts_with("No owner\n")),
        }
        assert!(description.contains(&format!("\nStatus: {}", activity.status.label())));
        assert_eq!(
            description.contains(&format!("\nClient: {}", activity.client)),
            !activity.client.is_empty(),
            "{description}"
        );
        if !app_url.is_empty() {
            assert!(description.ends_with(&format!("\n{url}")), "{description}");
        }
    }
}

/// One test writes and reads `demo.ics`, so that with `UPDATE_GOLDEN` the
/// parser never reads a file another test is rewriting.
#[test]
fn the_demo_calendar_is_as_expected_and_read_by_an_icalendar_parser() {
    let plan = demo();
    let written = ics::calendar(&plan, APP_URL, today());
    assert_crlf_only(&written);
    check("demo.ics", &written);
    let text = fs::read_to_string(fixture("demo.ics")).expect("the expected file exists");
    check_parsed(&plan, &text, APP_URL);
    // Five initiatives with a deadline and a check-in, one with a deadline
    // only (11), the three contracts' renewals and ends (6), the eight
    // projects and internal work's deadlines (8), and nothing for the three
    // deals: 25 events; then the
    // three cadences, from their first date in the horizon (2026-W46 to
    // 2027-W05): the ops sync every Monday from 9 November, the service
    // review on first Tuesdays from 1 December (3 November has passed),
    // the strategy review on first Thursdays of a quarter's first month
    // from 7 January 2027.
    assert_eq!(expected_events(&plan).len(), 25);
    let parsed: Calendar = text.parse().expect("parsed");
    let rules: Vec<(String, Option<NaiveDate>, String)> = parsed
        .events()
        .skip(25)
        .map(|event| {
            (
                event.get_summary().unwrap_or_default().to_string(),
                all_day(event.get_start()),
                event
                    .property_value("RRULE")
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    let date =
        |month, day| NaiveDate::from_ymd_opt(if month < 6 { 2027 } else { 2026 }, month, day);
    assert_eq!(
        rules,
        [
            (
                "Weekly ops sync".to_string(),
                date(11, 9),
                "FREQ=WEEKLY;BYDAY=MO".to_string()
            ),
            (
                "Monthly service review".to_string(),
                date(12, 1),
                "FREQ=MONTHLY;BYDAY=1TU".to_string()
            ),
            (
                "Quarterly strategy review".to_string(),
                date(1, 7),
                "FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH".to_string()
            ),
        ]
    );
    let calendar: Calendar = text.parse().expect("parsed");
    let first = calendar.events().next().expect("an event");
    assert_eq!(
        first.get_summary(),
        Some("Deadline: Map the current onboarding process")
    );
    assert_eq!(
        all_day(first.get_start()),
        NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    assert_eq!(
        first.get_url(),
        Some("https://ops.example.com/board/#/plan/activity/act-1")
    );
}

#[test]
fn awkward_titles_survive_escaping_and_folding() {
    let mut plan = Plan::empty(PlanId(4), "Ops, Q1; \\ \"plan\"\nsecond line", today());
    plan.people.push(opsboard::model::Person::new(
        PersonId(1),
        "O'Brien, Seán; \\ the second",
    ));
    let day = |days: i64| today() + chrono::Duration::days(days);
    let titles = [
        "Commas, semicolons; backslashes \\ and\na line break".to_string(),
        "🚀".repeat(200),
        format!("{}é{}", "x".repeat(60), "ü".repeat(100)),
        "Trailing backslash \\".to_string(),
    ];
    for (index, title) in titles.iter().enumerate() {
        let mut activity = Activity::new(ActivityId(index as u32 + 1), title);
        activity.deadline = Some(day(7 * index as i64 + 4));
        if index % 2 == 0 {
            activity.checkin = Some(day(7 * index as i64));
            activity.owner = Some(PersonId(1));
            activity.client = "Client, with; a \\ backslash".to_string();
        }
        plan.activities.push(activity);
    }
    // An activity without dates gives no event.
    plan.activities
        .push(Activity::new(ActivityId(9), "Undated, so absent"));

    let text = ics::calendar(&plan, APP_URL, today());
    assert_crlf_only(&text);
    check_parsed(&plan, &text, APP_URL);
    assert_eq!(expected_events(&plan).len(), 6);

    let text = ics::calendar(&plan, "", today());
    check_parsed(&plan, &text, "");
}
