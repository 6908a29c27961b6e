//! The dependency network of the open initiatives: lookups by id, who
//! waits on whom, and the critical path in working days.

use super::*;

/// A list of activity indices for every activity, stored back to back in
/// one vector instead of one vector each.
pub(super) struct Adjacency {
    /// Where each activity's list starts in `items`; one more entry than
    /// activities, the last being the end.
    pub(super) starts: Vec<usize>,
    pub(super) items: Vec<usize>,
}

impl Adjacency {
    pub(super) fn of(&self, index: usize) -> &[usize] {
        match self.starts.get(index..index + 2) {
            Some(&[start, end]) => &self.items[start..end],
            _ => &[],
        }
    }

    /// The same edges the other way round, keeping only those between
    /// activities for which `keep` is true.
    pub(super) fn reversed(&self, keep: impl Fn(usize) -> bool) -> Adjacency {
        let count = self.starts.len().saturating_sub(1);
        let mut starts = vec![0usize; count + 1];
        for from in (0..count).filter(|from| keep(*from)) {
            for to in self.of(from).iter().filter(|to| keep(**to)) {
                starts[*to + 1] += 1;
            }
        }
        for index in 0..count {
            starts[index + 1] += starts[index];
        }
        let mut next = starts.clone();
        let mut items = vec![0usize; starts[count]];
        for from in (0..count).filter(|from| keep(*from)) {
            for to in self.of(from).iter().filter(|to| keep(**to)) {
                items[next[*to]] = from;
                next[*to] += 1;
            }
        }
        Adjacency { starts, items }
    }
}

/// The open activities and the dependencies between them, by index into
/// the plan's activities.
pub(super) struct Network {
    /// The ranked activities in dependency order: every activity comes after
    /// all it depends on.
    pub(super) order: Vec<usize>,
    /// Each activity's place in `order` (`usize::MAX` when not ranked), also
    /// its bit in the bitsets of dependents.
    pub(super) slot: Vec<usize>,
    /// The open activities each one depends on, each once.
    pub(super) dependencies: Adjacency,
    /// The ranked activities that depend on each one.
    pub(super) dependents: Adjacency,
    /// Open activities that could not be ordered (see `rank`).
    pub(super) unordered: Vec<usize>,
}

impl Network {
    pub(super) fn new(activities: &[Activity], lookup: &IdIndex, on_loop: &[bool]) -> Network {
        let count = activities.len();
        let open: Vec<bool> = activities
            .iter()
            .zip(on_loop)
            .map(|(activity, looping)| {
                activity.is_initiative() && activity.status != Status::Done && !looping
            })
            .collect();
        // Unknown ids, self-dependencies and repeats are errors validation
        // reports; here they are skipped so that any plan ranks.
        let mut starts: Vec<usize> = Vec::with_capacity(count + 1);
        let mut items: Vec<usize> = Vec::new();
        starts.push(0);
        for (index, activity) in activities.iter().enumerate() {
            let first = items.len();
            if open[index] {
                for id in &activity.depends_on {
                    match lookup.get(id.0) {
                        Some(dependency)
                            if dependency != index
                                && open[dependency]
                                && !items[first..].contains(&dependency) =>
                        {
                            items.push(dependency)
                        }
                        _ => {}
                    }
                }
            }
            starts.push(items.len());
        }
        let dependencies = Adjacency { starts, items };
        let mut dependents = dependencies.reversed(|index| open[index]);

        // Kahn's algorithm: an activity joins the order once everything it
        // depends on has, starting from the free ones in plan (id) order, so
        // the numbering is the same every time.
        let mut unmet: Vec<usize> = (0..count)
            .map(|index| dependencies.of(index).len())
            .collect();
        let mut order: Vec<usize> = (0..count)
            .filter(|index| open[*index] && unmet[*index] == 0)
            .collect();
        let mut next = 0;
        while let Some(&index) = order.get(next) {
            next += 1;
            for &dependent in dependents.of(index) {
                unmet[dependent] = unmet[dependent].saturating_sub(1);
                if unmet[dependent] == 0 {
                    order.push(dependent);
                }
            }
        }
        let mut slot = vec![usize::MAX; count];
        for (place, index) in order.iter().enumerate() {
            slot[*index] = place;
        }
        let unordered: Vec<usize> = (0..count)
            .filter(|index| open[*index] && slot[*index] == usize::MAX)
            .collect();
        if !unordered.is_empty() {
            dependents = dependencies.reversed(|index| slot[index] != usize::MAX);
        }
        Network {
            order,
            slot,
            dependencies,
            dependents,
            unordered,
        }
    }
}
