//! The governance rhythm: recurring meetings (the weekly ops sync, the
//! monthly service review, the quarterly strategy review, or any other),
//! each with its day, its owner, and the dates it falls on.
//!
//! # The rule
//!
//! - **Weekly**: every `weekday`.
//! - **Monthly**: the `nth` `weekday` of every month ("the first Tuesday"),
//!   `nth` from 1 to [`MAX_NTH`], so every month has one.
//! - **Quarterly**: the `nth` `weekday` of the first month of every
//!   calendar quarter: January, April, July and October.
//!
//! Public holidays do not move a meeting: it is planned on its day.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{sort_by_number, CadenceId, PersonId, Plan};

/// The highest `nth` of a monthly or quarterly cadence: every month has a
/// fourth Monday, not every month a fifth.
pub const MAX_NTH: u8 = 4;

/// A meeting that recurs, with its owner.
#[derive(Debug, Clone, PartialEq)]
pub struct Cadence {
    pub id: CadenceId,
    pub kind: CadenceKind,
    /// The meeting's name; empty for a standard kind, which is then named by
    /// its label ("Monthly service review"). A custom cadence needs one.
    pub title: String,
    pub frequency: Frequency,
    pub weekday: Weekday,
    /// Monthly and quarterly: which `weekday` of the month (1 the first, up
    /// to [`MAX_NTH`]); weekly: none.
    pub nth: Option<u8>,
    /// Who runs it; none is allowed but shown as a gap.
    pub owner: Option<PersonId>,
}

/// What a cadence is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CadenceKind {
    /// The weekly check-in of the plan.
    WeeklyOpsSync,
    MonthlyServiceReview,
    QuarterlyStrategyReview,
    /// Any other meeting, named by its title, at any frequency.
    Custom,
}

impl CadenceKind {
    pub const ALL: [CadenceKind; 4] = [
        CadenceKind::WeeklyOpsSync,
        CadenceKind::MonthlyServiceReview,
        CadenceKind::QuarterlyStrategyReview,
        CadenceKind::Custom,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CadenceKind::WeeklyOpsSync => "Weekly ops sync",
            CadenceKind::MonthlyServiceReview => "Monthly service review",
            CadenceKind::QuarterlyStrategyReview => "Quarterly strategy review",
            CadenceKind::Custom => "Custom meeting",
        }
    }

    /// The frequency a standard kind has; a custom one has any.
    pub fn frequency(self) -> Option<Frequency> {
        match self {
            CadenceKind::WeeklyOpsSync => Some(Frequency::Weekly),
            CadenceKind::MonthlyServiceReview => Some(Frequency::Monthly),
            CadenceKind::QuarterlyStrategyReview => Some(Frequency::Quarterly),
            CadenceKind::Custom => None,
        }
    }
}

/// How often a cadence meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Weekly,
    Monthly,
    Quarterly,
}

impl Frequency {
    pub const ALL: [Frequency; 3] = [Frequency::Weekly, Frequency::Monthly, Frequency::Quarterly];

    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "Weekly",
            Frequency::Monthly => "Monthly",
            Frequency::Quarterly => "Quarterly",
        }
    }
}

/// How many months a monthly or quarterly search looks ahead before it
/// gives up (a date near the end of the calendar has no next month).
const MONTHS_SEARCHED: u32 = 12 * 400;

impl Cadence {
    /// A standard cadence of `kind` (its own frequency, no title).
    pub fn standard(
        id: CadenceId,
        kind: CadenceKind,
        weekday: Weekday,
        nth: Option<u8>,
        owner: Option<PersonId>,
    ) -> Cadence {
        Cadence {
            id,
            kind,
            title: String::new(),
            frequency: kind.frequency().unwrap_or(Frequency::Weekly),
            weekday,
            nth,
            owner,
        }
    }

    /// The name people read: the title, or the kind's label.
    pub fn name(&self) -> String {
        match self.title.trim() {
            "" => self.kind.label().to_string(),
            title => title.to_string(),
        }
    }

    /// The rule in words: "Every Monday", "The first Tuesday of every
    /// month", "The second Thursday of January, April, July and October".
    pub fn rule_text(&self) -> String {
        let day = weekday_name(self.weekday);
        let nth = ordinal(self.nth.unwrap_or(1));
        match self.frequency {
            Frequency::Weekly => format!("Every {day}"),
            Frequency::Monthly => format!("The {nth} {day} of every month"),
            Frequency::Quarterly => {
                format!("The {nth} {day} of January, April, July and October")
            }
        }
    }

    /// The first `count` dates it meets on, from `from` (included).
    pub fn next_dates(&self, from: NaiveDate, count: usize) -> Vec<NaiveDate> {
        let mut dates = Vec::with_capacity(count.min(64));
        let mut day = from;
        while dates.len() < count {
            let Some(next) = self.next_on_or_after(day) else {
                break;
            };
            dates.push(next);
            match next.succ_opt() {
                Some(after) => day = after,
                None => break,
            }
        }
        dates
    }

    /// The next date it meets on, on or after `from`; none past the end of
    /// the calendar.
    pub fn next_date(&self, from: NaiveDate) -> Option<NaiveDate> {
        self.next_on_or_after(from)
    }

    /// Every date it meets on from `first` to `last`, both included.
    pub fn dates_between(&self, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
        let mut dates = Vec::new();
        let mut day = first;
        while let Some(next) = self.next_on_or_after(day).filter(|next| *next <= last) {
            dates.push(next);
            match next.succ_opt() {
                Some(after) => day = after,
                None => break,
            }
        }
        dates
    }

    fn next_on_or_after(&self, from: NaiveDate) -> Option<NaiveDate> {
        match self.frequency {
            Frequency::Weekly => {
                let ahead = (7 + self.weekday.num_days_from_monday()
                    - from.weekday().num_days_from_monday())
                    % 7;
                from.checked_add_signed(Duration::days(i64::from(ahead)))
            }
            Frequency::Monthly | Frequency::Quarterly => {
                let nth = self.nth.unwrap_or(1).clamp(1, MAX_NTH);
                let (mut year, mut month) = (from.year(), from.month());
                for _ in 0..MONTHS_SEARCHED {
                    let meets_this_month = match self.frequency {
                        Frequency::Quarterly => month % 3 == 1,
                        _ => true,
                    };
                    if meets_this_month {
                        if let Some(date) = nth_weekday(year, month, self.weekday, nth) {
                            if date >= from {
                                return Some(date);
                            }
                        }
                    }
                    (year, month) = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                }
                None
            }
        }
    }

    /// "Monthly service review · the first Tuesday of every month · Priya
    /// Raman", for lists and screen readers; `owner` is the owner's name.
    pub fn describe(&self, owner: Option<&str>) -> String {
        let rule = self.rule_text();
        let mut rule_lower = rule.clone();
        if let Some(first) = rule_lower.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        match owner {
            Some(owner) => format!("{} · {rule_lower} · {owner}", self.name()),
            None => format!("{} · {rule_lower} · no owner", self.name()),
        }
    }
}

impl Plan {
    /// Every meeting of the plan's cadences from `first` to `last` (both
    /// included), by date, then cadence id: what "This week" lists.
    pub fn meetings_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Vec<(NaiveDate, &Cadence)> {
        let mut meetings: Vec<(NaiveDate, &Cadence)> = self
            .cadences
            .iter()
            .flat_map(|cadence| {
                cadence
                    .dates_between(first, last)
                    .into_iter()
                    .map(move |date| (date, cadence))
            })
            .collect();
        sort_by_number(&mut meetings, |(date, cadence)| {
            // Days from the common era (below 2^32 for any date a plan
            // holds), then the id.
            let day = u64::from(date.num_days_from_ce().max(0).unsigned_abs());
            day << 32 | u64::from(cadence.id.0)
        });
        meetings
    }
}

/// The `nth` `weekday` of a month.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: u8) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let ahead = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let day =
        first.checked_add_signed(Duration::days(i64::from(ahead) + 7 * (i64::from(nth) - 1)))?;
    (day.month() == month).then_some(day)
}

/// "Monday".
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "first", "second", "third", "fourth".
fn ordinal(nth: u8) -> String {
    match nth {
        1 => "first".to_string(),
        2 => "second".to_string(),
        3 => "third".to_string(),
        4 => "fourth".to_string(),
        other => format!("{other}th"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;

    fn cadence(frequency: Frequency, weekday: Weekday, nth: Option<u8>) -> Cadence {
        Cadence {
            frequency,
            ..Cadence::standard(CadenceId(1), CadenceKind::Custom, weekday, nth, None)
        }
    }

    /// The next `count` dates from `from`, as text.
    fn check(cadence: &Cadence, from: &str, count: usize, expected: &[&str]) {
        let dates: Vec<String> = cadence
            .next_dates(date(from), count)
            .iter()
            .map(NaiveDate::to_string)
            .collect();
        assert_eq!(dates, expected, "{} from {from}", cadence.rule_text());
    }

    #[test]
    fn weekly_meets_on_its_weekday_from_the_day_given() {
        // 2026-11-23 is a Monday: a Monday cadence meets that very day.
        let monday = cadence(Frequency::Weekly, Weekday::Mon, None);
        check(
            &monday,
            "2026-11-23",
            3,
            &["2026-11-23", "2026-11-30", "2026-12-07"],
        );
        // From a Tuesday, the next Monday; across the year's end.
        check(&monday, "2026-12-22", 2, &["2026-12-28", "2027-01-04"]);
        let friday = cadence(Frequency::Weekly, Weekday::Fri, None);
        check(&friday, "2026-11-28", 1, &["2026-12-04"]);
        assert_eq!(monday.rule_text(), "Every Monday");
    }

    #[test]
    fn monthly_meets_on_the_nth_weekday() {
        // First Tuesdays: 2026-12-01, 2027-01-05, 2027-02-02. From
        // 2026-11-23 the November one (11-03) has passed.
        let first_tuesday = cadence(Frequency::Monthly, Weekday::Tue, Some(1));
        check(
            &first_tuesday,
            "2026-11-23",
            3,
            &["2026-12-01", "2027-01-05", "2027-02-02"],
        );
        // On the day itself it counts.
        check(&first_tuesday, "2026-12-01", 1, &["2026-12-01"]);
        // Fourth Thursday of November 2026 is the 26th (1st is a Sunday:
        // Thursdays 5, 12, 19, 26).
        let fourth_thursday = cadence(Frequency::Monthly, Weekday::Thu, Some(4));
        check(
            &fourth_thursday,
            "2026-11-23",
            2,
            &["2026-11-26", "2026-12-24"],
        );
        assert_eq!(
            first_tuesday.rule_text(),
            "The first Tuesday of every month"
        );
    }

    #[test]
    fn quarterly_meets_in_january_april_july_and_october() {
        // Second Wednesday: 2027-01-13 (1 January 2027 is a Friday:
        // Wednesdays 6, 13), 2027-04-14 (1 April is a Thursday: 7, 14),
        // 2027-07-14 (1 July is a Thursday).
        let review = cadence(Frequency::Quarterly, Weekday::Wed, Some(2));
        check(
            &review,
            "2026-11-23",
            3,
            &["2027-01-13", "2027-04-14", "2027-07-14"],
        );
        // In the quarter's month, before and after the day.
        check(&review, "2027-04-01", 1, &["2027-04-14"]);
        check(&review, "2027-04-15", 1, &["2027-07-14"]);
        assert_eq!(
            review.rule_text(),
            "The second Wednesday of January, April, July and October"
        );
    }

    #[test]
    fn dates_between_two_days_include_both_ends() {
        let monday = cadence(Frequency::Weekly, Weekday::Mon, None);
        let dates = monday.dates_between(date("2026-11-23"), date("2026-12-07"));
        assert_eq!(
            dates,
            [date("2026-11-23"), date("2026-11-30"), date("2026-12-07")]
        );
        assert!(monday
            .dates_between(date("2026-11-24"), date("2026-11-29"))
            .is_empty());
    }

    #[test]
    fn the_end_of_the_calendar_ends_the_dates() {
        let monthly = cadence(Frequency::Monthly, Weekday::Mon, Some(1));
        assert!(monthly.next_dates(NaiveDate::MAX, 3).len() <= 1);
        let weekly = cadence(Frequency::Weekly, Weekday::Mon, None);
        assert!(weekly.next_dates(NaiveDate::MAX, 3).len() <= 1);
    }

    #[test]
    fn the_meetings_of_a_week_in_date_order() {
        // The demo's cadences in the week of Monday 2026-11-30: the ops
        // sync on Monday, the service review on Tuesday 1 December (its
        // first Tuesday); the strategy review only meets in January.
        let plan = crate::model::demo::demo_plan(crate::model::PlanId(1), date("2026-11-23"));
        let week: Vec<(String, String)> = plan
            .meetings_between(date("2026-11-30"), date("2026-12-06"))
            .into_iter()
            .map(|(day, cadence)| (day.to_string(), cadence.name()))
            .collect();
        assert_eq!(
            week,
            [
                ("2026-11-30".to_string(), "Weekly ops sync".to_string()),
                (
                    "2026-12-01".to_string(),
                    "Monthly service review".to_string()
                ),
            ]
        );
        let january = plan.meetings_between(date("2027-01-04"), date("2027-01-10"));
        let names: Vec<String> = january.iter().map(|(_, cadence)| cadence.name()).collect();
        assert_eq!(
            names,
            [
                "Weekly ops sync",
                "Monthly service review",
                "Quarterly strategy review"
            ]
        );
    }

    #[test]
    fn names_and_descriptions() {
        let review = Cadence::standard(
            CadenceId(2),
            CadenceKind::MonthlyServiceReview,
            Weekday::Tue,
            Some(1),
            None,
        );
        assert_eq!(review.frequency, Frequency::Monthly);
        assert_eq!(review.name(), "Monthly service review");
        assert_eq!(
            review.describe(Some("Priya Raman")),
            "Monthly service review · the first Tuesday of every month · Priya Raman"
        );
        let custom = Cadence {
            title: "Change advisory board".to_string(),
            ..cadence(Frequency::Weekly, Weekday::Thu, None)
        };
        assert_eq!(
            custom.describe(None),
            "Change advisory board · every Thursday · no owner"
        );
    }
}
