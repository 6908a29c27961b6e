//! ISO weeks, the unit of allocation and capacity.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// An ISO week, held as its Monday. Written as `2026-W48`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Week(NaiveDate);

/// The error for a string that is not an ISO week.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an ISO week: expected something like '2026-W48'")]
pub struct BadWeek(pub String);

impl Week {
    /// The week that contains `date` (for the first days chrono can hold,
    /// whose Monday it cannot, the week after).
    pub fn containing(date: NaiveDate) -> Week {
        let back = Duration::days(date.weekday().num_days_from_monday() as i64);
        match date.checked_sub_signed(back) {
            Some(monday) => Week(monday),
            None => Week(date + (Duration::days(7) - back)),
        }
    }

    /// The week `year`-W`week`, if it exists.
    pub fn from_iso(year: i32, week: u32) -> Option<Week> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(Week)
    }

    /// The Monday of this week.
    pub fn monday(self) -> NaiveDate {
        self.0
    }

    /// The given day of this week.
    pub fn day(self, weekday: Weekday) -> NaiveDate {
        self.0 + Duration::days(weekday.num_days_from_monday() as i64)
    }

    /// The week `weeks` later (or earlier, when negative).
    pub fn plus_weeks(self, weeks: i64) -> Week {
        Week(self.0 + Duration::weeks(weeks))
    }

    /// How many weeks `self` is after `earlier` (negative when before).
    /// Both are Mondays, so their day numbers differ by a multiple of 7 (a
    /// difference of day numbers costs less than chrono's `Sub`, and the
    /// engines take it for each of thousands of allocations).
    pub fn weeks_since(self, earlier: Week) -> i64 {
        (i64::from(self.0.num_days_from_ce()) - i64::from(earlier.0.num_days_from_ce())) / 7
    }

    /// The ISO week number (1-53).
    pub fn number(self) -> u32 {
        self.0.iso_week().week()
    }

    /// The ISO week-numbering year.
    pub fn iso_year(self) -> i32 {
        self.0.iso_week().year()
    }

    /// The week a typed or picked text names: a date (`2026-11-25`, what a
    /// date field gives), whose week is meant, or an ISO week (`2026-W48`).
    /// `None` for anything else.
    pub fn of_date_or_week(text: &str) -> Option<Week> {
        let text = text.trim();
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .map(Week::containing)
            .or_else(|| text.parse().ok())
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Four digits, as `FromStr` reads them back (year 1 is "0001-W01").
        write!(f, "{:04}-W{:02}", self.iso_year(), self.number())
    }
}

impl FromStr for Week {
    type Err = BadWeek;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadWeek(text.to_string());
        let (year, week) = text.split_once("-W").ok_or_else(bad)?;
        if year.len() != 4 || week.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        Week::from_iso(year, week).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;

    #[test]
    fn weeks_are_written_as_iso_weeks() {
        for (day, expected) in [
            ("2026-11-22", "2026-W47"),
            ("2026-11-23", "2026-W48"),
            ("2027-01-01", "2026-W53"),
            ("2024-12-30", "2025-W01"),
        ] {
            assert_eq!(Week::containing(date(day)).to_string(), expected, "{day}");
            assert_eq!(expected.parse::<Week>(), Ok(Week::containing(date(day))));
        }
    }

    #[test]
    fn a_date_or_a_week_names_a_week() {
        for (text, expected) in [
            ("2026-11-23", Some("2026-W48")),
            ("2026-11-25", Some("2026-W48")),
            (" 2026-11-29 ", Some("2026-W48")),
            ("2027-01-01", Some("2026-W53")),
            ("2026-W48", Some("2026-W48")),
            ("", None),
            ("2026-13-01", None),
            ("25/11/2026", None),
            ("2026-W54", None),
        ] {
            let week = Week::of_date_or_week(text).map(|week| week.to_string());
            assert_eq!(week.as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn a_week_before_year_1000_reads_back() {
        // Regression: year 1 was written "1-W01", which could not be read
        // back, so a plan file with such a week could not be reopened.
        for text in ["0001-W01", "0999-W52", "1970-W01", "9999-W52"] {
            let week: Week = text.parse().expect("a week");
            assert_eq!(week.to_string(), text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_week() {
        for text in [
            "2026-W54", "2025-W53", "2026-48", "26-W01", "2026-W1", "W01", "",
        ] {
            assert!(text.parse::<Week>().is_err(), "{text}");
        }
    }

    #[test]
    fn arithmetic() {
        let week: Week = "2026-W52".parse().expect("week");
        assert_eq!(week.plus_weeks(2).to_string(), "2027-W01");
        assert_eq!(week.plus_weeks(2).weeks_since(week), 2);
        assert_eq!(week.day(Weekday::Fri), date("2026-12-25"));
    }

    #[test]
    fn weeks_since_counts_whole_weeks_either_way_across_years() {
        let weeks = [
            "1970-W01", "1999-W52", "2000-W09", "2020-W53", "2021-W01", "2026-W52", "2027-W01",
            "2099-W53", "2100-W09", "2200-W52",
        ]
        .map(|text| text.parse::<Week>().expect("week"));
        for later in weeks {
            for earlier in weeks {
                let days = (later.monday() - earlier.monday()).num_days();
                assert_eq!(
                    later.weeks_since(earlier),
                    days / 7,
                    "{later} since {earlier}"
                );
                assert_eq!(later.weeks_since(earlier), -earlier.weeks_since(later));
            }
        }
        let w53: Week = "2020-W53".parse().expect("week");
        assert_eq!(w53.plus_weeks(1).to_string(), "2021-W01");
        assert_eq!(
            "2021-W01".parse::<Week>().expect("week").weeks_since(w53),
            1
        );
        assert_eq!(weeks[0].plus_weeks(11_800).weeks_since(weeks[0]), 11_800);
    }
}
