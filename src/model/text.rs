//! The numbers, hours, counts and names people read, written one way
//! everywhere: amounts with their currency, shares, hours, counts with
//! their noun, lists joined with "and", and skill levels. Dates are in
//! `dates.rs`.

/// "9,500 EUR", "135 EUR", "−1,200 EUR": whole units with thousands
/// separators, the currency code after; no code when the plan has none.
pub fn amount_text(amount: f64, currency: &str) -> String {
    let rounded = if amount.is_finite() {
        amount.round()
    } else {
        0.0
    };
    let whole = rounded.abs().min(1e15) as u64;
    let mut text = String::new();
    if rounded < 0.0 {
        text.push('−');
    }
    text.push_str(&grouped(whole));
    match currency.trim() {
        "" => text,
        code => format!("{text} {code}"),
    }
}

/// "+4,960 EUR", "−1,200 EUR", "±0 EUR".
pub fn signed_amount_text(amount: f64, currency: &str) -> String {
    let text = amount_text(amount, currency);
    if amount.is_finite() && amount.round() > 0.0 {
        format!("+{text}")
    } else if amount.is_finite() && amount.round() < 0.0 {
        text
    } else {
        format!("±{text}")
    }
}

/// A share as a whole percentage: "75 %".
pub fn percent_text(share: f64) -> String {
    let percent = if share.is_finite() {
        (share * 100.0).round() as i64
    } else {
        0
    };
    format!("{percent} %")
}

/// Hours to a tenth where they have one: "96", "7.5".
pub fn hours_figure(hours: f64) -> String {
    let tenths = if hours.is_finite() {
        (hours * 10.0).round() as i64
    } else {
        0
    };
    let sign = if tenths < 0 { "−" } else { "" };
    let tenths = tenths.unsigned_abs();
    if tenths % 10 == 0 {
        format!("{sign}{}", grouped(tenths / 10))
    } else {
        format!("{sign}{}.{}", grouped(tenths / 10), tenths % 10)
    }
}

/// A count with its thousands grouped: "67,175".
pub fn count_figure(count: usize) -> String {
    grouped(count as u64)
}

/// "5,360": digits in groups of three.
fn grouped(whole: u64) -> String {
    let digits = whole.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// "1 activity", "3 activities".
pub fn count_of(number: usize, one: &str, many: &str) -> String {
    format!("{number} {}", if number == 1 { one } else { many })
}

/// "A", "A and B", "A, B and C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A number as typed, without a needless ".0": "16", "7.5".
pub fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// The name of a skill level: none, learning, working, strong, expert.
pub fn level_name(level: u8) -> &'static str {
    match level {
        0 => "none",
        1 => "learning",
        2 => "working",
        3 => "strong",
        _ => "expert",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_hours_read_like_numbers() {
        for (amount, currency, text) in [
            (9_500.0, "EUR", "9,500 EUR"),
            (135.0, "EUR", "135 EUR"),
            (1_234_567.4, "USD", "1,234,567 USD"),
            (-1_200.0, "EUR", "−1,200 EUR"),
            (0.4, "", "0"),
            (f64::NAN, "EUR", "0 EUR"),
        ] {
            assert_eq!(amount_text(amount, currency), text);
        }
        assert_eq!(signed_amount_text(4_960.0, "EUR"), "+4,960 EUR");
        assert_eq!(signed_amount_text(-600.0, "EUR"), "−600 EUR");
        assert_eq!(signed_amount_text(0.2, "EUR"), "±0 EUR");
        assert_eq!(percent_text(0.755), "76 %");
        assert_eq!(hours_figure(96.0), "96");
        assert_eq!(hours_figure(7.5), "7.5");
        assert_eq!(hours_figure(-0.5), "−0.5");
        assert_eq!(hours_figure(5360.0), "5,360");
        assert_eq!(hours_figure(12345.25), "12,345.3");
        for (count, text) in [(0, "0"), (999, "999"), (1_000, "1,000"), (67_175, "67,175")] {
            assert_eq!(count_figure(count), text);
        }
    }

    #[test]
    fn counts_lists_numbers_and_levels_read_as_words() {
        assert_eq!(count_of(1, "week", "weeks"), "1 week");
        assert_eq!(count_of(3, "week", "weeks"), "3 weeks");
        let names = |items: &[&str]| {
            items
                .iter()
                .map(|item| item.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(join_and(&names(&[])), "");
        assert_eq!(join_and(&names(&["Azure"])), "Azure");
        assert_eq!(
            join_and(&names(&["Azure", "AWS", "GCP"])),
            "Azure, AWS and GCP"
        );
        assert_eq!(number_text(16.0), "16");
        assert_eq!(number_text(7.5), "7.5");
        assert_eq!(
            [0, 1, 2, 3, 4].map(level_name),
            ["none", "learning", "working", "strong", "expert"]
        );
    }
}
