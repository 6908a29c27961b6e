//! Amounts, shares, hours and counts as people read them.

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
pub(super) fn grouped(whole: u64) -> String {
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
