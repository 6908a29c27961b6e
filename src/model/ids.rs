//! Stable, readable identifiers for everything in a plan.
//!
//! An id is a short prefix and a number (`act-7`, `per-12`). The core hands
//! out the next free number, so ids never come from a random source, plan files
//! diff cleanly and the same edits on the same plan give the same ids.

use std::fmt;
use std::str::FromStr;

/// The error for a string that is not an id of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not a valid id: expected something like '{prefix}-1'")]
pub struct BadId {
    pub text: String,
    pub prefix: &'static str,
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// The prefix this kind of id carries in files and in the UI.
            pub const PREFIX: &'static str = $prefix;

            /// The first id after the largest of `existing` (or `1`).
            pub fn next_after<'a>(existing: impl IntoIterator<Item = &'a $name>) -> $name {
                $name(existing.into_iter().map(|id| id.0).max().unwrap_or(0) + 1)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}-{}", $prefix, self.0)
            }
        }

        impl FromStr for $name {
            type Err = BadId;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.strip_prefix(concat!($prefix, "-"))
                    .filter(|digits| !digits.starts_with('+') && !digits.starts_with('0'))
                    .and_then(|digits| digits.parse::<u32>().ok())
                    .map($name)
                    .ok_or_else(|| BadId { text: text.to_string(), prefix: $prefix })
            }
        }
    };
}

id_type!(
    /// Identifies a plan among the plans kept in one browser.
    PlanId,
    "plan"
);
id_type!(
    /// Identifies an activity of a plan.
    ActivityId,
    "act"
);
id_type!(
    /// Identifies a person of a plan.
    PersonId,
    "per"
);
id_type!(
    /// Identifies a skill in the plan's skill catalogue.
    SkillId,
    "skl"
);
id_type!(
    /// Identifies an allocation of a person (or a placeholder role) to an activity.
    AllocationId,
    "alc"
);
id_type!(
    /// Identifies a what-if scenario: a named set of tentative allocations.
    ScenarioId,
    "scn"
);
id_type!(
    /// Identifies a success metric of the plan.
    MetricId,
    "met"
);
id_type!(
    /// Identifies an entry of the plan's check-in log.
    CheckInId,
    "chk"
);
id_type!(
    /// Identifies an open role of the hiring plan.
    RoleId,
    "rol"
);
id_type!(
    /// Identifies a governance cadence (a recurring meeting) of the plan.
    CadenceId,
    "cad"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<u32>) {
        assert_eq!(
            text.parse::<ActivityId>().ok().map(|id| id.0),
            expected,
            "{text}"
        );
    }

    #[test]
    fn parses_only_canonical_ids() {
        check("act-1", Some(1));
        check("act-42", Some(42));
        check("act-0", None);
        check("act-07", None);
        check("act-+7", None);
        check("per-1", None);
        check("act-", None);
        check("act-99999999999", None);
        check("", None);
    }

    #[test]
    fn display_round_trips() {
        let id = PersonId(12);
        assert_eq!(id.to_string(), "per-12");
        assert_eq!("per-12".parse::<PersonId>(), Ok(id));
    }

    #[test]
    fn next_after_takes_the_largest() {
        assert_eq!(SkillId::next_after(&[]), SkillId(1));
        assert_eq!(
            SkillId::next_after(&[SkillId(3), SkillId(9), SkillId(2)]),
            SkillId(10)
        );
    }
}
