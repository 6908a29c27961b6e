//! The cells an import reads: dates, numbers and lists in one cell.

use super::*;

// ---------------------------------------------------------------------------
// Dates.

/// How the dates of a spreadsheet are written, besides ISO dates, which are
/// always read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// `2026-12-07` only.
    Iso,
    /// `7/12/2026`, `07.12.2026`, `7-12-2026`: most of the world.
    DayMonthYear,
    /// `12/7/2026`: the United States.
    MonthDayYear,
}

impl DateOrder {
    /// The order as messages name it: "day/month/year".
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::Iso => "year-month-day",
            DateOrder::DayMonthYear => "day/month/year",
            DateOrder::MonthDayYear => "month/day/year",
        }
    }
}

/// What the dates of a column say about their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateGuess {
    /// Every date reads one way only, or all are ISO dates.
    Known(DateOrder),
    /// Every date that is not an ISO date has a day and a month of at most
    /// 12 (`3/4/2026`): either order reads them, so the person is asked.
    Ambiguous,
    /// Some dates read only as day/month/year (`31/1/2026`) and others only
    /// as month/day/year (`1/31/2026`).
    Conflicting,
    /// No value is a date.
    NoDates,
}

/// How a text is laid out as a date, before its numbers are checked.
enum Shape {
    /// `2026-12-07`, `2026/12/7`.
    YearFirst {
        year: i32,
        month: u32,
        day: u32,
    },
    /// `7/12/2026`: day and month in an order to know.
    YearLast {
        first: u32,
        second: u32,
        year: i32,
    },
    /// `7/12/26`.
    ShortYear,
    NotADate,
}

/// The number of a short run of ASCII digits (at most four, checked by the
/// caller).
fn small_number(digits: &str) -> u32 {
    digits
        .bytes()
        .fold(0, |number, digit| number * 10 + u32::from(digit - b'0'))
}

/// How `text` is laid out: three runs of digits separated by one of `-`,
/// `/` or `.` (the same twice), the year first (four digits) or last.
fn shape(text: &str) -> Shape {
    let Some(separator) = text.chars().find(|c| matches!(c, '-' | '/' | '.')) else {
        return Shape::NotADate;
    };
    let mut parts = text.split(separator);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Shape::NotADate;
    };
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    if digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) {
        return Shape::YearFirst {
            year: small_number(a) as i32,
            month: small_number(b),
            day: small_number(c),
        };
    }
    if digits(a, 1..=2) && digits(b, 1..=2) {
        if digits(c, 4..=4) {
            return Shape::YearLast {
                first: small_number(a),
                second: small_number(b),
                year: small_number(c) as i32,
            };
        }
        if digits(c, 1..=3) {
            return Shape::ShortYear;
        }
    }
    Shape::NotADate
}

/// The order the dates among `values` are written in (see [`DateGuess`]).
/// Values that are no date at all (empty cells, "TBC", `31/31/2026`) say
/// nothing; [`parse_date`] names them later.
pub fn detect_date_order<'a>(values: impl IntoIterator<Item = &'a str>) -> DateGuess {
    let (mut iso, mut either, mut day_first, mut month_first) = (false, false, false, false);
    for value in values {
        match shape(value.trim()) {
            Shape::YearFirst { year, month, day } => {
                iso |= NaiveDate::from_ymd_opt(year, month, day).is_some();
            }
            Shape::YearLast {
                first,
                second,
                year,
            } => match (
                NaiveDate::from_ymd_opt(year, second, first).is_some(),
                NaiveDate::from_ymd_opt(year, first, second).is_some(),
            ) {
                (true, true) => either = true,
                (true, false) => day_first = true,
                (false, true) => month_first = true,
                (false, false) => {}
            },
            Shape::ShortYear | Shape::NotADate => {}
        }
        if day_first && month_first {
            return DateGuess::Conflicting;
        }
    }
    match (day_first, month_first) {
        (true, _) => DateGuess::Known(DateOrder::DayMonthYear),
        (false, true) => DateGuess::Known(DateOrder::MonthDayYear),
        (false, false) if either => DateGuess::Ambiguous,
        (false, false) if iso => DateGuess::Known(DateOrder::Iso),
        (false, false) => DateGuess::NoDates,
    }
}

/// Reads a date: an ISO date (`2026-12-07`, also `2026/12/7`) whatever the
/// order, else day, month and year (or month, day and year) as `order`
/// says, separated by `/`, `.` or `-`, with a four-digit year.
pub fn parse_date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("no date is given".to_string());
    }
    let not_a_date =
        |order: DateOrder| format!("\"{}\" is not a date ({})", shown(text), order.label());
    match (shape(text), order) {
        (Shape::YearFirst { year, month, day }, _) => {
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| not_a_date(DateOrder::Iso))
        }
        (
            Shape::YearLast {
                first,
                second,
                year,
            },
            DateOrder::DayMonthYear,
        ) => NaiveDate::from_ymd_opt(year, second, first).ok_or_else(|| not_a_date(order)),
        (
            Shape::YearLast {
                first,
                second,
                year,
            },
            DateOrder::MonthDayYear,
        ) => NaiveDate::from_ymd_opt(year, first, second).ok_or_else(|| not_a_date(order)),
        (Shape::ShortYear, _) => Err(format!(
            "{}: write the year with 4 digits",
            not_a_date(order)
        )),
        (Shape::YearLast { .. }, DateOrder::Iso) | (Shape::NotADate, _) => Err(not_a_date(order)),
    }
}

// ---------------------------------------------------------------------------
// Numbers.

/// Why a text is not a plain decimal number.
enum NotANumber {
    /// Not digits with at most one decimal point or comma.
    Malformed,
    /// A comma before exactly three digits (`1,000`): a thousands separator
    /// or a decimal comma.
    Ambiguous,
}

/// A number of digits with at most one decimal point or decimal comma
/// (`40`, `7.5`, `7,5`, `.5`), finite and not negative. No sign, exponent,
/// `NaN` or `inf`: those are not how a spreadsheet writes hours.
fn decimal(text: &str) -> Result<f64, NotANumber> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(NotANumber::Malformed);
    }
    // "0,125" has no thousands; "1,000" may.
    if text.contains(',') && fraction.len() == 3 && !matches!(whole, "" | "0") {
        return Err(NotANumber::Ambiguous);
    }
    match format!("{whole}.{fraction}")
        .trim_end_matches('.')
        .parse::<f64>()
    {
        Ok(number) if number.is_finite() => Ok(number),
        _ => Err(NotANumber::Malformed),
    }
}

/// Reads a number of hours: `8`, `7.5`, `7,5` (a decimal comma), with or
/// without a unit (`8h`, `8 h`, `8 hrs`, `8 hours`). Refuses a negative
/// number, `NaN`, infinities and anything else, naming the text. Whether
/// the hours are a week's, a day's or a budget's, and their upper limit,
/// is the caller's to check.
pub fn parse_hours(text: &str) -> Result<f64, String> {
    let written = text.trim();
    if written.is_empty() {
        return Err("no number of hours is given".to_string());
    }
    let lower = written.to_lowercase();
    let number = ["hours", "hour", "hrs", "hr", "h"]
        .iter()
        .find_map(|unit| lower.strip_suffix(unit))
        .unwrap_or(&lower)
        .trim_end();
    let not_hours = |why: &str| format!("\"{}\" is not a number of hours{why}", shown(written));
    if number
        .strip_prefix('-')
        .is_some_and(|rest| decimal(rest).is_ok())
    {
        return Err(not_hours(": hours cannot be negative"));
    }
    decimal(number).map_err(|problem| match problem {
        NotANumber::Malformed => not_hours(""),
        NotANumber::Ambiguous => {
            not_hours(": write it without a thousands separator, or with a decimal point")
        }
    })
}

/// Reads a share from 0 to 1: `75%`, `75 %` and `75` are 0.75, and so is
/// `0.75` (a number up to 1 without `%` is a share already; `1` is 100 %).
/// A decimal comma is read (`62,5 %`). Refuses negative shares and more
/// than 100 %.
pub fn parse_percent(text: &str) -> Result<f64, String> {
    let written = text.trim();
    if written.is_empty() {
        return Err("no percentage is given".to_string());
    }
    let (number, percent_sign) = match written.strip_suffix('%') {
        Some(number) => (number.trim_end(), true),
        None => (written, false),
    };
    if number
        .strip_prefix('-')
        .is_some_and(|rest| decimal(rest).is_ok())
    {
        return Err(format!(
            "\"{}\" is not a percentage: it cannot be negative",
            shown(written)
        ));
    }
    let value = decimal(number).map_err(|_| {
        format!(
            "\"{}\" is not a percentage: write 75 % or 0.75",
            shown(written)
        )
    })?;
    let share = if percent_sign || value > 1.0 {
        value / 100.0
    } else {
        value
    };
    if share > 1.0 {
        return Err(format!("\"{}\" is more than 100 %", shown(written)));
    }
    Ok(share)
}

// ---------------------------------------------------------------------------
// Lists in one cell.

/// The entries of a list in one cell, separated by `;`, `,` or `|`,
/// trimmed, empty ones skipped.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', ',', '|'])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
}

/// Reads skill levels from one cell: entries separated by `;`, `,` or `|`,
/// each `Name:level`, `Name=level` (Runn's way) or `Name (level)`, the
/// level a whole number from 0 to 4. A blank cell is no skills. Refused,
/// naming the entry: a name without a level, a level out of range, a level
/// without a name, a skill listed twice.
pub fn parse_skill_levels(text: &str) -> Result<Vec<(String, u8)>, String> {
    let mut levels = Vec::new();
    let mut seen = HashSet::new();
    for entry in entries(text) {
        let split = entry.rsplit_once([':', '=']).or_else(|| {
            entry
                .strip_suffix(')')
                .and_then(|body| body.rsplit_once('('))
        });
        let Some((name, level)) = split else {
            return Err(format!(
                "\"{0}\" has no level: write it as {0}:3, with a level from 0 to {MAX_SKILL_LEVEL}",
                shown(entry)
            ));
        };
        let (name, level) = (name.trim(), level.trim());
        if name.is_empty() {
            return Err(format!("\"{}\" has no skill name", shown(entry)));
        }
        let level = match level.parse::<u8>() {
            Ok(number)
                if number <= MAX_SKILL_LEVEL && level.bytes().all(|b| b.is_ascii_digit()) =>
            {
                number
            }
            _ => {
                return Err(format!(
                    "\"{}\": the level must be a whole number from 0 to {MAX_SKILL_LEVEL}",
                    shown(entry)
                ))
            }
        };
        if !seen.insert(name_key(name)) {
            return Err(format!("\"{}\" is listed twice", shown(name)));
        }
        levels.push((name.to_string(), level));
    }
    Ok(levels)
}

/// Reads certifications from one cell: entries separated by `;`, `,` or
/// `|`, each a name with its expiry date in brackets or without one
/// (`AZ-104 (2027-03-31); CKA`), the date read as [`parse_date`] reads it in
/// `order`. Brackets that hold no date are part of the name (`CCNA
/// (Routing)`). A blank cell is none. Refused, naming the entry: a bad date,
/// a certification listed twice.
pub fn parse_certifications(
    text: &str,
    order: DateOrder,
) -> Result<Vec<(String, Option<NaiveDate>)>, String> {
    let mut certifications = Vec::new();
    let mut seen = HashSet::new();
    for entry in entries(text) {
        let dated = entry
            .strip_suffix(')')
            .and_then(|body| body.rsplit_once('('))
            .filter(|(_, date)| !matches!(shape(date.trim()), Shape::NotADate));
        let (name, expires) = match dated {
            Some((name, date)) => {
                let date = parse_date(date, order)
                    .map_err(|problem| format!("{}: {problem}", shown(name.trim())))?;
                (name.trim(), Some(date))
            }
            None => (entry, None),
        };
        if name.is_empty() {
            return Err(format!("\"{}\" has no certification name", shown(entry)));
        }
        if !seen.insert(name_key(name)) {
            return Err(format!("\"{}\" is listed twice", shown(name)));
        }
        certifications.push((name.to_string(), expires));
    }
    Ok(certifications)
}

/// The full English names of the days, Monday first, as [`WEEKDAYS`].
const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The index in [`WEEKDAYS`] of a day written as its name or the start of
/// it, two letters at least (`Mo`, `Tue`, `Thurs`, `Wednesday`, `Fri.`),
/// in any case.
fn weekday_index(token: &str) -> Option<usize> {
    let token = token.trim_end_matches('.').to_lowercase();
    if token == "weds" {
        return Some(2);
    }
    if token.chars().count() < 2 {
        return None;
    }
    DAY_NAMES.iter().position(|name| name.starts_with(&token))
}

/// Reads the days a person works from one cell: days by name or short name
/// in any case (`Mon Tue Wed Thu`, `Monday;Tuesday`, `mon,wed,fri`),
/// ranges (`Mon-Fri`, `Mon to Thu`, `Sun-Thu` across the weekend) and
/// `weekdays`, separated by spaces, `,`, `;`, `|`, `/` or `&`. The days come
/// back Monday first, each once. A blank cell is no days (the caller keeps
/// what the person had).
pub fn parse_working_days(text: &str) -> Result<Vec<Weekday>, String> {
    let spaced = text.replace(['–', '—'], "-").replace('-', " - ");
    let tokens: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|' | '/' | '&'))
        .filter(|token| !token.is_empty() && !token.eq_ignore_ascii_case("and"))
        .collect();
    let is_range_word = |token: &str| {
        ["-", "to", "through", "thru", "till", "until"]
            .iter()
            .any(|word| token.eq_ignore_ascii_case(word))
    };
    let not_a_range = || {
        format!(
            "\"{}\" is not a range of days: write it as Mon-Fri",
            shown(text.trim())
        )
    };
    let mut works = [false; 7];
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        if token.eq_ignore_ascii_case("weekdays") {
            works[..5].fill(true);
            at += 1;
            continue;
        }
        if is_range_word(token) {
            return Err(not_a_range());
        }
        let first = weekday_index(token)
            .ok_or_else(|| format!("\"{}\" is not a day of the week", shown(token)))?;
        if !tokens.get(at + 1).is_some_and(|next| is_range_word(next)) {
            works[first] = true;
            at += 1;
            continue;
        }
        let last = tokens
            .get(at + 2)
            .and_then(|token| weekday_index(token))
            .ok_or_else(not_a_range)?;
        let mut day = first;
        works[day] = true;
        while day != last {
            day = (day + 1) % 7;
            works[day] = true;
        }
        at += 3;
    }
    Ok(WEEKDAYS
        .iter()
        .zip(works)
        .filter(|(_, works)| *works)
        .map(|(day, _)| *day)
        .collect())
}

/// A name as people are matched by it: lowercase, the spaces around it
/// dropped and those inside collapsed to one, so "Lena  Novak " and "lena
/// novak" are one person.
pub fn name_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.to_lowercase());
    }
    key
}
