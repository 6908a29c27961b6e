//! A Holidays sheet: public holidays merged into the plan's.

use super::*;

pub(super) fn plan_holidays<'a>(
    plan: &Plan,
    rows: impl Iterator<Item = Row<'a>>,
    source: &str,
) -> ImportPlan {
    let mut holidays = plan.holidays.clone();
    // The first row of each date.
    let mut seen: HashMap<NaiveDate, usize> = HashMap::new();
    let mut outcomes = Vec::new();
    for row in rows {
        let mut problems = Vec::new();
        let date = row.date(&mut problems, Column::Date);
        let name = row.text(Column::Name).to_string();
        let Some(date) = date else {
            if problems.is_empty() {
                problems.push(row.problem(Column::Date, "no date is given"));
            }
            outcomes.push(row.refused(shown(&name), problems));
            continue;
        };
        let what = match name.as_str() {
            "" => date.to_string(),
            name => format!("{date} {}", shown(name)),
        };
        if let Some(first) = seen.get(&date) {
            let problem = row.problem(Column::Date, format!("repeats row {first}"));
            outcomes.push(row.refused(what, vec![problem]));
            continue;
        }
        seen.insert(date, row.number());
        let holiday = Holiday { date, name };
        let outcome = if holidays.contains(&holiday) {
            row.outcome(RowAction::Unchanged, what)
        } else if let Some(same_day) = holidays.iter_mut().find(|held| held.date == date) {
            // One holiday a day: the sheet's name replaces the plan's.
            *same_day = holiday;
            row.outcome(RowAction::Update, what)
        } else if holidays.len() >= MAX_HOLIDAYS {
            let message = format!("a plan holds at most {MAX_HOLIDAYS} public holidays");
            row.refused(what, vec![row.problem(Column::Date, message)])
        } else {
            holidays.push(holiday);
            row.outcome(RowAction::Add, what)
        };
        outcomes.push(outcome);
    }
    let counts = Counts::of(&outcomes);
    let changes = added_and_updated(&counts, "public holiday", "public holidays", "renamed");
    let commands = if counts.added + counts.updated == 0 {
        Vec::new()
    } else {
        sort_by_number(&mut holidays, |holiday| {
            holiday.date.num_days_from_ce() as u64
        });
        vec![Command::SetHolidays(holidays)]
    };
    finish(source, outcomes, changes, commands, Vec::new(), Vec::new())
}
