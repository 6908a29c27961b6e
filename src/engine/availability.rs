//! Who is there when: each person's working weekdays, public holidays,
//! leave, start and end dates and support load, turned into working days
//! and hours between two days. Shared by the risk checks and the skills
//! engine.
//!
//! Days are day numbers (see [`day_number`]) so that no count walks day by
//! day and no date arithmetic can overflow: working days are counted as
//! whole weeks, then the odd days, less the holidays found by binary search.

use chrono::Datelike;

use crate::model::{sort_by_number, NaiveDate, Person, Plan, WEEKDAYS};

/// The plan's public holidays as sorted, distinct day numbers.
pub(crate) fn holiday_numbers(plan: &Plan) -> Vec<i64> {
    let mut holidays: Vec<i64> = plan
        .holidays
        .iter()
        .map(|holiday| day_number(holiday.date))
        .collect();
    sort_by_number(&mut holidays, |day| order_key(*day));
    holidays.dedup();
    holidays
}

/// The date of a day number, if it is one chrono can hold.
pub(crate) fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

/// A person's working week and time away.
pub(crate) struct Calendar {
    /// Monday first.
    pub(crate) works: [bool; 7],
    pub(crate) days_a_week: usize,
    /// Hours a working day left for planned work once support work is done.
    pub(crate) net_daily_hours: f64,
    /// Contracted hours a working day, before support work.
    pub(crate) daily_hours: f64,
    /// Disjoint spans of time away, in date order.
    pub(crate) away: Vec<AwaySpan>,
    /// Periods with another support load: (first, last, hours a working
    /// day left for planned work during them).
    pub(crate) support_changes: Vec<(i64, i64, f64)>,
}

/// Days a person is away, as a share of each day (1 for whole days).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AwaySpan {
    pub(crate) first: i64,
    pub(crate) last: i64,
    pub(crate) share: f64,
}

/// Far enough before and after any date a plan can hold to stand for "ever".
const EVER_BEFORE: i64 = i64::MIN / 4;
const EVER_AFTER: i64 = i64::MAX / 4;

impl Calendar {
    pub(crate) fn new(person: &Person) -> Calendar {
        let mut works = [false; 7];
        for (slot, day) in works.iter_mut().zip(WEEKDAYS) {
            *slot = person.working_days.contains(&day);
        }
        let days_a_week = works.iter().filter(|works| **works).count();
        let per_day = |hours: f64| {
            if days_a_week > 0 && hours.is_finite() && hours > 0.0 {
                hours / days_a_week as f64
            } else {
                0.0
            }
        };
        let net_daily_hours =
            (per_day(person.weekly_hours) - per_day(person.support_hours_per_week)).max(0.0);

        // Not started yet and already gone count as whole days away, like
        // leave; leave that is backwards or of no share is ignored.
        let mut spans: Vec<AwaySpan> = Vec::new();
        if let Some(start) = person.start_date {
            spans.push(AwaySpan {
                first: EVER_BEFORE,
                last: day_number(start) - 1,
                share: 1.0,
            });
        }
        if let Some(end) = person.end_date {
            spans.push(AwaySpan {
                first: day_number(end) + 1,
                last: EVER_AFTER,
                share: 1.0,
            });
        }
        for leave in &person.leave {
            let share = leave.day_fraction;
            if leave.end >= leave.start && share.is_finite() && share > 0.0 {
                spans.push(AwaySpan {
                    first: day_number(leave.start),
                    last: day_number(leave.end),
                    share: share.min(1.0),
                });
            }
        }
        let support_changes = person
            .support_periods
            .iter()
            .filter(|period| period.end >= period.start)
            .map(|period| {
                (
                    day_number(period.start),
                    day_number(period.end),
                    (per_day(person.weekly_hours) - per_day(period.hours_per_week)).max(0.0),
                )
            })
            .collect();
        Calendar {
            works,
            days_a_week,
            net_daily_hours,
            daily_hours: per_day(person.weekly_hours),
            away: disjoint(&spans),
            support_changes,
        }
    }

    pub(crate) fn works_on(&self, day: i64) -> bool {
        self.works[weekday_index(day)]
    }

    /// The working days from `first` to `last` inclusive (day numbers):
    /// this person's working weekdays that are not in `holidays` (sorted
    /// day numbers, see [`holiday_numbers`]). Time away is not taken off.
    pub(crate) fn working_days(&self, holidays: &[i64], first: i64, last: i64) -> f64 {
        if last < first || self.days_a_week == 0 {
            return 0.0;
        }
        let days = last - first + 1;
        let whole_weeks = days / 7;
        let mut count = whole_weeks * self.days_a_week as i64;
        for day in first + whole_weeks * 7..=last {
            if self.works_on(day) {
                count += 1;
            }
        }
        let from = holidays.partition_point(|holiday| *holiday < first);
        let to = holidays.partition_point(|holiday| *holiday <= last);
        let holidays_worked = holidays[from..to.max(from)]
            .iter()
            .filter(|holiday| self.works_on(**holiday))
            .count() as i64;
        (count - holidays_worked).max(0) as f64
    }

    /// The working days from `first` to `last` inclusive this person is
    /// away (on leave, not started yet or already gone), half days counting
    /// half.
    pub(crate) fn days_away(&self, holidays: &[i64], first: i64, last: i64) -> f64 {
        let start = self.away.partition_point(|span| span.last < first);
        let mut total = 0.0;
        for span in &self.away[start..] {
            if span.first > last {
                break;
            }
            total += span.share
                * self.working_days(holidays, span.first.max(first), span.last.min(last));
        }
        total
    }

    /// The contracted hours from `first` to `last` inclusive: the working
    /// days this person is there (not on leave, employed), times their
    /// daily hours. Support work is not taken off.
    pub(crate) fn capacity_hours(&self, holidays: &[i64], first: i64, last: i64) -> f64 {
        let there =
            self.working_days(holidays, first, last) - self.days_away(holidays, first, last);
        self.daily_hours * there.max(0.0)
    }

    /// The hours from `first` to `last` inclusive this person has for
    /// planned work: the working days they are there, times their daily
    /// hours less their daily share of support work. Never negative.
    pub(crate) fn available_hours(&self, holidays: &[i64], first: i64, last: i64) -> f64 {
        let there =
            self.working_days(holidays, first, last) - self.days_away(holidays, first, last);
        let mut hours = self.net_daily_hours * there.max(0.0);
        // A support period (an on-call week) takes its own load on the days
        // of it the person is there.
        for (from, to, net_daily_then) in &self.support_changes {
            let (from, to) = ((*from).max(first), (*to).min(last));
            if from <= to {
                let there =
                    self.working_days(holidays, from, to) - self.days_away(holidays, from, to);
                hours -= (self.net_daily_hours - net_daily_then) * there.max(0.0);
            }
        }
        hours.max(0.0)
    }
}

/// How far [`Calendar::advance`] and [`Calendar::retreat`] look for working
/// days: twenty years, past any plan's dates.
const SEARCH_DAYS: i64 = 7_305;

impl Calendar {
    /// The share of day `day` this person works: a working weekday that is
    /// not a public holiday counts 1, less the share of it they are away.
    pub(crate) fn weight(&self, holidays: &[i64], day: i64) -> f64 {
        if self.days_a_week == 0 || !self.works_on(day) || holidays.binary_search(&day).is_ok() {
            return 0.0;
        }
        let at = self.away.partition_point(|span| span.last < day);
        match self.away.get(at) {
            Some(span) if span.first <= day => (1.0 - span.share).max(0.0),
            _ => 1.0,
        }
    }

    /// The working days this person is there from the instant `from` to
    /// the instant `to` (day numbers with fractions: day `d` runs from `d`
    /// to `d + 1`), a working day they are half away counting half; none
    /// (0) when `to` is not after `from`.
    pub(crate) fn days_there_between(&self, holidays: &[i64], from: f64, to: f64) -> f64 {
        if to <= from || !from.is_finite() || !to.is_finite() {
            return 0.0;
        }
        let (first, last) = (from.floor() as i64, to.floor() as i64);
        if first == last {
            return (to - from) * self.weight(holidays, first);
        }
        let head = ((first + 1) as f64 - from) * self.weight(holidays, first);
        let tail = (to - last as f64) * self.weight(holidays, last);
        let whole = if last > first + 1 {
            (self.working_days(holidays, first + 1, last - 1)
                - self.days_away(holidays, first + 1, last - 1))
            .max(0.0)
        } else {
            0.0
        };
        head + whole + tail
    }

    /// The instant `days` working days (there) after `from`; none when they
    /// are not there that much within [`SEARCH_DAYS`] (they leave, or work
    /// no days).
    pub(crate) fn advance(&self, holidays: &[i64], from: f64, days: f64) -> Option<f64> {
        if days <= 0.0 || !days.is_finite() {
            return Some(from);
        }
        let start = from.floor() as i64;
        let reach = |end: i64| self.days_there_between(holidays, from, end as f64);
        let (mut low, mut high) = (start + 1, start + SEARCH_DAYS);
        if reach(high) < days {
            return None;
        }
        // The first whole day `end` by which the days are worked.
        while low < high {
            let middle = low + (high - low) / 2;
            if reach(middle) >= days {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        let day = low - 1;
        let begin = from.max(day as f64);
        let left = days - self.days_there_between(holidays, from, begin);
        let weight = self.weight(holidays, day);
        Some(if weight > 0.0 {
            begin + left / weight
        } else {
            low as f64
        })
    }

    /// The instant `days` working days (there) before `to`; none when they
    /// are not there that much within [`SEARCH_DAYS`].
    pub(crate) fn retreat(&self, holidays: &[i64], to: f64, days: f64) -> Option<f64> {
        if days <= 0.0 || !days.is_finite() {
            return Some(to);
        }
        let end = to.ceil() as i64;
        let reach = |start: i64| self.days_there_between(holidays, start as f64, to);
        let (mut low, mut high) = (end - SEARCH_DAYS, end - 1);
        if reach(low) < days {
            return None;
        }
        // The last whole day `start` from which the days are worked.
        while low < high {
            let middle = high - (high - low) / 2;
            if reach(middle) >= days {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        let day = low;
        let finish = to.min((day + 1) as f64);
        let left = days - self.days_there_between(holidays, finish, to);
        let weight = self.weight(holidays, day);
        Some(if weight > 0.0 {
            finish - left / weight
        } else {
            day as f64
        })
    }
}

/// The same time away as disjoint spans in date order: where spans overlap
/// (two leaves on one day) the shares add up, at most to a whole day.
fn disjoint(spans: &[AwaySpan]) -> Vec<AwaySpan> {
    if spans.len() < 2 {
        return spans.to_vec();
    }
    let mut edges: Vec<i64> = spans
        .iter()
        .flat_map(|span| [span.first, span.last + 1])
        .collect();
    sort_by_number(&mut edges, |day| order_key(*day));
    edges.dedup();
    let mut result: Vec<AwaySpan> = Vec::new();
    for pair in edges.windows(2) {
        let (first, last) = (pair[0], pair[1] - 1);
        let share: f64 = spans
            .iter()
            .filter(|span| span.first <= first && last <= span.last)
            .map(|span| span.share)
            .sum::<f64>()
            .min(1.0);
        if share <= 0.0 {
            continue;
        }
        match result.last_mut() {
            Some(previous) if previous.last + 1 == first && previous.share == share => {
                previous.last = last;
            }
            _ => result.push(AwaySpan { first, last, share }),
        }
    }
    result
}

/// A date as a number of days, 1 being Monday 1 January of year 1.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// Monday 0 to Sunday 6, for a day number.
pub(crate) fn weekday_index(day: i64) -> usize {
    (day - 1).rem_euclid(7) as usize
}

/// Maps day numbers, which can be negative, to keys in the same order for
/// [`sort_by_number`]: flipping the sign bit does that.
pub(crate) fn order_key(day: i64) -> u64 {
    (day as u64) ^ (1 << 63)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;

    #[test]
    fn an_on_call_week_takes_its_own_support_load() {
        // 40 h over 5 days with 10 h of support: 6 h a day for planned work.
        // In the on-call week 2026-11-30..12-04 support is 30 h: 2 h a day.
        // A 50 h on-call week leaves nothing that week, and never less; a
        // period with no support at all frees the whole 40 h.
        let mut person = crate::model::Person::new(crate::model::PersonId(1), "Ann");
        person.support_hours_per_week = 10.0;
        let week = |text: &str| {
            let monday = day_number(date(text));
            (monday, monday + 6)
        };
        let cases = [(0.0, 30.0, 40.0), (30.0, 30.0, 10.0), (50.0, 30.0, 0.0)];
        for (on_call, usual_week, on_call_week) in cases {
            person.support_periods = vec![crate::model::SupportPeriod {
                start: date("2026-11-30"),
                end: date("2026-12-04"),
                hours_per_week: on_call,
                note: "On call".to_string(),
            }];
            let calendar = Calendar::new(&person);
            let (first, last) = week("2026-11-23");
            assert_eq!(
                calendar.available_hours(&[], first, last),
                usual_week,
                "{on_call}"
            );
            let (first, last) = week("2026-11-30");
            assert_eq!(
                calendar.available_hours(&[], first, last),
                on_call_week,
                "{on_call}"
            );
            let (first, _) = week("2026-11-23");
            let (_, last) = week("2026-11-30");
            assert_eq!(
                calendar.available_hours(&[], first, last),
                usual_week + on_call_week,
                "{on_call}"
            );
        }
    }

    #[test]
    fn day_numbers_know_their_weekdays() {
        for (text, weekday) in [
            ("0001-01-01", 0),
            ("2026-11-23", 0),
            ("2026-11-29", 6),
            ("2027-01-01", 4),
            ("1969-12-31", 2),
        ] {
            let on = date(text);
            assert_eq!(weekday_index(day_number(on)), weekday, "{text}");
            assert_eq!(
                weekday_index(day_number(on)),
                on.weekday().num_days_from_monday() as usize
            );
        }
        assert_eq!(
            weekday_index(day_number(NaiveDate::MIN)),
            NaiveDate::MIN.weekday().num_days_from_monday() as usize
        );
    }

    #[test]
    fn day_numbers_turn_back_into_dates() {
        for on in [date("2026-11-23"), NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(date_of(day_number(on)), Some(on));
        }
        assert_eq!(date_of(i64::MAX), None);
    }
}
