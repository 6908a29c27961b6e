//! Calendar export: a plan's deadlines and midpoint check-ins, and its
//! cadences (the governance meetings) as recurring events, as an
//! iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple
//! Calendar can import or subscribe to.
//!
//! Every event is a whole day with a stable UID (`act-2-deadline@k3v9q2m7x1c4.opsboard`,
//! the plan's random origin id from its lineage, or `plan-1` for a plan
//! never exported), so importing the file again updates the events instead
//! of doubling them, and two firms' `act-2` never collide in one calendar.
//! The time stamp every event must carry comes from the caller, not from a
//! clock: the same plan on the same day gives the same bytes.

use chrono::Datelike;

use crate::model::{sort_by_number, Activity, Cadence, Frequency, NaiveDate, Plan, Weekday};

/// The most octets a line may hold before it is folded, the CR LF left out.
const LINE_OCTETS: usize = 75;

/// The calendar of `plan`: one all-day event per activity deadline
/// ("Deadline: <title>") and one per midpoint check-in ("Check-in: <title>"),
/// activities in id order, a deadline before its check-in; for a
/// managed-services contract its renewal ("Renewal: <title>") and the end
/// of its term ("Contract ends: <title>") instead; nothing for a pipeline
/// deal, which is not in the plan until it is won. Work without such a date
/// has no event for it.
///
/// Then one recurring all-day event per cadence ("Monthly service
/// review"), cadences in id order, from its first date in the horizon and
/// with no end: an `RRULE` weekly on its weekday, or monthly (quarterly:
/// every third month, from a January, April, July or October) on its nth
/// weekday, which is the rule of `model::Cadence`.
///
/// Each activity event links to the activity in the app at `app_url` (such as
/// `https://ops.example.com/board/`; any `#fragment` of it is dropped)
/// unless `app_url` is empty, and says its owner, status and client.
/// `stamp` is the day written as every event's DTSTAMP.
pub fn calendar(plan: &Plan, app_url: &str, stamp: NaiveDate) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Opsboard//Opsboard plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(&plan.name)),
    ];
    let app_url = base_url(app_url);
    let family = plan
        .lineage
        .as_ref()
        .map_or_else(|| plan.id.to_string(), |lineage| lineage.origin.clone());
    let mut activities: Vec<&Activity> = plan.activities.iter().collect();
    sort_by_number(&mut activities, |activity| u64::from(activity.id.0));
    for activity in activities {
        // A deal is not in the plan yet; a contract's end is the end of
        // its term, and its renewal comes before.
        let events: &[(&str, &str, Option<NaiveDate>)] = match (activity.deal, activity.contract) {
            (Some(_), _) => &[],
            (None, Some(contract)) => &[
                ("renewal", "Renewal", contract.renewal),
                ("deadline", "Contract ends", activity.deadline),
            ],
            (None, None) => &[
                ("deadline", "Deadline", activity.deadline),
                ("checkin", "Check-in", activity.checkin),
            ],
        };
        for (uid_suffix, label, date) in events.iter().copied() {
            let Some(date) = date else {
                continue;
            };
            let event = Event {
                uid: format!("{}-{uid_suffix}@{family}.opsboard", activity.id),
                summary: format!("{label}: {}", activity.title),
                date,
            };
            lines.extend(event_lines(plan, activity, &event, &app_url, stamp));
        }
    }
    let mut cadences: Vec<&Cadence> = plan.cadences.iter().collect();
    sort_by_number(&mut cadences, |cadence| u64::from(cadence.id.0));
    for cadence in cadences {
        let Some(first) = cadence.next_date(plan.horizon.first_day()) else {
            continue;
        };
        let owner = cadence.owner.map(|owner| plan.person_name(owner));
        let description = [
            match &owner {
                Some(name) => format!("Run by {name}"),
                None => "No owner".to_string(),
            },
            cadence.rule_text(),
        ];
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@{family}.opsboard", cadence.id),
            format!("DTSTAMP:{}T000000Z", basic_date(stamp)),
            format!("DTSTART;VALUE=DATE:{}", basic_date(first)),
            format!("DTEND;VALUE=DATE:{}", basic_date(next_day(first))),
            format!("RRULE:{}", recurrence(cadence)),
            format!("SUMMARY:{}", escape_text(&cadence.name())),
            format!("DESCRIPTION:{}", escape_text(&description.join("\n"))),
        ]);
        if let Some(owner) = owner {
            lines.push(format!("X-OPSBOARD-OWNER:{}", escape_text(&owner)));
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());

    let mut text = String::new();
    for line in &lines {
        text.push_str(&fold(line));
        text.push_str("\r\n");
    }
    text
}

/// What differs between the two events of an activity.
struct Event {
    uid: String,
    summary: String,
    date: NaiveDate,
}

/// The content lines of one event, not yet folded.
fn event_lines(
    plan: &Plan,
    activity: &Activity,
    event: &Event,
    app_url: &str,
    stamp: NaiveDate,
) -> Vec<String> {
    let owner = activity.owner.map(|owner| plan.person_name(owner));
    // Where it is edited: an initiative in the Plan view, the book of work
    // on the Work view.
    let route = if activity.is_initiative() {
        "#/plan/activity/"
    } else {
        "#/work/"
    };
    let link = (!app_url.is_empty()).then(|| format!("{app_url}{route}{}", activity.id));

    let mut description = vec![match &owner {
        Some(name) => format!("Owner: {name}"),
        None => "No owner".to_string(),
    }];
    description.push(format!("Status: {}", activity.status.label()));
    if !activity.client.trim().is_empty() {
        description.push(format!("Client: {}", activity.client.trim()));
    }
    if let Some(link) = &link {
        description.push(link.clone());
    }

    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", event.uid),
        format!("DTSTAMP:{}T000000Z", basic_date(stamp)),
        format!("DTSTART;VALUE=DATE:{}", basic_date(event.date)),
        format!("DTEND;VALUE=DATE:{}", basic_date(next_day(event.date))),
        format!("SUMMARY:{}", escape_text(&event.summary)),
        format!("DESCRIPTION:{}", escape_text(&description.join("\n"))),
    ];
    if let Some(link) = link {
        lines.push(format!("URL:{link}"));
    }
    if let Some(owner) = owner {
        lines.push(format!("X-OPSBOARD-OWNER:{}", escape_text(&owner)));
    }
    // A deadline is a marker on the day, not time anyone is busy.
    lines.push("TRANSP:TRANSPARENT".to_string());
    lines.push("END:VEVENT".to_string());
    lines
}

/// A cadence's rule as an RFC 5545 RRULE value: `FREQ=WEEKLY;BYDAY=MO`,
/// `FREQ=MONTHLY;BYDAY=1TU`, `FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH`.
fn recurrence(cadence: &Cadence) -> String {
    let day = match cadence.weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    };
    let nth = cadence.nth.unwrap_or(1);
    match cadence.frequency {
        Frequency::Weekly => format!("FREQ=WEEKLY;BYDAY={day}"),
        Frequency::Monthly => format!("FREQ=MONTHLY;BYDAY={nth}{day}"),
        Frequency::Quarterly => format!("FREQ=MONTHLY;INTERVAL=3;BYDAY={nth}{day}"),
    }
}

/// The app's address without a fragment or control characters, which
/// would break the link or the line it is written on.
fn base_url(app_url: &str) -> String {
    let without_fragment = app_url.split('#').next().unwrap_or_default();
    without_fragment
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

/// A date in the basic ISO form iCalendar uses: `20261123`.
fn basic_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The day after `date`: an all-day event ends (exclusively) there. The last
/// day chrono knows ends on itself rather than failing.
fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// A TEXT value escaped per RFC 5545 3.3.11: backslash, semicolon and comma
/// get a backslash, a line break (CR LF, LF or CR) becomes `\n`. Other
/// control characters, which TEXT may not hold, are dropped; tabs stay.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push('\t'),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// One content line folded per RFC 5545 3.1: no physical line longer than
/// 75 octets, each continuation starting with a space (which counts), and a
/// UTF-8 character never split across two lines. The line breaks inserted
/// are CR LF followed by the space; the line's own end is the caller's.
fn fold(line: &str) -> String {
    if line.len() <= LINE_OCTETS {
        return line.to_string();
    }
    let mut folded = String::with_capacity(line.len() + line.len() / 32);
    // The first line has 75 octets; the others 74 after their space.
    let mut room = LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let octets = c.len_utf8();
        if used + octets > room {
            folded.push_str("\r\n ");
            room = LINE_OCTETS - 1;
            used = 0;
        }
        folded.push(c);
        used += octets;
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityId, PlanId};
    use crate::test_support::{demo, today};

    #[test]
    fn text_is_escaped() {
        let check =
            |text: &str, expected: &str| assert_eq!(escape_text(text), expected, "{text:?}");
        check("plain words", "plain words");
        check("a,b;c", "a\\,b\\;c");
        check("back\\slash", "back\\\\slash");
        check("two\nlines", "two\\nlines");
        check("windows\r\nline", "windows\\nline");
        check("old mac\rline", "old mac\\nline");
        check("tab\tstays", "tab\tstays");
        check("bell\u{7}gone", "bellgone");
        check("Ümlaut, 🚀", "Ümlaut\\, 🚀");
    }

    /// Folds `line` and checks the physical lines' lengths in octets, and
    /// that unfolding (removing every CR LF space) gives the line back.
    fn check_fold(line: &str, expected_octets: &[usize]) {
        let folded = fold(line);
        let lengths: Vec<usize> = folded.split("\r\n").map(str::len).collect();
        assert_eq!(lengths, expected_octets, "{line:?}");
        assert!(folded
            .split("\r\n")
            .skip(1)
            .all(|part| part.starts_with(' ')));
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn lines_are_folded_at_75_octets() {
        check_fold("", &[0]);
        check_fold(&"a".repeat(75), &[75]);
        check_fold(&"a".repeat(76), &[75, 2]);
        check_fold(&"a".repeat(75 + 74), &[75, 75]);
        check_fold(&"a".repeat(75 + 74 + 1), &[75, 75, 2]);
    }

    #[test]
    fn a_character_straddling_the_limit_moves_to_the_next_line() {
        // "é" is two octets: at octets 75 and 76 it would be split.
        check_fold(&format!("{}é", "a".repeat(74)), &[74, 3]);
        // Exactly 75 octets with the "é" last is not folded.
        check_fold(&format!("{}é", "a".repeat(73)), &[75]);
        // A four-octet emoji at octets 73 to 76.
        check_fold(&format!("{}🚀b", "a".repeat(72)), &[72, 6]);
        // Emoji only: 18 fit the first line (72 octets), 18 each after.
        check_fold(&"🚀".repeat(40), &[72, 73, 17]);
    }

    #[test]
    fn an_activity_without_dates_has_no_event() {
        let mut plan = Plan::empty(PlanId(3), "Empty", today());
        plan.activities
            .push(Activity::new(ActivityId(1), "No dates"));
        let text = calendar(&plan, "", today());
        assert!(!text.contains("BEGIN:VEVENT"), "{text}");
        assert!(text.contains("X-WR-CALNAME:Empty\r\n"));
    }

    #[test]
    fn events_link_to_the_activity_and_name_the_owner() {
        let mut plan = demo();
        let text = calendar(&plan, "https://ops.example.com/board/#/old", today());
        let unfolded = text.replace("\r\n ", "");
        // The landing zone is internal work: no client line.
        assert!(unfolded.contains(
            "BEGIN:VEVENT\r\n\
             UID:act-2-deadline@plan-1.opsboard\r\n\
             DTSTAMP:20261123T000000Z\r\n\
             DTSTART;VALUE=DATE:20261225\r\n\
             DTEND;VALUE=DATE:20261226\r\n\
             SUMMARY:Deadline: Standard Azure landing zone in Terraform\r\n\
             DESCRIPTION:Owner: Tom Becker\\nStatus: In progress\\nhttps://ops.example.com/board/#/plan/activity/act-2\r\n\
             URL:https://ops.example.com/board/#/plan/activity/act-2\r\n\
             X-OPSBOARD-OWNER:Tom Becker\r\n\
             TRANSP:TRANSPARENT\r\n\
             END:VEVENT\r\n"
        ), "{unfolded}");
        // The pilot is for a client, due on Friday 2027-02-05 (week 12 of
        // the horizon from 2026-11-09).
        assert!(unfolded.contains(
            "BEGIN:VEVENT\r\n\
             UID:act-6-deadline@plan-1.opsboard\r\n\
             DTSTAMP:20261123T000000Z\r\n\
             DTSTART;VALUE=DATE:20270205\r\n\
             DTEND;VALUE=DATE:20270206\r\n\
             SUMMARY:Deadline: Pilot: onboard Fabrikam Legal in 7 days\r\n\
             DESCRIPTION:Owner: Lena Novak\\nStatus: Not started\\nClient: Fabrikam Legal\\nhttps://ops.example.com/board/#/plan/activity/act-6\r\n\
             URL:https://ops.example.com/board/#/plan/activity/act-6\r\n\
             X-OPSBOARD-OWNER:Lena Novak\r\n\
             TRANSP:TRANSPARENT\r\n\
             END:VEVENT\r\n"
        ), "{unfolded}");

        plan.activities[0].owner = None;
        let text = calendar(&plan, "", today());
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("DESCRIPTION:No owner\\nStatus: Done\r\n"),
            "{unfolded}"
        );
        assert!(!unfolded.contains("URL:"));
        assert_eq!(
            unfolded.matches("X-OPSBOARD-OWNER:").count(),
            text.matches("BEGIN:VEVENT").count() - 1,
            "activity 1 has one event, its deadline, and no owner"
        );
    }
}
