//! Money: billable hours and billable utilisation per person and ISO week
//! against each person's target; planned revenue, cost and margin per
//! activity, per client and for the firm; the burn of hours budgets; and
//! what a scenario or a proposed piece of work does to revenue and margin.
//!
//! # The rules
//!
//! - **Which work counts** follows `capacity::Options`, as on the Capacity
//!   view: confirmed allocations always, tentative ones when tentative
//!   work is included and their scenario is not hidden. An allocation
//!   counts in full in every week it spans (as in `capacity`).
//! - **Billable hours** are a person's counted hours on billable
//!   activities. **Billable utilisation** is billable hours over capacity,
//!   the capacity of `capacity::compute` (contracted hours on the days the
//!   person is there: leave, holidays, start and end dates are taken off
//!   there, not here), compared with the person's target.
//! - **Revenue** comes only from billable activities. Billed **by the
//!   hour**: counted hours × the bill rate, in the week they are worked.
//!   At a **fixed fee**: the fee is recognised by allocated share: each
//!   week earns fee × that week's counted hours on the activity / all its
//!   counted hours (whichever weeks they lie in), so revenue follows the
//!   work and a range holding all the work holds the whole fee. A fee with
//!   no hours allocated earns nothing yet (`fee_unscheduled`).
//! - **Cost** is counted hours × the internal cost rate of whoever does
//!   them: the person, or the open role (its expected rate). Hours without
//!   a rate (placeholders, people without one) cost nothing here and are
//!   counted as `unpriced_hours`, so a margin is never silently flattered.
//! - **Margin** is revenue − cost; **margin %** is margin / revenue (none
//!   without revenue).
//! - **Budgets**: an activity's hours budget against all its counted
//!   hours, whatever the range; **burnt** are the hours of weeks before the
//!   week of `today`. When the hours planned pass the budget, the week it
//!   runs out is the first week whose hours, added up from the start, are
//!   more than the budget. At [`BUDGET_TIGHT_SHARE`] of it or more it is
//!   tight.

use super::capacity::{self, Capacity, Options};
use super::skills::usable_hours;
use chrono::Datelike;

use crate::model::{
    amount_text, hours_figure, percent_text, signed_amount_text, sort_by_number, Activity,
    ActivityId, Allocation, AllocationId, Assignee, Billing, Commitment, Horizon, IdIndex,
    NaiveDate, PersonId, Plan, ScenarioId, Week,
};

mod budgets;
mod effects;
#[cfg(test)]
mod tests;

use budgets::budgets_of;
pub use budgets::{budget_warnings, budgets};
pub use effects::{allocation_effect, engagement_effect, scenario_effect, Effect};

/// At this share of its budget or more, an activity's budget is tight.
pub const BUDGET_TIGHT_SHARE: f64 = 0.9;

/// Hours, revenue and cost of some work, in the plan's currency.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// Counted allocated hours.
    pub hours: f64,
    /// Of those, hours on billable activities.
    pub billable_hours: f64,
    pub revenue: f64,
    pub cost: f64,
    /// Hours whose cost is unknown (no cost rate).
    pub unpriced_hours: f64,
}

impl Figures {
    pub fn margin(&self) -> f64 {
        self.revenue - self.cost
    }

    /// Margin as a share of revenue; none without revenue.
    pub fn margin_share(&self) -> Option<f64> {
        (self.revenue.abs() >= 0.005).then(|| self.margin() / self.revenue)
    }

    fn add(&mut self, other: &Figures) {
        self.hours += other.hours;
        self.billable_hours += other.billable_hours;
        self.revenue += other.revenue;
        self.cost += other.cost;
        self.unpriced_hours += other.unpriced_hours;
    }
}

/// One person in one week.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PersonWeek {
    /// From `capacity::compute`.
    pub capacity: f64,
    pub billable: f64,
    /// All counted hours, billable or not.
    pub allocated: f64,
    pub cost: f64,
}

impl PersonWeek {
    /// Billable hours over capacity; none without capacity.
    pub fn billable_share(&self) -> Option<f64> {
        (self.capacity > 0.0).then(|| self.billable / self.capacity)
    }
}

/// A person's billable utilisation and cost over the range.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonMoney {
    pub person: PersonId,
    pub target: Option<f64>,
    pub weeks: Vec<PersonWeek>,
    /// The weeks summed.
    pub total: PersonWeek,
}

impl PersonMoney {
    /// Billable utilisation over the range.
    pub fn billable_share(&self) -> Option<f64> {
        self.total.billable_share()
    }

    /// Billable utilisation less the target (−0.15 is 15 points below);
    /// none without a target or capacity.
    pub fn against_target(&self) -> Option<f64> {
        Some(self.billable_share()? - self.target?)
    }

    /// "Billable 24 h of 152 h: 16 % (target 85 %, 69 points below)";
    /// "Billable 0 h: no capacity in these weeks".
    pub fn headline(&self) -> String {
        billable_headline(&self.total, self.target)
    }
}

/// "Billable 20 h of 40 h: 50 % (target 60 %, 10 points below)", for one
/// week or a range, for tooltips and screen readers.
pub fn billable_headline(week: &PersonWeek, target: Option<f64>) -> String {
    let Some(share) = week.billable_share() else {
        return format!(
            "Billable {} h: no capacity in these weeks",
            hours_figure(week.billable)
        );
    };
    let mut text = format!(
        "Billable {} h of {} h: {}",
        hours_figure(week.billable),
        hours_figure(week.capacity),
        percent_text(share)
    );
    if let Some(target) = target {
        let points = ((share - target) * 100.0).round() as i64;
        let against = match points {
            0 => "on target".to_string(),
            points if points > 0 => format!("{points} points above"),
            points => format!("{} points below", -points),
        };
        text.push_str(&format!(" (target {}, {against})", percent_text(target)));
    }
    text
}

/// An activity's money over the range.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityMoney {
    pub activity: ActivityId,
    pub figures: Figures,
    /// A fixed fee with no counted hours anywhere: nothing recognised yet.
    pub fee_unscheduled: bool,
}

/// A client's money over the range: the sum of its activities.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientMoney {
    /// The activities' `client`, trimmed; empty for work for no client.
    pub client: String,
    pub activities: Vec<ActivityId>,
    pub figures: Figures,
}

impl ClientMoney {
    /// The client's name, or "No client (internal work)".
    pub fn label(&self) -> &str {
        if self.client.is_empty() {
            "No client (internal work)"
        } else {
            &self.client
        }
    }
}

/// How an activity stands against its hours budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetState {
    Within,
    /// At [`BUDGET_TIGHT_SHARE`] of it or more.
    Tight,
    /// More hours are planned than the budget holds.
    Over,
}

/// An activity's hours budget and its burn.
#[derive(Debug, Clone, PartialEq)]
pub struct Burn {
    pub activity: ActivityId,
    pub budget: f64,
    /// Every counted hour planned on it, in any week.
    pub allocated: f64,
    /// The hours of the weeks before the week of `today`.
    pub burnt: f64,
    /// The first week whose hours, added up from the start, pass the
    /// budget.
    pub runs_out: Option<Week>,
    pub state: BudgetState,
}

impl Burn {
    /// Hours planned beyond the budget; never negative.
    pub fn over_by(&self) -> f64 {
        (self.allocated - self.budget).max(0.0)
    }

    /// The share of the budget burnt already; none for a zero budget.
    pub fn burnt_share(&self) -> Option<f64> {
        (self.budget > 0.0).then(|| self.burnt / self.budget)
    }

    /// The share of the budget planned; none for a zero budget.
    pub fn allocated_share(&self) -> Option<f64> {
        (self.budget > 0.0).then(|| self.allocated / self.budget)
    }
}

/// Money over a range of weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    pub first_week: Week,
    pub weeks: usize,
    /// Every person, in id order.
    pub people: Vec<PersonMoney>,
    /// Every activity, in id order.
    pub activities: Vec<ActivityMoney>,
    /// Clients by name, work for no client last.
    pub clients: Vec<ClientMoney>,
    /// The firm per week, for a chart.
    pub by_week: Vec<Figures>,
    /// The firm over the range.
    pub total: Figures,
    /// The people's capacity over the range.
    pub capacity: f64,
    /// Activities with an hours budget, in id order.
    pub budgets: Vec<Burn>,
}

impl Money {
    /// The week at column `index`.
    pub fn week(&self, index: usize) -> Week {
        self.first_week.plus_weeks(index as i64)
    }

    pub fn person(&self, person: PersonId) -> Option<&PersonMoney> {
        self.people.iter().find(|row| row.person == person)
    }

    pub fn activity(&self, activity: ActivityId) -> Option<&ActivityMoney> {
        self.activities.iter().find(|row| row.activity == activity)
    }

    /// The firm's billable utilisation over the range.
    pub fn billable_share(&self) -> Option<f64> {
        (self.capacity > 0.0).then(|| self.total.billable_hours / self.capacity)
    }
}

/// Money of `plan` over `range`, "this week" being the week of `today`.
pub fn compute(plan: &Plan, range: Horizon, options: &Options, today: NaiveDate) -> Money {
    let capacity = capacity::compute(plan, range, options, today);
    compute_on(plan, &capacity, options, today)
}

/// The same, on capacity already computed (with the same options), as the
/// Capacity view has it.
pub fn compute_on(plan: &Plan, capacity: &Capacity, options: &Options, today: NaiveDate) -> Money {
    compute_counting(
        plan,
        capacity,
        &|allocation| options.counts(allocation),
        today,
    )
}

fn compute_counting(
    plan: &Plan,
    capacity: &Capacity,
    counts: &dyn Fn(&Allocation) -> bool,
    today: NaiveDate,
) -> Money {
    let weeks = capacity.weeks;
    let first_week = capacity.first_week;
    let column_of = |week: Week| week.weeks_since(first_week);

    let mut people = people_rows(plan, capacity);
    let mut activities: Vec<ActivityMoney> = plan
        .activities
        .iter()
        .map(|activity| ActivityMoney {
            activity: activity.id,
            figures: Figures::default(),
            fee_unscheduled: false,
        })
        .collect();
    let mut by_week = vec![Figures::default(); weeks];

    let positions = counted_positions(plan, counts);
    // Every counted hour of each activity, in any week: the share of a
    // fixed fee a week earns.
    let mut all_hours = vec![0.0; plan.activities.len()];
    for (allocation, at) in plan.allocations.iter().zip(&positions) {
        if let Some(at) = at {
            all_hours[*at] += usable_hours(allocation.hours_per_week) * span_weeks(allocation);
        }
    }

    for (allocation, at) in plan.allocations.iter().zip(&positions) {
        let Some(at) = *at else {
            continue;
        };
        let activity = &plan.activities[at];
        let hours = usable_hours(allocation.hours_per_week);
        let rate = cost_rate(plan, &allocation.assignee);
        let person = match allocation.assignee {
            Assignee::Person(id) => person_index(plan, id),
            _ => None,
        };
        let from = column_of(allocation.first_week).clamp(0, weeks as i64) as usize;
        let to = (column_of(allocation.last_week) + 1).clamp(0, weeks as i64) as usize;
        for (column, week_total) in by_week.iter_mut().enumerate().take(to).skip(from) {
            let week = Figures {
                hours,
                billable_hours: if activity.billable { hours } else { 0.0 },
                revenue: revenue_of(activity, hours, all_hours[at]),
                cost: rate.map_or(0.0, |rate| rate * hours),
                unpriced_hours: if rate.is_some() { 0.0 } else { hours },
            };
            activities[at].figures.add(&week);
            week_total.add(&week);
            if let Some(index) = person {
                let cell = &mut people[index].weeks[column];
                cell.allocated += hours;
                cell.billable += week.billable_hours;
                cell.cost += week.cost;
            }
        }
    }
    for ((row, activity), hours) in activities.iter_mut().zip(&plan.activities).zip(&all_hours) {
        row.fee_unscheduled = activity.billable
            && matches!(activity.billing, Billing::FixedFee { amount } if amount > 0.0)
            && *hours <= 0.0;
    }
    sum_people(&mut people);

    // Clients by name, no client last.
    let mut clients: Vec<ClientMoney> = Vec::new();
    for (row, activity) in activities.iter().zip(&plan.activities) {
        let name = activity.client.trim();
        let at = match clients.binary_search_by(|client| client_order(&client.client, name)) {
            Ok(at) => at,
            Err(at) => {
                clients.insert(
                    at,
                    ClientMoney {
                        client: name.to_string(),
                        activities: Vec::new(),
                        figures: Figures::default(),
                    },
                );
                at
            }
        };
        clients[at].activities.push(activity.id);
        clients[at].figures.add(&row.figures);
    }

    let mut total = Figures::default();
    for week in &by_week {
        total.add(week);
    }
    let capacity_total = firm_total(&people).capacity;
    Money {
        first_week,
        weeks,
        people,
        activities,
        clients,
        by_week,
        total,
        capacity: capacity_total,
        budgets: budgets_of(plan, &positions, today),
    }
}

/// Whether the plan bills any work or sets anyone a billable target: what
/// makes billable utilisation worth showing (under each name in the
/// Capacity view). A plan without either would show "0 % billable" for
/// everyone.
pub fn tracks_billable(plan: &Plan) -> bool {
    plan.activities.iter().any(|activity| activity.billable)
        || plan
            .people
            .iter()
            .any(|person| person.billable_target.is_some())
}

/// Whether a scenario can change the firm's money: the plan bills some
/// work, or a person or an open role has a cost rate. Otherwise revenue,
/// cost and margin are zero with or without any scenario.
pub fn has_money(plan: &Plan) -> bool {
    plan.activities.iter().any(|activity| activity.billable)
        || plan.people.iter().any(|person| person.cost_rate.is_some())
        || plan.roles.iter().any(|role| role.cost_rate.is_some())
}

/// Each person's billable utilisation and cost alone: the `people` of
/// [`compute_on`] without the activities, clients, weeks and budgets, for
/// the Capacity view, which shows it under each name after every drop.
pub fn people_on(plan: &Plan, capacity: &Capacity, options: &Options) -> Vec<PersonMoney> {
    let mut people = people_rows(plan, capacity);
    let positions = counted_positions(plan, &|allocation| options.counts(allocation));
    // What each allocation needs of its activity and person, in compact
    // lists: looking it up in the plan's large items misses the cache at
    // every one of thousands of allocations.
    let billable: Vec<bool> = plan.activities.iter().map(|a| a.billable).collect();
    let person_at = IdIndex::of(plan.people.iter().map(|person| person.id.0));
    let rates: Vec<Option<f64>> = plan.people.iter().map(|p| p.cost_rate).collect();
    for (allocation, at) in plan.allocations.iter().zip(&positions) {
        let (Some(at), Assignee::Person(id)) = (*at, &allocation.assignee) else {
            continue;
        };
        let Some(index) = person_at.get(id.0) else {
            continue;
        };
        add_work(
            &mut people[index],
            capacity,
            allocation,
            billable[at],
            rates[index],
        );
    }
    sum_people(&mut people);
    people
}

/// [`people_on`] of `plan` again, from `previous`, its figures before a
/// change of allocations that moved work of the `changed` people only
/// (see `capacity::Kept::take_changed_people`): their figures are worked
/// out again, everyone else's kept. Gives what `people_on` gives.
pub fn people_on_again(
    mut previous: Vec<PersonMoney>,
    plan: &Plan,
    capacity: &Capacity,
    options: &Options,
    changed: &[PersonId],
) -> Vec<PersonMoney> {
    if previous.len() != plan.people.len() {
        return people_on(plan, capacity, options);
    }
    let activity_at = IdIndex::of(plan.activities.iter().map(|a| a.id.0));
    // Each changed person's position in the plan, with their figures
    // before any work is counted.
    let mut again: Vec<(usize, PersonMoney)> = changed
        .iter()
        .filter_map(|id| {
            let index = person_index(plan, *id)?;
            let cells = capacity.row(*id).map(|row| row.cells.as_slice());
            Some((
                index,
                person_row(&plan.people[index], cells, capacity.weeks),
            ))
        })
        .collect();
    for allocation in &plan.allocations {
        let Assignee::Person(id) = allocation.assignee else {
            continue;
        };
        let Some((index, person)) = again.iter_mut().find(|(_, person)| person.person == id) else {
            continue;
        };
        if !options.counts(allocation) {
            continue;
        }
        let Some(at) = activity_at.get(allocation.activity.0) else {
            continue;
        };
        let (billable, rate) = (plan.activities[at].billable, plan.people[*index].cost_rate);
        add_work(person, capacity, allocation, billable, rate);
    }
    for (index, mut person) in again {
        sum_person(&mut person);
        previous[index] = person;
    }
    previous
}

/// Adds a counted allocation of `person` to their weeks.
fn add_work(
    person: &mut PersonMoney,
    capacity: &Capacity,
    allocation: &Allocation,
    billable: bool,
    rate: Option<f64>,
) {
    let weeks = capacity.weeks as i64;
    let hours = usable_hours(allocation.hours_per_week);
    let billable = if billable { hours } else { 0.0 };
    let cost = rate.map_or(0.0, |rate| usable(rate) * hours);
    let from = allocation
        .first_week
        .weeks_since(capacity.first_week)
        .clamp(0, weeks) as usize;
    let to = (allocation.last_week.weeks_since(capacity.first_week) + 1).clamp(0, weeks) as usize;
    for cell in person.weeks.iter_mut().take(to).skip(from) {
        cell.allocated += hours;
        cell.billable += billable;
        cell.cost += cost;
    }
}

/// Every person with their capacity a week from `capacity`, nothing else
/// yet.
fn people_rows(plan: &Plan, capacity: &Capacity) -> Vec<PersonMoney> {
    // Each person's capacity row, found in one pass.
    let mut row_of_person: Vec<Option<usize>> = vec![None; plan.people.len()];
    for (row, person_row) in capacity.rows.iter().enumerate() {
        if let Some(index) = person_index(plan, person_row.person) {
            row_of_person[index] = Some(row);
        }
    }
    plan.people
        .iter()
        .zip(&row_of_person)
        .map(|(person, row)| {
            let cells = row.map(|row| capacity.rows[row].cells.as_slice());
            person_row(person, cells, capacity.weeks)
        })
        .collect()
}

/// `person` with the capacity of each of `weeks` weeks from their `cells`
/// (none: no capacity), nothing else yet.
fn person_row(
    person: &crate::model::Person,
    cells: Option<&[capacity::Cell]>,
    weeks: usize,
) -> PersonMoney {
    PersonMoney {
        person: person.id,
        target: person.billable_target,
        weeks: (0..weeks)
            .map(|at| PersonWeek {
                capacity: cells.map_or(0.0, |cells| cells[at].capacity),
                ..PersonWeek::default()
            })
            .collect(),
        total: PersonWeek::default(),
    }
}

/// Everyone's totals summed: the firm's billable hours over its capacity
/// (people only; work on roles and placeholders bills nobody's time yet).
pub fn firm_total(people: &[PersonMoney]) -> PersonWeek {
    let mut firm = PersonWeek::default();
    for person in people {
        firm.capacity += person.total.capacity;
        firm.billable += person.total.billable;
        firm.allocated += person.total.allocated;
        firm.cost += person.total.cost;
    }
    firm
}

/// Each person's weeks summed into their total.
fn sum_people(people: &mut [PersonMoney]) {
    for person in people {
        sum_person(person);
    }
}

/// A person's weeks summed into their total.
fn sum_person(person: &mut PersonMoney) {
    for week in &person.weeks {
        person.total.capacity += week.capacity;
        person.total.billable += week.billable;
        person.total.allocated += week.allocated;
        person.total.cost += week.cost;
    }
}

/// `name` against `other` in client order: by name, the empty name last.
fn client_order(name: &str, other: &str) -> std::cmp::Ordering {
    (name.is_empty(), name).cmp(&(other.is_empty(), other))
}

fn person_index(plan: &Plan, id: PersonId) -> Option<usize> {
    match plan.people.binary_search_by(|p| p.id.cmp(&id)) {
        Ok(at) => Some(at),
        Err(_) => plan.people.iter().position(|p| p.id == id),
    }
}

/// For each allocation, the position of its activity when it counts
/// (none when it does not, or its activity is unknown). Looked up in a
/// table by id number (see [`IdIndex`]): a search over the activities
/// themselves misses the cache at every step on a large plan.
fn counted_positions(plan: &Plan, counts: &dyn Fn(&Allocation) -> bool) -> Vec<Option<usize>> {
    let activity_at = IdIndex::of(plan.activities.iter().map(|a| a.id.0));
    plan.allocations
        .iter()
        .map(|allocation| {
            counts(allocation)
                .then(|| activity_at.get(allocation.activity.0))
                .flatten()
        })
        .collect()
}

/// How many weeks an allocation spans (none when backwards).
fn span_weeks(allocation: &Allocation) -> f64 {
    (allocation.last_week.weeks_since(allocation.first_week) + 1).max(0) as f64
}

/// What `hours` of work on `activity` in one week earn, `all_hours` being
/// every counted hour on it.
fn revenue_of(activity: &Activity, hours: f64, all_hours: f64) -> f64 {
    if !activity.billable {
        return 0.0;
    }
    match activity.billing {
        Billing::NotBilled => 0.0,
        Billing::Hourly { rate } => usable(rate) * hours,
        Billing::FixedFee { amount } if all_hours > 0.0 => usable(amount) * hours / all_hours,
        Billing::FixedFee { .. } => 0.0,
    }
}

/// The cost rate of whoever an allocation is for.
fn cost_rate(plan: &Plan, assignee: &Assignee) -> Option<f64> {
    match assignee {
        Assignee::Person(id) => plan.person(*id)?.cost_rate.map(usable),
        Assignee::Role(id) => plan.role(*id)?.cost_rate.map(usable),
        Assignee::Placeholder { .. } => None,
    }
}

/// An amount of money or a rate, nothing for nonsense.
fn usable(amount: f64) -> f64 {
    if amount.is_finite() {
        amount.max(0.0)
    } else {
        0.0
    }
}
