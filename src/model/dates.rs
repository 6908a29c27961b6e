//! Reading and writing dates the way planners read them, without chrono's
//! general-purpose format and parse machinery (which would weigh on the
//! browser bundle for the few fixed formats a plan needs).

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads an ISO date, `2026-11-23`, and nothing else.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if !(digits(year) && digits(month) && digits(day)) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// "5 February 2027".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "5 Feb 2027".
pub fn medium_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        &MONTHS[date.month0() as usize][..3],
        date.year()
    )
}

/// "5 Feb".
pub fn short_date(date: NaiveDate) -> String {
    format!("{} {}", date.day(), &MONTHS[date.month0() as usize][..3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_iso_dates() {
        let cases = [
            ("2026-11-23", Some((2026, 11, 23))),
            ("2028-02-29", Some((2028, 2, 29))),
            ("2026-02-30", None),
            ("2026-2-3", None),
            ("26-11-23", None),
            ("2026-11-23T10:00", None),
            ("+026-11-23", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let expected = expected.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            assert_eq!(parse_iso_date(text), expected, "{text}");
        }
    }

    #[test]
    fn writes_dates_for_people() {
        let date = NaiveDate::from_ymd_opt(2027, 2, 5).expect("date");
        assert_eq!(long_date(date), "5 February 2027");
        assert_eq!(medium_date(date), "5 Feb 2027");
        assert_eq!(short_date(date), "5 Feb");
    }
}
