//! The rules of people's email addresses (plan file version 5): an email,
//! when a person has one, looks like an address, and no two people share
//! one, ignoring case (a spreadsheet import finds people by it). Part of
//! [`super::validate`]'s `Checker`. The import and the person form read
//! [`email_problem`] and [`email_key`] too, so a row is refused for the
//! same reason the plan would be.

use super::{Checker, Entity, Quoted};
use crate::model::{Person, Plan};

/// The longest email address, in characters: what an SMTP path holds
/// (RFC 5321).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Why a text is not an email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailProblem {
    #[error("is {0} characters long, more than the {MAX_EMAIL_CHARS} an address can have")]
    TooLong(usize),
    #[error("has a space in it")]
    Space,
    #[error("has a control character in it")]
    ControlCharacter,
    #[error("has no @: write it as name@example.com")]
    NoAt,
    #[error("has more than one @")]
    SeveralAts,
    #[error("has nothing before the @")]
    NothingBefore,
    #[error("has nothing after the @")]
    NothingAfter,
}

/// Why `email` does not look like an email address: one `@` with something
/// on both sides, no spaces, at most [`MAX_EMAIL_CHARS`] characters. An
/// empty text is no email at all, which a person may have.
pub fn email_problem(email: &str) -> Option<EmailProblem> {
    let chars = email.chars().count();
    if chars > MAX_EMAIL_CHARS {
        return Some(EmailProblem::TooLong(chars));
    }
    if email.chars().any(char::is_whitespace) {
        return Some(EmailProblem::Space);
    }
    if email.chars().any(char::is_control) {
        return Some(EmailProblem::ControlCharacter);
    }
    match email.split_once('@') {
        None if email.is_empty() => None,
        None => Some(EmailProblem::NoAt),
        Some((_, domain)) if domain.contains('@') => Some(EmailProblem::SeveralAts),
        Some(("", _)) => Some(EmailProblem::NothingBefore),
        Some((_, "")) => Some(EmailProblem::NothingAfter),
        Some(_) => None,
    }
}

/// An email as people are matched by it: without surrounding spaces, in
/// lowercase, so `Lena.Novak@Firm.example` is `lena.novak@firm.example`.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Checker {
    /// `person`'s email, when they have one, looks like an address.
    pub(super) fn email(&mut self, person: &Person) {
        if let Some(problem) = email_problem(&person.email) {
            self.error(
                format!("{}.email", Entity("people", person.id)),
                format!(
                    "{}'s email '{}' {problem}",
                    Quoted(&person.name),
                    Quoted(&person.email)
                ),
            );
        }
    }

    /// No two people share an email, ignoring case: each repeat is named
    /// with the first person who has it. By sorting, not by comparing every
    /// pair.
    pub(super) fn unique_emails(&mut self, plan: &Plan) {
        let mut keys: Vec<(String, usize)> = plan
            .people
            .iter()
            .enumerate()
            .filter(|(_, person)| {
                !person.email.is_empty() && email_problem(&person.email).is_none()
            })
            .map(|(index, person)| (email_key(&person.email), index))
            .collect();
        keys.sort_unstable();
        let mut first = 0;
        for at in 1..keys.len() {
            if keys[at].0 != keys[first].0 {
                first = at;
                continue;
            }
            let (owner, repeat) = (&plan.people[keys[first].1], &plan.people[keys[at].1]);
            self.error(
                format!("{}.email", Entity("people", repeat.id)),
                format!(
                    "{}'s email '{}' is {}'s too (ignoring case): each person has their own",
                    Quoted(&repeat.name),
                    Quoted(&repeat.email),
                    Quoted(&owner.name)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::errors;
    use super::*;
    use crate::command::{apply, Command, CommandError};
    use crate::model::{PersonId, PlanId};
    use crate::test_support::today;

    /// A plan of people "Person 1", "Person 2", … with `emails`.
    fn people_with(emails: &[&str]) -> Plan {
        let mut plan = Plan::empty(PlanId(1), "Emails", today());
        plan.people = (1..)
            .zip(emails)
            .map(|(n, email)| Person {
                email: email.to_string(),
                ..Person::new(PersonId(n), &format!("Person {n}"))
            })
            .collect();
        plan
    }

    /// The errors of a plan of people with `emails`, as "path: message".
    fn check(emails: &[&str], expected: &[&str]) {
        let found: Vec<String> = errors(&people_with(emails))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found, expected, "{emails:?}");
    }

    #[test]
    fn an_email_looks_like_an_address() {
        for fine in [
            "",
            "lena.novak@harbourline-it.example",
            "a@b",
            "o'connor+ops@firm.example",
            "zoë@société.example",
        ] {
            check(&[fine], &[]);
        }
        let longest = format!("{}@firm.example", "a".repeat(MAX_EMAIL_CHARS - 13));
        check(&[&longest], &[]);
        let one_more = format!("a{longest}");
        check(
            &[&one_more],
            &[&format!(
                "people[per-1].email: Person 1's email '{}…' is 255 characters long, more than the 254 an address can have",
                &one_more[..80]
            )],
        );
        for (email, problem) in [
            ("lena.novak", "has no @: write it as name@example.com"),
            ("lena@@firm.example", "has more than one @"),
            ("lena@firm@example", "has more than one @"),
            ("@firm.example", "has nothing before the @"),
            ("lena@", "has nothing after the @"),
            ("@", "has nothing before the @"),
            ("lena novak@firm.example", "has a space in it"),
            (" lena@firm.example", "has a space in it"),
            ("lena@firm.example\u{a0}", "has a space in it"),
            ("lena\u{7}@firm.example", "has a control character in it"),
        ] {
            check(
                &[email],
                &[&format!(
                    "people[per-1].email: Person 1's email '{email}' {problem}"
                )],
            );
        }
    }

    #[test]
    fn no_two_people_share_an_email_ignoring_case() {
        check(&["ana@firm.example", "ben@firm.example"], &[]);
        check(
            &["ana@firm.example", "ANA@Firm.Example"],
            &["people[per-2].email: Person 2's email 'ANA@Firm.Example' is Person 1's too (ignoring case): each person has their own"],
        );
        // Each repeat names the first person who has it.
        check(
            &["ana@x.example", "ben@x.example", "Ana@x.example", "ana@X.example"],
            &[
                "people[per-3].email: Person 3's email 'Ana@x.example' is Person 1's too (ignoring case): each person has their own",
                "people[per-4].email: Person 4's email 'ana@X.example' is Person 1's too (ignoring case): each person has their own",
            ],
        );
        // Having no email is not sharing one; a broken one is named once.
        check(&["", "", "ben@x.example"], &[]);
        check(
            &["ana", "ANA"],
            &[
                "people[per-1].email: Person 1's email 'ana' has no @: write it as name@example.com",
                "people[per-2].email: Person 2's email 'ANA' has no @: write it as name@example.com",
            ],
        );
    }

    #[test]
    fn a_command_cannot_give_a_person_a_broken_or_taken_email() {
        let plan = people_with(&["ana@x.example", ""]);
        for (email, message) in [
            (
                "ana at x",
                "people[per-2].email: Person 2's email 'ana at x' has a space in it",
            ),
            (
                "Ana@X.example",
                "people[per-2].email: Person 2's email 'Ana@X.example' is Person 1's too (ignoring case): each person has their own",
            ),
        ] {
            let command = Command::UpdatePerson(Person {
                email: email.to_string(),
                ..plan.people[1].clone()
            });
            match apply(&plan, &command, today()) {
                Err(CommandError::Invalid(finding)) => assert_eq!(finding.to_string(), message),
                other => panic!("{email}: expected a refusal, got {other:?}"),
            }
        }
    }
}
