//! Certification expires: a required certification missing, expired or
//! expiring before the deadline.

use super::{push, Context, Risk, RiskKind, Severity};
use crate::model::Activity;

/// Rule 7, second half: a required certification is missing, expired or
/// expires before the deadline.
pub(super) fn certifications(
    context: &Context,
    activity: &Activity,
    person_index: usize,
    found: &mut Vec<Risk>,
) {
    let person = &context.plan.people[person_index];
    for required in &activity.required_certifications {
        let name = required.trim();
        if name.is_empty() {
            continue;
        }
        // The latest of the holder's certificates of that name counts; no
        // expiry date means it does not expire. Names compare without ASCII
        // case (full Unicode case folding would cost the bundle its tables).
        let held = person
            .certifications
            .iter()
            .filter(|certification| certification.name.trim().eq_ignore_ascii_case(name))
            .map(|certification| certification.expires)
            .reduce(|left, right| match (left, right) {
                (None, _) | (_, None) => None,
                (Some(left), Some(right)) => Some(left.max(right)),
            });
        let deadline_text = match activity.deadline {
            Some(deadline) => format!(" by {deadline}"),
            None => String::new(),
        };
        let (severity, evidence, next_step) = match held {
            None => (
                Severity::High,
                format!("{} holds no '{name}' certification, which this activity requires.", person.name),
                format!(
                    "Hand the activity to someone who holds '{name}', or book {}'s exam{deadline_text}.",
                    person.name
                ),
            ),
            Some(None) => continue,
            Some(Some(expires)) if expires < context.today => (
                Severity::High,
                format!("{}'s '{name}' certification expired on {expires}.", person.name),
                format!(
                    "Book {}'s renewal{deadline_text}, or hand the activity to someone certified.",
                    person.name
                ),
            ),
            Some(Some(expires)) => match activity.deadline {
                Some(deadline) if expires < deadline => (
                    Severity::Medium,
                    format!(
                        "{}'s '{name}' certification expires on {expires}, before the deadline on {deadline}.",
                        person.name
                    ),
                    format!(
                        "Book {}'s renewal before {expires}, or plan for someone certified to finish the work.",
                        person.name
                    ),
                ),
                _ => continue,
            },
        };
        push(
            found,
            RiskKind::CertificationExpires,
            severity,
            activity,
            Some(person.id),
            evidence,
            next_step,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::risks::tests::check;
    use crate::model::{NaiveDate, Plan};
    use crate::test_support::{date, day, today};

    #[test]
    fn a_certification_must_be_held_and_valid_through_the_deadline() {
        // The landing zone is due on 2026-12-04.
        let needs = |plan: &mut Plan, name: &str, expires: Option<NaiveDate>| {
            plan.activities[0].required_certifications = vec![name.to_string()];
            plan.people[0].certifications[0].expires = expires;
        };
        let azure = "Azure Administrator Associate";
        check(
            |plan| needs(plan, azure, Some(date("2026-12-04"))),
            today(),
            &[],
        );
        check(|plan| needs(plan, azure, None), today(), &[]);
        check(
            |plan| {
                needs(
                    plan,
                    " azure ADMINISTRATOR associate ",
                    Some(date("2027-06-30")),
                )
            },
            today(),
            &[],
        );
        check(|plan| needs(plan, "  ", None), today(), &[]);
        check(
            |plan| needs(plan, azure, Some(date("2026-12-03"))),
            today(),
            &["act-1 Medium Certification expires per-1 | Tom Becker's 'Azure Administrator Associate' certification expires on 2026-12-03, before the deadline on 2026-12-04. | Book Tom Becker's renewal before 2026-12-03, or plan for someone certified to finish the work."],
        );
        // Valid today still counts as not expired.
        check(
            |plan| needs(plan, azure, Some(today())),
            today(),
            &["act-1 Medium Certification expires"],
        );
        check(
            |plan| needs(plan, azure, Some(day(-1))),
            today(),
            &["act-1 High Certification expires per-1 | Tom Becker's 'Azure Administrator Associate' certification expired on 2026-11-22. | Book Tom Becker's renewal by 2026-12-04, or hand the activity to someone certified."],
        );
        check(
            |plan| needs(plan, "CISSP", None),
            today(),
            &["act-1 High Certification expires per-1 | Tom Becker holds no 'CISSP' certification, which this activity requires. | Hand the activity to someone who holds 'CISSP', or book Tom Becker's exam by 2026-12-04."],
        );
        // Of two certificates of one name the later counts.
        check(
            |plan| {
                needs(plan, azure, Some(day(-1)));
                let mut renewed = plan.people[0].certifications[0].clone();
                renewed.expires = Some(date("2027-01-31"));
                plan.people[0].certifications.push(renewed);
            },
            today(),
            &[],
        );
    }
}
