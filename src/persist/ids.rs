//! How ids and weeks are written in plan files: as their readable strings
//! (`act-7`, `2026-W48`). Reading parses them back (see `read`).

use serde::{Serialize, Serializer};

use crate::model::{
    ActivityId, AllocationId, CadenceId, CheckInId, MetricId, PersonId, PlanId, RoleId, ScenarioId,
    SkillId, Week,
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
    RoleId,
    CadenceId,
    Week,
);

/// The JSON Schema of ids and weeks, for the published schema of the plan
/// file (`schema_tests`). They are written as strings, so their schemas are
/// patterns. Only native test builds know schemars (a native dev-dependency),
/// so it never reaches the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    use crate::model::{
        ActivityId, AllocationId, CadenceId, CheckInId, MetricId, PersonId, PlanId, RoleId,
        ScenarioId, SkillId, Week,
    };

    macro_rules! id_schema {
        ($($name:ident: $what:literal),* $(,)?) => {$(
            impl JsonSchema for $name {
                fn schema_name() -> Cow<'static, str> {
                    stringify!($name).into()
                }

                fn schema_id() -> Cow<'static, str> {
                    concat!("opsboard::model::", stringify!($name)).into()
                }

                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    let prefix = $name::PREFIX;
                    // The number is a u32 from 1, written without leading
                    // zeros or a sign; ten digits is the pattern's nearest
                    // bound to u32::MAX.
                    json_schema!({
                        "description": format!(
                            "{}: \"{prefix}-\" and a whole number from 1, such as \"{prefix}-7\".",
                            $what
                        ),
                        "type": "string",
                        "pattern": format!("^{prefix}-[1-9][0-9]{{0,9}}$"),
                    })
                }
            }
        )*};
    }

    id_schema!(
        PlanId: "A plan id",
        ActivityId: "An activity id",
        PersonId: "A person id",
        SkillId: "A skill id",
        AllocationId: "An allocation id",
        MetricId: "A success metric id",
        CheckInId: "A check-in id",
        ScenarioId: "A scenario id",
        RoleId: "An open role id",
        CadenceId: "A cadence id",
    );

    impl JsonSchema for Week {
        fn schema_name() -> Cow<'static, str> {
            "Week".into()
        }

        fn schema_id() -> Cow<'static, str> {
            "opsboard::model::Week".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "An ISO 8601 week, such as \"2026-W48\" (the week of Monday 23 November 2026). Week 53 exists only in some years.",
                "type": "string",
                "pattern": "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$",
            })
        }
    }
}
