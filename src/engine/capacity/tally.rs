//! The count behind [`Capacity`]: each person's and role's weeks, the
//! allocations tallied into them, and the work still to staff.

use super::*;

/// What a capacity is worked out for besides the plan: the same key and
/// the same plan give the same capacity.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Key {
    start: Week,
    weeks: usize,
    options: Options,
    this_week: Week,
}

impl Key {
    pub(super) fn of(range: Horizon, options: &Options, today: NaiveDate) -> Key {
        Key {
            start: range.start,
            weeks: range.weeks.min(MAX_HORIZON_WEEKS + LOOKAHEAD_WEEKS) as usize,
            options: options.clone(),
            this_week: Week::containing(today),
        }
    }
}

/// An allocation as it is counted: what its hours need of it, without its
/// texts (a kept copy of twelve thousand of them costs no allocation).
#[derive(Debug, Clone, Copy)]
struct Work {
    id: AllocationId,
    holder: Holder,
    activity: ActivityId,
    hours_per_week: f64,
    first_week: Week,
    last_week: Week,
    commitment: Commitment,
    scenario: Option<ScenarioId>,
}

/// Who holds a piece of [`Work`].
#[derive(Debug, Clone, Copy)]
enum Holder {
    Person(PersonId),
    Role(RoleId),
    Placeholder,
}

impl Work {
    fn of(allocation: &Allocation) -> Work {
        Work {
            id: allocation.id,
            holder: match allocation.assignee {
                Assignee::Person(person) => Holder::Person(person),
                Assignee::Role(role) => Holder::Role(role),
                Assignee::Placeholder { .. } => Holder::Placeholder,
            },
            activity: allocation.activity,
            hours_per_week: allocation.hours_per_week,
            first_week: allocation.first_week,
            last_week: allocation.last_week,
            commitment: allocation.commitment,
            scenario: allocation.scenario,
        }
    }
}

/// What counting one piece of work touched, for [`Tally::update`].
#[derive(Debug, Default)]
struct Touched {
    /// Its activity, by position in the plan, when its hours count there.
    activity: Option<usize>,
    /// The team of the row it is on.
    team: Option<usize>,
    person: Option<PersonId>,
}

/// A capacity being counted, with what it takes to count a change of
/// allocations into it: the plan's shape (rows, positions, each activity's
/// facts) and what each allocation and activity added.
#[derive(Debug)]
pub(super) struct Tally {
    pub(super) key: Key,
    first_day: i64,
    pub(super) capacity: Capacity,
    /// Every allocation as counted, in id order.
    work: Vec<Work>,
    activity_at: IdIndex,
    person_at: IdIndex,
    /// By position in the plan's people: their row.
    row_of_person: Vec<usize>,
    /// By position in the plan's open roles: their row, when shown.
    role_rows: Vec<Option<usize>>,
    /// The skill rows of every activity (see [`ActivityFacts::skill_rows`]).
    skill_rows: Vec<usize>,
    facts: Vec<ActivityFacts>,
    /// By position in the plan's activities: hours people and placeholders
    /// hold from this week to its deadline week.
    staffed: Vec<(f64, f64)>,
    /// By position in the plan's activities: for a contract, the hours its
    /// people and shown roles are booked on it in each column (a week's
    /// surplus does not make up for another week's gap).
    covered: Vec<Option<Vec<f64>>>,
    /// By position in the plan's activities: the hours a week its missing
    /// work adds to demand, and in which columns.
    spreads: Vec<Option<(f64, std::ops::Range<usize>)>>,
    /// The order of each of `capacity.unstaffed` (see [`unstaffed_order`]).
    unstaffed_order: Vec<u64>,
}

impl Tally {
    /// Counts `plan` from scratch.
    pub(super) fn new(
        plan: &Plan,
        range: Horizon,
        options: &Options,
        today: NaiveDate,
        baseline: &mut Baseline,
    ) -> Tally {
        let key = Key::of(range, options, today);
        let weeks = key.weeks;
        let first_day = day_number(range.start.monday());
        baseline.begin(first_day, weeks, holiday_numbers(plan));

        // The open roles that add capacity: not filled, scenario shown.
        let shown_roles: Vec<&crate::model::OpenRole> = plan
            .roles
            .iter()
            .filter(|role| role.adds_capacity(&options.hidden_scenarios))
            .collect();

        // Teams in name order, then the people of each in id order.
        let mut team_names: Vec<&str> = Vec::new();
        let team_names_of_roles = shown_roles.iter().map(|role| role.team.trim());
        for name in plan
            .people
            .iter()
            .map(|person| person.team.trim())
            .chain(team_names_of_roles)
        {
            if let Err(at) = team_names.binary_search(&name) {
                team_names.insert(at, name);
            }
        }
        let team_of = |person: &Person| {
            team_names
                .binary_search(&person.team.trim())
                .unwrap_or_default()
        };
        let mut rows: Vec<PersonRow> = Vec::with_capacity(plan.people.len());
        let mut row_of_person = vec![0usize; plan.people.len()];
        let mut teams: Vec<TeamRow> = Vec::with_capacity(team_names.len());
        for (team, name) in team_names.iter().enumerate() {
            let first_row = rows.len();
            for (index, person) in plan.people.iter().enumerate() {
                if team_of(person) != team {
                    continue;
                }
                row_of_person[index] = rows.len();
                rows.push(PersonRow {
                    person: person.id,
                    team,
                    cells: baseline.weeks_of(false, index, person),
                });
            }
            teams.push(TeamRow {
                name: name.to_string(),
                first_row,
                members: rows.len() - first_row,
                cells: Vec::new(),
            });
        }

        // A role counts as the person it will be (see `OpenRole::as_person`).
        let roles: Vec<RoleRow> = shown_roles
            .iter()
            .enumerate()
            .map(|(at, role)| RoleRow {
                role: role.id,
                team: team_names
                    .binary_search(&role.team.trim())
                    .unwrap_or_default(),
                cells: baseline.weeks_of(true, at, &role.as_person(PersonId(0), &role.title)),
            })
            .collect();
        baseline.end(plan.people.len(), shown_roles.len());
        let role_rows: Vec<Option<usize>> = plan
            .roles
            .iter()
            .map(|role| roles.iter().position(|row| row.role == role.id))
            .collect();

        let this_week = key.this_week;
        let last_week = range.start.plus_weeks(weeks as i64 - 1);
        // What the allocations need of their activity, once per activity.
        let mut skill_rows: Vec<usize> = Vec::new();
        let facts: Vec<ActivityFacts> = plan
            .activities
            .iter()
            .map(|activity| {
                ActivityFacts::of(activity, plan, this_week, last_week, &mut skill_rows)
            })
            .collect();
        let mut work: Vec<Work> = plan.allocations.iter().map(Work::of).collect();
        sort_by_number(&mut work, |work| u64::from(work.id.0));
        let mut tally = Tally {
            first_day,
            capacity: Capacity {
                first_week: range.start,
                weeks,
                rows,
                roles,
                teams,
                total: Vec::new(),
                unstaffed_demand: vec![0.0; weeks],
                skills: plan
                    .skills
                    .iter()
                    .map(|skill| SkillRow {
                        skill: skill.id,
                        supply: vec![0.0; weeks],
                        demand: vec![0.0; weeks],
                    })
                    .collect(),
                unstaffed: Vec::new(),
                scenarios: plan
                    .scenarios
                    .iter()
                    .map(|scenario| ScenarioRow {
                        scenario: scenario.id,
                        hours: vec![0.0; weeks],
                    })
                    .collect(),
                pipeline: vec![0.0; weeks],
                options: options.clone(),
            },
            work: Vec::new(),
            // Where each activity and person is, by id (a search of the
            // lists themselves, of large items, misses the cache on every
            // step).
            activity_at: IdIndex::of(plan.activities.iter().map(|activity| activity.id.0)),
            person_at: IdIndex::of(plan.people.iter().map(|person| person.id.0)),
            row_of_person,
            role_rows,
            skill_rows,
            facts,
            staffed: vec![(0.0, 0.0); plan.activities.len()],
            covered: plan
                .activities
                .iter()
                .map(|activity| activity.weekly_commitment().map(|_| vec![0.0; weeks]))
                .collect(),
            spreads: vec![None; plan.activities.len()],
            unstaffed_order: Vec::new(),
            key,
        };
        for work in &work {
            tally.count(plan, work, 1.0);
        }
        tally.work = work;

        // Unstaffed work, spread over its remaining weeks.
        let mut unstaffed: Vec<(u64, Unstaffed)> = Vec::new();
        for index in 0..plan.activities.len() {
            if let Some((order, item, spread)) = tally.unstaffed_of(plan, index) {
                unstaffed.push((order, item));
                tally.spread(index, spread);
            }
        }
        sort_by_number(&mut unstaffed, |(order, _)| *order);
        (tally.unstaffed_order, tally.capacity.unstaffed) = unstaffed.into_iter().unzip();

        tally.add_skill_supply(plan, &shown_roles);
        for team in 0..tally.capacity.teams.len() {
            tally.sum_team(team);
        }
        tally.sum_total();
        tally
    }

    /// Counts the changes of the allocations with ids `changed` into the
    /// capacity: the plan is the one counted but for them. Returns the
    /// people whose rows changed.
    pub(super) fn update(&mut self, plan: &Plan, changed: &[AllocationId]) -> Vec<PersonId> {
        let mut changed = changed.to_vec();
        sort_by_number(&mut changed, |id| u64::from(id.0));
        changed.dedup();
        let mut touched: Vec<Touched> = Vec::new();
        for id in changed {
            let kept = self.work.binary_search_by_key(&id, |work| work.id);
            if let Ok(at) = kept {
                let old = self.work[at];
                touched.push(self.count(plan, &old, -1.0));
            }
            let new = plan.allocation(id).map(Work::of);
            if let Some(new) = &new {
                touched.push(self.count(plan, new, 1.0));
            }
            match (new, kept) {
                (Some(new), Ok(at)) => self.work[at] = new,
                (Some(new), Err(at)) => self.work.insert(at, new),
                (None, Ok(at)) => {
                    self.work.remove(at);
                }
                (None, Err(_)) => {}
            }
        }
        let mut activities: Vec<usize> = touched.iter().filter_map(|t| t.activity).collect();
        sort_by_number(&mut activities, |index| *index as u64);
        activities.dedup();
        for index in activities {
            self.restaff(plan, index);
        }
        let mut teams: Vec<usize> = touched.iter().filter_map(|t| t.team).collect();
        sort_by_number(&mut teams, |index| *index as u64);
        teams.dedup();
        for &team in &teams {
            self.sum_team(team);
        }
        if !teams.is_empty() {
            self.sum_total();
        }
        touched.iter().filter_map(|t| t.person).collect()
    }

    /// The columns from `first` to `last` inclusive, clamped to the range:
    /// work wholly before or after it gives an empty span.
    fn columns(&self, first: Week, last: Week) -> std::ops::Range<usize> {
        columns_of(self.first_day, self.capacity.weeks, first, last)
    }

    /// Adds `work`'s hours to the capacity, or takes them out (`sign` -1).
    fn count(&mut self, plan: &Plan, work: &Work, sign: f64) -> Touched {
        let mut touched = Touched::default();
        let hours = sign * counted(usable_hours(work.hours_per_week));
        let span = self.columns(work.first_week, work.last_week);
        let capacity = &mut self.capacity;
        // Scenario rows count hidden scenarios too, so that a hidden
        // scenario can still say how much work it would bring.
        if let Some(scenario) = work.scenario {
            if let Some(row) = index_of(&plan.scenarios, scenario, |s| s.id)
                .and_then(|index| capacity.scenarios.get_mut(index))
            {
                for slot in &mut row.hours[span.clone()] {
                    *slot += hours;
                }
            }
        }
        let options = &self.key.options;
        if !options.shows_work(work.commitment, work.scenario) {
            return touched;
        }
        let activity_index = self.activity_at.get(work.activity.0);
        // A deal's work, weighted by its chance of being won (rounded to
        // whole parts like every other sum, so a kept capacity stays exact).
        if let Some(probability) = activity_index.and_then(|at| self.facts[at].probability) {
            let weighted = sign * counted(usable_hours(work.hours_per_week) * probability);
            for slot in &mut capacity.pipeline[span.clone()] {
                *slot += weighted;
            }
        }
        let tentative = work.commitment == Commitment::Tentative;
        let counts = options.counts_work(work.commitment, work.scenario);
        let add = |cells: &mut [Cell]| {
            for cell in cells {
                if tentative {
                    cell.tentative += hours;
                } else {
                    cell.confirmed += hours;
                }
            }
        };
        let role_row = match work.holder {
            Holder::Role(role) => {
                index_of(&plan.roles, role, |r| r.id).and_then(|index| self.role_rows[index])
            }
            _ => None,
        };
        match (work.holder, role_row) {
            (Holder::Person(person), _) => {
                if let Some(index) = self.person_at.get(person.0) {
                    let row = &mut capacity.rows[self.row_of_person[index]];
                    add(&mut row.cells[span.clone()]);
                    touched.team = Some(row.team);
                    touched.person = Some(person);
                }
            }
            (Holder::Role(_), Some(row)) => {
                let row = &mut capacity.roles[row];
                add(&mut row.cells[span.clone()]);
                touched.team = Some(row.team);
            }
            // A hire not shown brings no capacity: its work is demand, like
            // a placeholder's.
            (Holder::Role(_) | Holder::Placeholder, _) => {
                if counts {
                    for slot in &mut capacity.unstaffed_demand[span.clone()] {
                        *slot += hours;
                    }
                }
            }
        }
        if !counts {
            return touched;
        }
        let Some(activity_index) = activity_index else {
            return touched;
        };
        touched.activity = Some(activity_index);
        let fact = &self.facts[activity_index];
        let (from, to) = (fact.from, fact.to);
        let first = work.first_week.max(from);
        let last = to.map_or(work.last_week, |to| work.last_week.min(to));
        if first <= last {
            let held = hours * (last.weeks_since(first) + 1) as f64;
            let columns = columns_of(self.first_day, capacity.weeks, first, last);
            let slot = &mut self.staffed[activity_index];
            match (work.holder, role_row) {
                (Holder::Person(_), _) | (Holder::Role(_), Some(_)) => {
                    slot.0 += held;
                    if let Some(covered) = &mut self.covered[activity_index] {
                        for slot in &mut covered[columns] {
                            *slot += hours;
                        }
                    }
                }
                (Holder::Role(_) | Holder::Placeholder, _) => slot.1 += held,
            }
        }
        fact.split_over_skills(&self.skill_rows, &mut capacity.skills, hours, span);
        touched
    }

    /// The activity at `index` if it is open and short of staff: its order
    /// among unstaffed work (see [`unstaffed_order`]), what it misses, and
    /// the hours a week that adds to demand besides its placeholders'.
    fn unstaffed_of(&self, plan: &Plan, index: usize) -> Option<(u64, Unstaffed, f64)> {
        let activity = plan.activities.get(index)?;
        if activity.status == Status::Done
            || (activity.commitment == Commitment::Tentative && !self.key.options.include_tentative)
        {
            return None;
        }
        let fact = &self.facts[index];
        let last = self.last_week_of(fact);
        let weeks_left = (last.weeks_since(fact.from) + 1).clamp(1, i64::from(u32::MAX)) as u32;
        let (mut person_hours, placeholder_hours) = self.staffed[index];
        // A contract asks its hours every week of its term, each week on
        // its own; other work asks the effort it has left.
        let (remaining, missing) = match (activity.weekly_commitment(), &self.covered[index]) {
            (Some(hours), Some(covered)) => {
                let hours = counted(hours);
                let columns = self.columns(fact.from, last);
                let weeks = columns.len() as f64;
                let short: f64 = covered[columns.clone()]
                    .iter()
                    .map(|booked| (hours - booked).max(0.0))
                    .sum();
                person_hours = hours * weeks - short;
                (hours * weeks, short)
            }
            _ => {
                let remaining = activity.remaining_effort_hours();
                (remaining, remaining - person_hours)
            }
        };
        if remaining < 0.5 && person_hours == 0.0 && placeholder_hours == 0.0 {
            // No hours planned at all: listed, so nothing calls it staffed,
            // but it adds no demand.
            return Some((
                unstaffed_order(activity),
                Unstaffed {
                    activity: activity.id,
                    remaining: 0.0,
                    staffed: 0.0,
                    placeholder: 0.0,
                    missing: 0.0,
                    weeks_left,
                },
                0.0,
            ));
        }
        if missing < 0.5 {
            return None;
        }
        // Placeholder hours are already in the weekly demand.
        let spread = counted((missing - placeholder_hours).max(0.0) / f64::from(weeks_left));
        Some((
            unstaffed_order(activity),
            Unstaffed {
                activity: activity.id,
                remaining,
                staffed: person_hours,
                placeholder: placeholder_hours.min(missing),
                missing,
                weeks_left,
            },
            spread,
        ))
    }

    /// The last of an activity's remaining weeks: its deadline week, or the
    /// range's last week when it has none.
    fn last_week_of(&self, fact: &ActivityFacts) -> Week {
        fact.to
            .unwrap_or_else(|| self.key.start.plus_weeks(self.key.weeks as i64 - 1))
            .max(fact.from)
    }

    /// Adds the missing hours a week of the activity at `index` to demand
    /// over its remaining weeks, and remembers them.
    fn spread(&mut self, index: usize, spread: f64) {
        if spread <= 0.0 {
            return;
        }
        let fact = &self.facts[index];
        let span = self.columns(fact.from, self.last_week_of(fact));
        self.add_spread(index, spread, span.clone());
        self.spreads[index] = Some((spread, span));
    }

    fn add_spread(&mut self, index: usize, spread: f64, span: std::ops::Range<usize>) {
        for slot in &mut self.capacity.unstaffed_demand[span.clone()] {
            *slot += spread;
        }
        self.facts[index].split_over_skills(
            &self.skill_rows,
            &mut self.capacity.skills,
            spread,
            span,
        );
    }

    /// Works out again whether the activity at `index` is short of staff,
    /// after its allocations changed.
    fn restaff(&mut self, plan: &Plan, index: usize) {
        if let Some((spread, span)) = self.spreads[index].take() {
            self.add_spread(index, -spread, span);
        }
        if let Some(activity) = plan.activities.get(index) {
            if let Ok(at) = self
                .unstaffed_order
                .binary_search(&unstaffed_order(activity))
            {
                self.unstaffed_order.remove(at);
                self.capacity.unstaffed.remove(at);
            }
        }
        if let Some((order, item, spread)) = self.unstaffed_of(plan, index) {
            let at = self
                .unstaffed_order
                .binary_search(&order)
                .unwrap_or_else(|at| at);
            self.unstaffed_order.insert(at, order);
            self.capacity.unstaffed.insert(at, item);
            self.spread(index, spread);
        }
    }

    /// Skill supply: capacity less support of everyone holding the skill,
    /// and of the shown roles.
    fn add_skill_supply(&mut self, plan: &Plan, shown_roles: &[&crate::model::OpenRole]) {
        let capacity = &mut self.capacity;
        let people = plan.people.iter().enumerate().map(|(index, person)| {
            (
                &person.skills,
                &capacity.rows[self.row_of_person[index]].cells,
            )
        });
        let roles = shown_roles
            .iter()
            .zip(&capacity.roles)
            .map(|(role, row)| (&role.skills, &row.cells));
        for (skills, cells) in people.chain(roles) {
            for held in skills {
                if held.level < WORKING_LEVEL {
                    continue;
                }
                if let Some(row) = index_of(&plan.skills, held.skill, |s| s.id)
                    .and_then(|at| capacity.skills.get_mut(at))
                {
                    for (slot, cell) in row.supply.iter_mut().zip(cells) {
                        *slot += (cell.capacity - cell.support).max(0.0);
                    }
                }
            }
        }
    }

    /// The weeks of team `index` summed again from its rows.
    fn sum_team(&mut self, index: usize) {
        let capacity = &mut self.capacity;
        let team = &capacity.teams[index];
        let mut cells = vec![Cell::default(); capacity.weeks];
        let role_rows_of_team = capacity.roles.iter().filter(|row| row.team == index);
        for row_cells in capacity.rows[team.first_row..team.first_row + team.members]
            .iter()
            .map(|row| &row.cells)
            .chain(role_rows_of_team.map(|row| &row.cells))
        {
            for (sum, cell) in cells.iter_mut().zip(row_cells) {
                sum.add(cell);
            }
        }
        capacity.teams[index].cells = cells;
    }

    /// Everyone's weeks summed again from the teams'.
    fn sum_total(&mut self) {
        let mut total = vec![Cell::default(); self.capacity.weeks];
        for team in &self.capacity.teams {
            for (sum, cell) in total.iter_mut().zip(&team.cells) {
                sum.add(cell);
            }
        }
        self.capacity.total = total;
    }
}

/// The columns from `first` to `last` inclusive of `weeks` columns from the
/// Monday `first_day`, clamped to them.
fn columns_of(first_day: i64, weeks: usize, first: Week, last: Week) -> std::ops::Range<usize> {
    let weeks = weeks as i64;
    let column = |week: Week| (day_number(week.monday()) - first_day).div_euclid(7);
    let from = column(first).clamp(0, weeks) as usize;
    let to = (column(last) + 1).clamp(0, weeks) as usize;
    from..to.max(from)
}

/// Where an activity is listed among unstaffed work: by the day number of
/// its deadline (below 2^31; none last), then by id.
fn unstaffed_order(activity: &Activity) -> u64 {
    let deadline = activity.deadline.map_or(u64::from(u32::MAX >> 1), |day| {
        day_number(day).clamp(0, 1 << 30) as u64
    });
    deadline << 32 | u64::from(activity.id.0)
}

/// The weeks an open activity still has: from the later of this week and
/// its start week to its deadline week (none: open-ended).
fn remaining_weeks(activity: &Activity, this_week: Week) -> (Week, Option<Week>) {
    let from = activity
        .start
        .map_or(this_week, |start| Week::containing(start).max(this_week));
    (from, activity.deadline.map(Week::containing))
}

/// What the capacity of its allocations needs of an activity, worked out
/// once per activity instead of once per allocation (a large plan has four
/// allocations per activity).
#[derive(Debug)]
struct ActivityFacts {
    /// Its remaining weeks (see [`remaining_weeks`]).
    from: Week,
    to: Option<Week>,
    /// Where in the list shared by all activities (see [`ActivityFacts::of`])
    /// the rows of [`Capacity::skills`] of the skills it needs are: each
    /// skill once (a skill listed twice, at two levels, counts once), in
    /// the order it lists them; skills not in the catalogue have no row.
    /// One list for all, not one each: thousands of small lists made and
    /// dropped on every computation cost more than the rest of it.
    skill_rows: std::ops::Range<usize>,
    /// How many distinct skills it needs, known or not: its hours are
    /// split evenly between them.
    distinct_skills: usize,
    /// A pipeline deal's win probability (0 to 1); none for other work.
    probability: Option<f64>,
}

impl ActivityFacts {
    /// The facts of `activity`, its skill rows added to `skill_rows`.
    fn of(
        activity: &Activity,
        plan: &Plan,
        this_week: Week,
        last_week: Week,
        skill_rows: &mut Vec<usize>,
    ) -> ActivityFacts {
        let (from, mut to) = remaining_weeks(activity, this_week);
        // A contract asks its hours to the end of the weeks counted (or of
        // its term, when sooner), and its cover is counted over those
        // weeks only: a term running past them is not work short of staff.
        if activity.weekly_commitment().is_some() {
            to = Some(to.map_or(last_week, |to| to.min(last_week)).max(from));
        }
        let needs = &activity.required_skills;
        let mut distinct_skills = 0;
        let first_row = skill_rows.len();
        for (at, need) in needs.iter().enumerate() {
            if needs[..at]
                .iter()
                .any(|earlier| earlier.skill == need.skill)
            {
                continue;
            }
            distinct_skills += 1;
            if let Some(row) = index_of(&plan.skills, need.skill, |s| s.id) {
                skill_rows.push(row);
            }
        }
        ActivityFacts {
            from,
            to,
            skill_rows: first_row..skill_rows.len(),
            distinct_skills,
            probability: activity
                .deal
                .map(|deal| deal.probability)
                .filter(|probability| (0.0..=1.0).contains(probability)),
        }
    }

    /// Adds `hours` a week in `span` to the demand of the skills the
    /// activity needs, split evenly between them; `skill_rows` is the list
    /// the facts were made with.
    fn split_over_skills(
        &self,
        skill_rows: &[usize],
        skills: &mut [SkillRow],
        hours: f64,
        span: std::ops::Range<usize>,
    ) {
        if self.distinct_skills == 0 || span.is_empty() {
            return;
        }
        let share = counted(hours / self.distinct_skills as f64);
        for row in skill_rows.get(self.skill_rows.clone()).unwrap_or_default() {
            if let Some(row) = skills.get_mut(*row) {
                for slot in &mut row.demand[span.clone()] {
                    *slot += share;
                }
            }
        }
    }
}
