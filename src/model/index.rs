//! Finding a thing of a plan by its id. Plans keep their lists in id
//! order, but a plan being edited or read may not be, and the engines look
//! up thousands of ids at a time: [`IdIndex`] is built once per list and
//! answers each lookup in constant or logarithmic time; [`index_of`] serves
//! a single lookup. Both take the first item of an id listed twice (never
//! in a valid plan), as validation does.

use super::sort_by_number;

/// The positions of the items of a list by their id numbers, for many
/// lookups: a table indexed by id number when the ids are about as many as
/// the numbers (a plan numbers them from 1), else a sorted table searched
/// by halves.
#[derive(Debug)]
pub enum IdIndex {
    /// `u32::MAX` where no item has that id.
    Dense(Vec<u32>),
    Sorted(Vec<(u32, u32)>),
}

impl IdIndex {
    pub fn of(ids: impl Iterator<Item = u32>) -> IdIndex {
        let mut table: Vec<(u32, u32)> = ids.zip(0..).collect();
        let largest = table.iter().map(|(id, _)| *id).max().unwrap_or(0) as usize;
        if largest <= 4 * table.len() + 1_024 {
            let mut dense = vec![u32::MAX; largest + 1];
            // Of an id listed twice (never in a valid plan), the first.
            for (id, at) in table.iter().rev() {
                dense[*id as usize] = *at;
            }
            return IdIndex::Dense(dense);
        }
        sort_by_number(&mut table, |(id, _)| u64::from(*id));
        table.dedup_by_key(|(id, _)| *id);
        IdIndex::Sorted(table)
    }

    pub fn get(&self, id: u32) -> Option<usize> {
        let at = match self {
            IdIndex::Dense(table) => *table.get(id as usize)?,
            IdIndex::Sorted(table) => {
                let found = table.binary_search_by_key(&id, |(id, _)| *id).ok()?;
                table[found].1
            }
        };
        (at != u32::MAX).then_some(at as usize)
    }
}

/// The position of the item with `id` in a list kept in id order.
pub fn index_of<T, Id: Ord + Copy>(items: &[T], id: Id, id_of: impl Fn(&T) -> Id) -> Option<usize> {
    match items.binary_search_by(|item| id_of(item).cmp(&id)) {
        Ok(index) => Some(index),
        Err(_) => items.iter().position(|item| id_of(item) == id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_found_at_its_first_position() {
        // Dense (ids about as many as the items) and sorted (sparse ids).
        for ids in [vec![3, 1, 2, 1], vec![900_000, 5, 70_000, 5]] {
            let index = IdIndex::of(ids.iter().copied());
            for (at, id) in ids.iter().enumerate() {
                let first = ids.iter().position(|other| other == id);
                assert_eq!(index.get(*id), first, "{ids:?} id {id} at {at}");
            }
            assert_eq!(index.get(4), None);
            assert_eq!(index.get(u32::MAX), None);
        }
        assert!(matches!(
            IdIndex::of([3, 1, 2].into_iter()),
            IdIndex::Dense(_)
        ));
        assert!(matches!(
            IdIndex::of([900_000, 5].into_iter()),
            IdIndex::Sorted(_)
        ));
        assert_eq!(IdIndex::of(std::iter::empty()).get(0), None);
    }

    #[test]
    fn index_of_searches_a_sorted_list_and_falls_back_to_a_scan() {
        let sorted = [(1, 'a'), (4, 'b'), (9, 'c')];
        assert_eq!(index_of(&sorted, 4, |item| item.0), Some(1));
        assert_eq!(index_of(&sorted, 5, |item| item.0), None);
        let unsorted = [(9, 'c'), (1, 'a'), (4, 'b')];
        assert_eq!(index_of(&unsorted, 4, |item| item.0), Some(2));
    }
}
