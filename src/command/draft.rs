//! Moving an allocation by keyboard or by taps before the move is applied:
//! what each key, or a tap on a week, does to the draft, and how each
//! timeline words it. The Capacity view's and the Work view's timelines
//! share it, so the same keys do the same thing on both, and the draft
//! becomes one `Command` when Enter applies it.

use crate::model::{
    number_text, Allocation, AllocationId, Assignee, Plan, Week, HOURS_PER_WEEK_LIMIT,
};

/// A booking picked up or proposed, shown in place until it is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The allocation being changed; none for a new one.
    pub original: Option<AllocationId>,
    pub allocation: Allocation,
}

/// The two timelines that draft, each in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeline {
    /// The Capacity view: people and open roles by week. It names roles in
    /// a sentence ("open role Cloud Engineer") and hours to a tenth.
    Capacity,
    /// A piece of work's team: it names whoever a booking is on as its
    /// rows do ("Open role Cloud Engineer") and hours as typed.
    Team,
}

impl Timeline {
    /// The name of whoever a draft is on.
    pub fn assignee_name(self, plan: &Plan, assignee: &Assignee) -> String {
        match (self, assignee) {
            (_, Assignee::Person(person)) => plan.person_name(*person),
            (Timeline::Capacity, Assignee::Placeholder { role, .. }) => format!("unstaffed {role}"),
            (Timeline::Capacity, Assignee::Role(role)) => {
                format!("open role {}", plan.role_title(*role))
            }
            (Timeline::Team, Assignee::Placeholder { role, .. }) => format!("{role} (to staff)"),
            (Timeline::Team, Assignee::Role(role)) => {
                format!("Open role {}", plan.role_title(*role))
            }
        }
    }

    /// Where a draft stands, without the keys: "Aisha Khan, 2026-W48 to
    /// 2027-W05, 16 h a week".
    pub fn place(self, plan: &Plan, allocation: &Allocation) -> String {
        let hours = match self {
            Timeline::Capacity => (allocation.hours_per_week.max(0.0) * 10.0).round() / 10.0,
            Timeline::Team => allocation.hours_per_week,
        };
        format!(
            "{}, {} to {}, {} h a week",
            self.assignee_name(plan, &allocation.assignee),
            allocation.first_week,
            allocation.last_week,
            number_text(hours)
        )
    }

    /// What a screen reader hears as a draft moves: where it stands and
    /// the keys.
    pub fn described(self, plan: &Plan, allocation: &Allocation) -> String {
        let keys = match self {
            Timeline::Capacity => "Enter applies, Escape cancels.",
            Timeline::Team => "Arrows move it, Shift+arrows change its end, + and − the hours, up and down the person; Enter applies, Escape cancels.",
        };
        format!("{}. {keys}", self.place(plan, allocation))
    }

    /// What a screen reader hears when a draft starts.
    pub fn started(self, plan: &Plan, allocation: &Allocation) -> String {
        let verb = match self {
            Timeline::Capacity => "Moving",
            Timeline::Team => "Booking",
        };
        format!("{verb} {}", self.described(plan, allocation))
    }

    /// What a screen reader hears when a draft is cancelled.
    pub fn cancelled(self) -> &'static str {
        match self {
            Timeline::Capacity => "Move cancelled",
            Timeline::Team => "Booking cancelled",
        }
    }

    /// The draft as its toolbar names it: "Placing 'Intake form': Marcus
    /// Hill, 2026-W48 to 2026-W51, 7 h a week." on the Capacity view,
    /// "Booking Aisha Khan, 2026-W48 to 2027-W05, 16 h a week." on a team.
    pub fn heading(self, plan: &Plan, draft: &Draft) -> String {
        let moving = draft.original.is_some();
        let place = self.place(plan, &draft.allocation);
        match self {
            Timeline::Capacity => format!(
                "{} '{}': {place}.",
                if moving { "Moving" } else { "Placing" },
                plan.activity_title(draft.allocation.activity),
            ),
            Timeline::Team => format!("{} {place}.", if moving { "Moving" } else { "Booking" }),
        }
    }
}

/// A key that changes a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKey {
    /// ← and →: the whole bar a week earlier or later.
    Earlier,
    Later,
    /// Shift+→ and Shift+←: the last week one later or earlier (never
    /// before the first).
    Longer,
    Shorter,
    /// + and −: an hour a week more or less (never under 1).
    MoreHours,
    FewerHours,
    /// ↑ and ↓: to the row above or below (a person or an open role).
    PreviousRow,
    NextRow,
}

impl DraftKey {
    /// The draft key of a key press (`KeyboardEvent.key` and Shift); none
    /// for keys that do not change a draft (Enter and Escape apply and
    /// cancel it, which the view does).
    pub fn of(key: &str, shift: bool) -> Option<DraftKey> {
        Some(match (key, shift) {
            ("ArrowLeft", false) => DraftKey::Earlier,
            ("ArrowRight", false) => DraftKey::Later,
            ("ArrowRight", true) => DraftKey::Longer,
            ("ArrowLeft", true) => DraftKey::Shorter,
            ("+" | "=", _) => DraftKey::MoreHours,
            ("-" | "_", _) => DraftKey::FewerHours,
            ("ArrowUp", _) => DraftKey::PreviousRow,
            ("ArrowDown", _) => DraftKey::NextRow,
            _ => return None,
        })
    }
}

/// `draft` changed by `key`; `rows` are the rows it can move between, top
/// to bottom (a draft on none of them moves to the first).
pub fn step(draft: &Allocation, key: DraftKey, rows: &[Assignee]) -> Allocation {
    let mut next = draft.clone();
    match key {
        DraftKey::Earlier => {
            next.first_week = next.first_week.plus_weeks(-1);
            next.last_week = next.last_week.plus_weeks(-1);
        }
        DraftKey::Later => {
            next.first_week = next.first_week.plus_weeks(1);
            next.last_week = next.last_week.plus_weeks(1);
        }
        DraftKey::Longer => next.last_week = next.last_week.plus_weeks(1),
        DraftKey::Shorter => {
            if next.last_week > next.first_week {
                next.last_week = next.last_week.plus_weeks(-1);
            }
        }
        DraftKey::MoreHours => {
            next.hours_per_week = (next.hours_per_week + 1.0).min(HOURS_PER_WEEK_LIMIT);
        }
        DraftKey::FewerHours => next.hours_per_week = (next.hours_per_week - 1.0).max(1.0),
        DraftKey::PreviousRow | DraftKey::NextRow => {
            let at = rows.iter().position(|row| *row == next.assignee);
            let target = match (at, key) {
                (Some(at), DraftKey::PreviousRow) => at.checked_sub(1).and_then(|at| rows.get(at)),
                (Some(at), _) => rows.get(at + 1),
                (None, _) => rows.first(),
            };
            if let Some(row) = target {
                next.assignee = row.clone();
            }
        }
    }
    next
}

/// `draft` moved to `assignee` from `first_week`, as long as it was: where a
/// tap or click on a week of a row puts it, on both timelines.
pub fn moved_to(draft: &Allocation, assignee: Assignee, first_week: Week) -> Allocation {
    let length = draft.last_week.weeks_since(draft.first_week);
    Allocation {
        assignee,
        first_week,
        last_week: first_week.plus_weeks(length),
        ..draft.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityId, Commitment, PersonId, RoleId};
    use crate::test_support::{demo, week};

    fn draft() -> Allocation {
        Allocation {
            id: AllocationId(3),
            assignee: Assignee::Person(PersonId(2)),
            activity: ActivityId(7),
            hours_per_week: 8.0,
            first_week: week("2026-W50"),
            last_week: week("2026-W52"),
            commitment: Commitment::Confirmed,
            scenario: None,
        }
    }

    /// The draft after pressing `keys` (key, shift) in turn on people 1-3.
    fn after(keys: &[(&str, bool)]) -> Allocation {
        let rows: Vec<Assignee> = (1..=3).map(|id| Assignee::Person(PersonId(id))).collect();
        keys.iter().fold(draft(), |draft, (key, shift)| {
            match DraftKey::of(key, *shift) {
                Some(step_key) => step(&draft, step_key, &rows),
                None => draft,
            }
        })
    }

    #[test]
    fn a_tapped_week_takes_the_draft_there_as_long_as_it_was() {
        for (row, tapped, expected) in [
            (2, "2026-W46", ("2026-W46", "2026-W48")),
            (5, "2027-W01", ("2027-W01", "2027-W03")),
            (2, "2026-W50", ("2026-W50", "2026-W52")),
        ] {
            let moved = moved_to(&draft(), Assignee::Person(PersonId(row)), week(tapped));
            assert_eq!(
                (moved.first_week, moved.last_week),
                (week(expected.0), week(expected.1)),
                "{tapped}"
            );
            assert_eq!(moved.assignee, Assignee::Person(PersonId(row)));
            assert_eq!(
                (moved.id, moved.activity, moved.hours_per_week),
                (AllocationId(3), ActivityId(7), 8.0)
            );
        }
    }

    /// Keys pressed, and the first week, last week, hours and person after.
    type Case = (
        &'static [(&'static str, bool)],
        (&'static str, &'static str, f64, u32),
    );

    #[test]
    fn each_key_moves_stretches_or_changes_the_hours_of_the_draft() {
        let cases: [Case; 9] = [
            (&[("ArrowRight", false)], ("2026-W51", "2026-W53", 8.0, 2)),
            (&[("ArrowLeft", false)], ("2026-W49", "2026-W51", 8.0, 2)),
            (&[("ArrowRight", true)], ("2026-W50", "2026-W53", 8.0, 2)),
            // Never shorter than its first week.
            (
                &[
                    ("ArrowLeft", true),
                    ("ArrowLeft", true),
                    ("ArrowLeft", true),
                ],
                ("2026-W50", "2026-W50", 8.0, 2),
            ),
            (
                &[("+", false), ("=", false)],
                ("2026-W50", "2026-W52", 10.0, 2),
            ),
            (&[("-", false)], ("2026-W50", "2026-W52", 7.0, 2)),
            (&[("ArrowUp", false)], ("2026-W50", "2026-W52", 8.0, 1)),
            (
                &[("ArrowDown", false), ("ArrowDown", false)],
                ("2026-W50", "2026-W52", 8.0, 3),
            ),
            // Other keys leave it; the year's last week runs into the next.
            (
                &[
                    ("x", false),
                    ("Enter", false),
                    ("ArrowRight", false),
                    ("ArrowRight", false),
                ],
                ("2026-W52", "2027-W01", 8.0, 2),
            ),
        ];
        for (keys, (first, last, hours, person)) in cases {
            let moved = after(keys);
            assert_eq!(
                (
                    moved.first_week,
                    moved.last_week,
                    moved.hours_per_week,
                    moved.assignee
                ),
                (
                    week(first),
                    week(last),
                    hours,
                    Assignee::Person(PersonId(person))
                ),
                "{keys:?}"
            );
        }
    }

    #[test]
    fn hours_stay_between_one_and_a_week_and_rows_stop_at_the_ends() {
        let rows = [Assignee::Person(PersonId(2))];
        let mut low = draft();
        low.hours_per_week = 1.0;
        assert_eq!(step(&low, DraftKey::FewerHours, &rows).hours_per_week, 1.0);
        let mut high = draft();
        high.hours_per_week = HOURS_PER_WEEK_LIMIT;
        assert_eq!(
            step(&high, DraftKey::MoreHours, &rows).hours_per_week,
            HOURS_PER_WEEK_LIMIT
        );
        assert_eq!(step(&draft(), DraftKey::PreviousRow, &rows), draft());
        assert_eq!(step(&draft(), DraftKey::NextRow, &rows), draft());
        // A draft on no row (a role to staff) goes to the first.
        let mut staffing = draft();
        staffing.assignee = Assignee::Placeholder {
            role: "Engineer".to_string(),
            skills: Vec::new(),
        };
        assert_eq!(
            step(&staffing, DraftKey::NextRow, &rows).assignee,
            Assignee::Person(PersonId(2))
        );
    }

    /// Checks the words of a draft of 7.25 h a week (a new one, or one
    /// picked up) on each timeline.
    fn check(timeline: Timeline, assignee: Assignee, original: bool, expected: [&str; 3]) {
        let plan = demo();
        let allocation = Allocation {
            assignee,
            activity: ActivityId(1),
            hours_per_week: 7.25,
            ..draft()
        };
        let drafted = Draft {
            original: original.then_some(AllocationId(3)),
            allocation: allocation.clone(),
        };
        assert_eq!(
            [
                timeline.heading(&plan, &drafted),
                timeline.started(&plan, &allocation),
                timeline.cancelled().to_string(),
            ],
            expected.map(str::to_string),
            "{timeline:?}"
        );
    }

    #[test]
    fn each_timeline_words_its_drafts_its_own_way() {
        let aisha = || Assignee::Person(PersonId(5));
        let placeholder = || Assignee::Placeholder {
            role: "Engineer".to_string(),
            skills: Vec::new(),
        };
        check(
            Timeline::Capacity,
            aisha(),
            false,
            [
                "Placing 'Map the current onboarding process': Aisha Khan, 2026-W50 to 2026-W52, 7.3 h a week.",
                "Moving Aisha Khan, 2026-W50 to 2026-W52, 7.3 h a week. Enter applies, Escape cancels.",
                "Move cancelled",
            ],
        );
        check(
            Timeline::Capacity,
            Assignee::Role(RoleId(1)),
            true,
            [
                "Moving 'Map the current onboarding process': open role Cloud Engineer, 2026-W50 to 2026-W52, 7.3 h a week.",
                "Moving open role Cloud Engineer, 2026-W50 to 2026-W52, 7.3 h a week. Enter applies, Escape cancels.",
                "Move cancelled",
            ],
        );
        check(
            Timeline::Capacity,
            placeholder(),
            true,
            [
                "Moving 'Map the current onboarding process': unstaffed Engineer, 2026-W50 to 2026-W52, 7.3 h a week.",
                "Moving unstaffed Engineer, 2026-W50 to 2026-W52, 7.3 h a week. Enter applies, Escape cancels.",
                "Move cancelled",
            ],
        );
        let keys = "Arrows move it, Shift+arrows change its end, + and − the hours, up and down the person; Enter applies, Escape cancels.";
        for (assignee, original, heading, started) in [
            (
                aisha(),
                false,
                "Booking Aisha Khan, 2026-W50 to 2026-W52, 7.25 h a week.",
                "Booking Aisha Khan, 2026-W50 to 2026-W52, 7.25 h a week.",
            ),
            (
                Assignee::Role(RoleId(1)),
                true,
                "Moving Open role Cloud Engineer, 2026-W50 to 2026-W52, 7.25 h a week.",
                "Booking Open role Cloud Engineer, 2026-W50 to 2026-W52, 7.25 h a week.",
            ),
            (
                placeholder(),
                true,
                "Moving Engineer (to staff), 2026-W50 to 2026-W52, 7.25 h a week.",
                "Booking Engineer (to staff), 2026-W50 to 2026-W52, 7.25 h a week.",
            ),
        ] {
            check(
                Timeline::Team,
                assignee,
                original,
                [heading, &format!("{started} {keys}"), "Booking cancelled"],
            );
        }
    }
}
