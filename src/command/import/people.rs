//! A People sheet: people added or updated in the fields the sheet has,
//! with the skills they name added to the catalogue. A person found by
//! their email under another name is renamed; an Email cell sets the email
//! of the person it is for.

use super::*;
use crate::model::MAX_SKILL_LEVEL;

/// The work of planning a People sheet, row by row.
struct People<'a> {
    plan: &'a Plan,
    people: PeopleIndex,
    /// Every skill by [`name_key`]: the catalogue's and those the import
    /// adds, with the id each has or will get.
    skills: HashMap<String, SkillId>,
    /// The skills the import adds, in the order `AddSkill` gives them ids.
    new_skills: Vec<Skill>,
    /// The id the next new skill gets: `AddSkill` gives the one after the
    /// largest, so the import's new skills count on from there.
    next_skill: u32,
    /// Every team by [`name_key`], as it is spelt in the plan.
    teams: HashMap<String, String>,
    new_teams: Vec<String>,
    /// The first row of each name and each email in the file.
    seen_names: HashMap<String, usize>,
    seen_emails: HashMap<String, usize>,
    /// The row that updates each person of the plan (by index into
    /// `plan.people`): one row found by name and another by email can
    /// name the same person.
    taken: HashMap<usize, usize>,
    /// The rows (by position) refused because the person they name by
    /// email or name was taken or someone else's, to read again.
    retry: Vec<usize>,
    added: usize,
    commands: Vec<Command>,
}

pub(super) fn plan_people<'a>(
    plan: &Plan,
    rows: impl Iterator<Item = Row<'a>>,
    source: &str,
) -> ImportPlan {
    let mut people = People {
        plan,
        people: people_by_name(plan),
        skills: plan
            .skills
            .iter()
            .map(|skill| (name_key(&skill.name), skill.id))
            .collect(),
        new_skills: Vec::new(),
        next_skill: SkillId::next_after(plan.skills.iter().map(|skill| &skill.id)).0,
        teams: plan
            .people
            .iter()
            .filter(|person| !person.team.trim().is_empty())
            .map(|person| (name_key(&person.team), person.team.clone()))
            .collect(),
        new_teams: Vec::new(),
        seen_names: HashMap::new(),
        seen_emails: HashMap::new(),
        taken: HashMap::new(),
        retry: Vec::new(),
        added: 0,
        commands: Vec::new(),
    };
    let rows: Vec<Row> = rows.collect();
    let mut outcomes: Vec<RowOutcome> = Vec::with_capacity(rows.len());
    for (at, row) in rows.iter().enumerate() {
        outcomes.push(people.row(row, at));
    }
    // A row refused because its email or name was another person's when it
    // was read is read again once the rows after it have renamed people or
    // changed their emails, as the same file imported again would read it.
    loop {
        let retry = std::mem::take(&mut people.retry);
        let mut taken = false;
        for at in retry {
            let outcome = people.row(&rows[at], at);
            taken |= outcome.action != RowAction::Refused;
            outcomes[at] = outcome;
        }
        if !taken {
            break;
        }
    }
    let counts = Counts::of(&outcomes);
    let mut changes = added_and_updated(&counts, "person", "people", "updated");
    if !people.new_skills.is_empty() {
        changes.push(format!(
            "{} added",
            count_of(people.new_skills.len(), "skill", "skills")
        ));
    }
    // New skills first: the people who hold them refer to their ids.
    let mut commands: Vec<Command> = people
        .new_skills
        .iter()
        .cloned()
        .map(Command::AddSkill)
        .collect();
    commands.append(&mut people.commands);
    let new_skills = people
        .new_skills
        .into_iter()
        .map(|skill| skill.name)
        .collect();
    finish(
        source,
        outcomes,
        changes,
        commands,
        new_skills,
        people.new_teams,
    )
}

impl People<'_> {
    fn row(&mut self, row: &Row, at: usize) -> RowOutcome {
        let (name, name_column) = match row.text(Column::Name) {
            "" => {
                let first = row.text(Column::FirstName);
                let last = row.text(Column::LastName);
                let column = match first {
                    "" if row.position(Column::LastName).is_some() => Column::LastName,
                    _ if row.position(Column::Name).is_some() => Column::Name,
                    _ => Column::FirstName,
                };
                (format!("{first} {last}").trim().to_string(), column)
            }
            name => (name.trim().to_string(), Column::Name),
        };
        if name.is_empty() {
            let problem = row.problem(name_column, "every person needs a name");
            return row.refused(String::new(), vec![problem]);
        }
        let what = shown(&name);
        if let Some(problem) = self.repeat(row, &name, name_column) {
            return row.refused(what, vec![problem]);
        }
        let email = row.text(Column::Email).trim();
        if let Some(problem) = email_problem(email) {
            let message = format!("'{}' {problem}", shown(email));
            return row.refused(what, vec![row.problem(Column::Email, message)]);
        }
        // The column a refusal of who the row is names: its Email when the
        // email is someone's in the plan.
        let by_email = self.people.by_email(email).is_some();
        let who_column = if by_email { Column::Email } else { name_column };
        let found = match find_person(self.plan, &self.people, &name, Some(email)) {
            Ok(found) => found,
            Err(message) => {
                self.retry.push(at);
                return row.refused(what, vec![row.problem(who_column, message)]);
            }
        };
        let before = match found {
            Some(index) => self.plan.people[index].clone(),
            None if self.plan.people.len() + self.added >= MAX_PEOPLE => {
                let message = format!("a plan holds at most {MAX_PEOPLE} people");
                return row.refused(what, vec![row.problem(name_column, message)]);
            }
            None => Person::new(PersonId(0), &name),
        };
        if let Some(index) = found {
            if let Some(first) = self.taken.get(&index) {
                self.retry.push(at);
                let message = format!("repeats row {first}: both are '{}'", shown(&before.name));
                return row.refused(what, vec![row.problem(who_column, message)]);
            }
            self.taken.insert(index, row.number());
        }
        let mut person = before.clone();
        // Found by email under another name: the person is renamed. A name
        // that differs only in case or spacing keeps the plan's spelling.
        if name_key(&name) != name_key(&person.name) {
            person.name = name.clone();
        }
        if !email.is_empty() {
            person.email = email.to_string();
        }
        let what = match person.name == before.name {
            true => shown(&before.name),
            false => format!("{} (was {})", shown(&person.name), shown(&before.name)),
        };
        let mut problems = Vec::new();
        let team = self.fields(row, &mut person, &mut problems);
        let new_skills = self.skills_of(row, &mut person, &mut problems);
        certifications(row, &mut person, &mut problems);
        if found.is_some() {
            owner_dates(self.plan, row, &person, &mut problems);
        }
        if !problems.is_empty() {
            return row.refused(what, problems);
        }
        if found.is_some() && person == before {
            return row.outcome(RowAction::Unchanged, what);
        }
        // The row is taken: its new skills and team become known.
        for skill in new_skills {
            self.skills.insert(name_key(&skill.name), skill.id);
            self.next_skill += 1;
            self.new_skills.push(skill);
        }
        if let Some(team) = team {
            self.teams.insert(name_key(&team), team.clone());
            self.new_teams.push(team);
        }
        match found {
            Some(index) => {
                self.people.changed(index, &before, &person);
                self.commands.push(Command::UpdatePerson(person));
                row.outcome(RowAction::Update, what)
            }
            None => {
                self.added += 1;
                self.commands.push(Command::AddPerson(person));
                row.outcome(RowAction::Add, what)
            }
        }
    }

    /// A problem when the row names a person an earlier row named, by email
    /// or by name; the row is remembered otherwise.
    fn repeat(&mut self, row: &Row, name: &str, name_column: Column) -> Option<CsvProblem> {
        let email = email_key(row.text(Column::Email));
        // A row read again is no repeat of itself.
        let earlier = |first: &usize| *first != row.number();
        if !email.is_empty() {
            if let Some(first) = self.seen_emails.get(&email).filter(|first| earlier(first)) {
                return Some(row.problem(Column::Email, format!("repeats row {first}")));
            }
        }
        let key = name_key(name);
        if let Some(first) = self.seen_names.get(&key).filter(|first| earlier(first)) {
            return Some(row.problem(name_column, format!("repeats row {first}")));
        }
        if !email.is_empty() {
            self.seen_emails.insert(email, row.number());
        }
        self.seen_names.insert(key, row.number());
        None
    }

    /// Sets the plain fields the row has; returns the team when it is new
    /// to the plan.
    fn fields(
        &self,
        row: &Row,
        person: &mut Person,
        problems: &mut Vec<CsvProblem>,
    ) -> Option<String> {
        let role = row.text(Column::Role);
        if !role.is_empty() {
            person.role = role.to_string();
        }
        let mut new_team = None;
        let team = row.text(Column::Team);
        if !team.is_empty() {
            // A team already in the plan keeps its spelling.
            person.team = match self.teams.get(&name_key(team)) {
                Some(known) => known.clone(),
                None => {
                    new_team = Some(team.to_string());
                    team.to_string()
                }
            };
        }
        let days = row.take(problems, Column::WorkingDays, parse_working_days);
        if let Some(days) = days.filter(|days| !days.is_empty()) {
            person.working_days = days;
        }
        let weekly = row.take(problems, Column::WeeklyHours, |text| {
            hours_within(text, HOURS_PER_WEEK_LIMIT, "a week")
        });
        let daily = row.take(problems, Column::HoursPerDay, |text| {
            hours_within(text, 24.0, "a day")
        });
        match (weekly, daily) {
            (Some(weekly), _) => person.weekly_hours = weekly,
            (None, Some(daily)) => person.weekly_hours = daily * person.working_days.len() as f64,
            (None, None) => {}
        }
        let start = row.date(problems, Column::Start);
        let end = row.date(problems, Column::End);
        person.start_date = start.or(person.start_date);
        person.end_date = end.or(person.end_date);
        if let (Some(start_date), Some(end_date)) = (person.start_date, person.end_date) {
            if end_date < start_date {
                let column = if end.is_some() {
                    Column::End
                } else {
                    Column::Start
                };
                problems.push(row.problem(
                    column,
                    format!("{end_date}, the last day, is before {start_date}, the first day"),
                ));
            }
        }
        if let Some(rate) = row.take(problems, Column::CostRate, parse_cost_rate) {
            person.cost_rate = Some(rate);
        }
        if let Some(target) = row.take(problems, Column::BillableTarget, parse_percent) {
            person.billable_target = Some(target);
        }
        new_team
    }

    /// Sets the skill levels the row names; returns the skills it adds to
    /// the catalogue, with the ids they will get.
    fn skills_of(
        &self,
        row: &Row,
        person: &mut Person,
        problems: &mut Vec<CsvProblem>,
    ) -> Vec<Skill> {
        let mut levels = row
            .take(problems, Column::Skills, parse_skill_levels)
            .unwrap_or_default();
        levels.extend(skill_columns(row, problems));
        if levels.is_empty() {
            return Vec::new();
        }
        let mut added: Vec<Skill> = Vec::new();
        let before = person.skills.clone();
        for (name, level) in levels {
            let key = name_key(&name);
            let known = self.skills.get(&key).copied().or_else(|| {
                added
                    .iter()
                    .find(|skill| name_key(&skill.name) == key)
                    .map(|skill| skill.id)
            });
            let skill = match known {
                Some(skill) => skill,
                // Level 0 of a skill no one has is nothing to add.
                None if level == 0 => continue,
                None => {
                    let id = SkillId(self.next_skill + added.len() as u32);
                    added.push(Skill {
                        id,
                        name,
                        category: String::new(),
                    });
                    id
                }
            };
            person.skills.retain(|held| held.skill != skill);
            if level > 0 {
                person.skills.push(SkillLevel { skill, level });
            }
        }
        if self.plan.skills.len() + self.new_skills.len() + added.len() > MAX_SKILLS {
            let message = format!("a plan holds at most {MAX_SKILLS} skills");
            problems.push(row.problem(Column::Skills, message));
        }
        if person.skills != before {
            sort_by_number(&mut person.skills, |held| held.skill.0.into());
        }
        added
    }
}

/// The levels in the row's skill columns (a skills matrix: each column
/// named after its skill, each cell a level from 0 to 4), empty cells left
/// out. A cell that is not a level is refused, and so is a skill that the
/// Skills cell names too.
fn skill_columns(row: &Row, problems: &mut Vec<CsvProblem>) -> Vec<(String, u8)> {
    let named_in_cell: Vec<String> = parse_skill_levels(row.text(Column::Skills))
        .unwrap_or_default()
        .into_iter()
        .map(|(name, _)| name_key(&name))
        .collect();
    let mut levels = Vec::new();
    for (position, mapped) in row.mapping.columns.iter().enumerate() {
        if *mapped != Some(Column::SkillLevel) {
            continue;
        }
        let text = row.table.cell(row.index, position);
        if text.is_empty() {
            continue;
        }
        let name = row
            .table
            .header
            .get(position)
            .map_or("", |name| name.trim());
        let problem = |message: String| CsvProblem {
            row: row.number(),
            column: column_name(position),
            message: format!("{}: {message}", shown(name)),
        };
        if name.is_empty() {
            problems.push(problem(
                "a skill level needs the skill's name at the top of its column".to_string(),
            ));
            continue;
        }
        if named_in_cell.contains(&name_key(name)) {
            problems.push(problem(format!(
                "the Skills cell gives '{}' a level too: keep one of the two",
                shown(name)
            )));
            continue;
        }
        match text.parse::<u8>() {
            Ok(level) if level <= MAX_SKILL_LEVEL => levels.push((name.to_string(), level)),
            _ => problems.push(problem(format!(
                "'{}' is not a skill level: use 0 (none) to {MAX_SKILL_LEVEL}",
                shown(text)
            ))),
        }
    }
    levels
}

/// Adds the certifications the row names, or gives one already held the
/// expiry date the row gives it.
fn certifications(row: &Row, person: &mut Person, problems: &mut Vec<CsvProblem>) {
    let order = row.mapping.dates;
    let read = row.take(problems, Column::Certifications, |text| {
        let read = parse_certifications(text, order)?;
        for (name, expires) in &read {
            if let Some(date) = expires {
                within_plan_years(*date)
                    .map_err(|problem| format!("{}: {problem}", shown(name)))?;
            }
        }
        Ok(read)
    });
    for (name, expires) in read.unwrap_or_default() {
        let key = name_key(&name);
        match person
            .certifications
            .iter_mut()
            .find(|held| name_key(&held.name) == key)
        {
            Some(held) => held.expires = expires.or(held.expires),
            None => person.certifications.push(Certification {
                name,
                issuer: String::new(),
                expires,
            }),
        }
    }
    if person.certifications.len() > MAX_ITEMS_PER_LIST {
        let message = format!("a person holds at most {MAX_ITEMS_PER_LIST} certifications");
        problems.push(row.problem(Column::Certifications, message));
    }
}

/// The plan's rule that an owner works here when their work is due: a new
/// first or last day may not leave work they own without them.
fn owner_dates(plan: &Plan, row: &Row, person: &Person, problems: &mut Vec<CsvProblem>) {
    for activity in &plan.activities {
        let Some(deadline) = activity.deadline else {
            continue;
        };
        if activity.owner != Some(person.id) {
            continue;
        }
        let title = shown(&activity.title);
        if let Some(end) = person.end_date.filter(|end| *end < deadline) {
            problems.push(row.problem(
                Column::End,
                format!(
                    "{end} is before '{title}', which they own, is due on {deadline}: give it to someone else first"
                ),
            ));
            return;
        }
        if let Some(start) = person.start_date.filter(|start| *start > deadline) {
            problems.push(row.problem(
                Column::Start,
                format!("{start} is after '{title}', which they own, is due on {deadline}"),
            ));
            return;
        }
    }
}

/// Reads a cost an hour: `95`, `95.50`, `95,50`, with a currency sign or
/// code before or after it and `/h` or `per hour` after it.
fn parse_cost_rate(text: &str) -> Result<f64, String> {
    const AROUND: [&str; 12] = [
        "per hour", "an hour", "/hour", "/hr", "/h", "€", "$", "£", "eur", "usd", "gbp", "chf",
    ];
    let lower = text.trim().to_lowercase();
    let mut number = lower.as_str();
    // Each pass takes one sign, code or unit off either end.
    loop {
        let before = number.len();
        for part in AROUND {
            number = number.strip_prefix(part).unwrap_or(number).trim();
            number = number.strip_suffix(part).unwrap_or(number).trim();
        }
        if number.len() == before {
            break;
        }
    }
    let not_a_cost = || {
        format!(
            "\"{}\" is not a cost an hour: write it as 95 or 95.50",
            shown(text.trim())
        )
    };
    if !number
        .bytes()
        .all(|byte| byte.is_ascii_digit() || matches!(byte, b'.' | b','))
    {
        return Err(not_a_cost());
    }
    // An amount is written as hours are: `parse_hours` reads both.
    parse_hours(number).map_err(|_| not_a_cost())
}
