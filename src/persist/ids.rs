//! How ids and weeks are written in plan files: as their readable strings
//! (`act-7`, `2026-W48`). Reading parses them back (see `read`).

use serde::{Serialize, Serializer};

use crate::model::{
    ActivityId, AllocationId, CheckInId, MetricId, PersonId, PlanId, ScenarioId, SkillId, Week,
};

macro_rules! as_string {
    ($($name:ty),* $(,)?) => {$(
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

as_string!(
    PlanId,
    ActivityId,
    PersonId,
    SkillId,
    AllocationId,
    MetricId,
    CheckInId,
    ScenarioId,
    Week,
);
