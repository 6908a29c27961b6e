//! How ids and weeks are written in plan files: as their readable strings
//! (`act-7`, `2026-W48`), parsed strictly on the way in.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{
    ActivityId, AllocationId, CheckInId, MetricId, PersonId, PlanId, SkillId, Week,
};

struct ParseVisitor<T>(PhantomData<T>, &'static str);

impl<T> Visitor<'_> for ParseVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

macro_rules! as_string {
    ($($name:ty => $expecting:literal),* $(,)?) => {$(
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(ParseVisitor(PhantomData, $expecting))
            }
        }
    )*};
}

as_string!(
    PlanId => "a plan id such as \"plan-1\"",
    ActivityId => "an activity id such as \"act-1\"",
    PersonId => "a person id such as \"per-1\"",
    SkillId => "a skill id such as \"skl-1\"",
    AllocationId => "an allocation id such as \"alc-1\"",
    MetricId => "a metric id such as \"met-1\"",
    CheckInId => "a check-in id such as \"chk-1\"",
    Week => "an ISO week such as \"2026-W48\"",
);
