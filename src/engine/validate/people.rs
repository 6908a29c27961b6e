//! The rules of a person: hours, dates, working days, leave, skills and
//! certifications.

use super::*;

impl Checker {
    pub(super) fn person(&mut self, person: &Person) {
        let path = Entity("people", person.id);
        let name = Quoted(&person.name);
        if person.name.trim().is_empty() {
            self.error(format!("{path}.name"), "a person needs a name");
        }
        self.email(person);
        self.hours_per_week(&format_args!("{path}.weekly_hours"), person.weekly_hours);
        self.hours_per_week(
            &format_args!("{path}.support_hours_per_week"),
            person.support_hours_per_week,
        );
        if person.support_hours_per_week > person.weekly_hours {
            self.warning(
                format!("{path}.support_hours_per_week"),
                format!(
                    "{name}'s support load ({} h) is more than their weekly hours ({} h)",
                    person.support_hours_per_week, person.weekly_hours
                ),
            );
        }
        self.date(&format_args!("{path}.start_date"), person.start_date);
        self.date(&format_args!("{path}.end_date"), person.end_date);
        if let (Some(start), Some(end)) = (person.start_date, person.end_date) {
            if end < start {
                self.error(
                    format!("{path}.end_date"),
                    format!("{name} leaves on {end}, before starting on {start}"),
                );
            }
        }
        for (index, period) in person.support_periods.iter().enumerate() {
            let period_path = Member(&path, "support_periods", index);
            self.date(&format_args!("{period_path}.start"), Some(period.start));
            self.date(&format_args!("{period_path}.end"), Some(period.end));
            if period.end < period.start {
                self.error(
                    format!("{period_path}.end"),
                    format!(
                        "the support period ends on {} before it starts on {}",
                        period.end, period.start
                    ),
                );
            }
            self.hours_per_week(
                &format_args!("{period_path}.hours_per_week"),
                period.hours_per_week,
            );
        }
        for (index, leave) in person.leave.iter().enumerate() {
            let leave_path = Member(&path, "leave", index);
            self.date(&format_args!("{leave_path}.start"), Some(leave.start));
            self.date(&format_args!("{leave_path}.end"), Some(leave.end));
            if leave.end < leave.start {
                self.error(
                    format!("{leave_path}.end"),
                    format!(
                        "leave ends on {} before it starts on {}",
                        leave.end, leave.start
                    ),
                );
            }
            if !(leave.day_fraction > 0.0 && leave.day_fraction <= 1.0) {
                self.error(
                    format!("{leave_path}.day_fraction"),
                    "a leave day counts as more than 0 and at most 1 day",
                );
            }
        }
        for held in &person.skills {
            if !self.ids.skill(held.skill) {
                self.error(
                    format!("{path}.skills[{}]", held.skill),
                    format!(
                        "{name} has a skill {} that is not in the skill catalogue",
                        held.skill
                    ),
                );
            }
            if held.level > MAX_SKILL_LEVEL {
                self.error(
                    format!("{path}.skills[{}].level", held.skill),
                    format!(
                        "skill level {} is not possible: use 0 to {MAX_SKILL_LEVEL}",
                        held.level
                    ),
                );
            }
        }
        for (index, certification) in person.certifications.iter().enumerate() {
            let cert_path = Member(&path, "certifications", index);
            if certification.name.trim().is_empty() {
                self.error(format!("{cert_path}.name"), "a certification needs a name");
            }
            self.date(&format_args!("{cert_path}.expires"), certification.expires);
        }
        if let Some(rate) = person.cost_rate {
            if !rate.is_finite() || rate < 0.0 {
                self.error(
                    format!("{path}.cost_rate"),
                    "a cost rate cannot be negative",
                );
            }
        }
    }
}
